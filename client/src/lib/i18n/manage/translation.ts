/** A translation of a section of the organizers' screens' messages: exactly the keys of its English version, any wording. */
export type Translation<E> = Record<keyof E, string>;
