import type { Language } from '../../../shared/common.constants.ts';
import type { DialogueTextField, DialogueTexts, TopicTextField, TopicTexts } from '../../../shared/dialogues.constants.ts';

/**
 * A dialogue's or a topic's text as a reader sees it, and the language it is written in: the
 * element showing it takes that `lang`, so that a screen reader reads a base text that stands in
 * for a missing translation in its own language, not in the interface's. `lang` is undefined when
 * the caller did not say what the base language is.
 */
export interface Localized {
  text: string;
  lang: string | undefined;
  /** whether `text` is the translation, not the base text standing in for it */
  translated: boolean;
}

type ByLanguage<T> = Partial<Record<Language, T>>;

/** What of a dialogue its texts need: the base fields asked for, its languages (the first is the base's) and translations. */
export type TranslatedDialogue<F extends DialogueTextField> = Record<F, string> & {
  languages?: readonly string[];
  translations?: ByLanguage<DialogueTexts>;
};
export type TranslatedTopic<F extends TopicTextField> = Record<F, string> & { translations?: ByLanguage<TopicTexts> };

function pick(base: string, translated: string | undefined, locale: Language, baseLanguage: string | undefined): Localized {
  return translated !== undefined && translated.trim() !== ''
    ? { text: translated, lang: locale, translated: true }
    : { text: base, lang: baseLanguage, translated: false };
}

/** A dialogue's text in `locale` where the organizers wrote one, else its base text (in the dialogue's first language). */
export function dialogueText<F extends DialogueTextField>(dialogue: TranslatedDialogue<F>, field: F, locale: Language): Localized {
  return pick(dialogue[field], dialogue.translations?.[locale]?.[field], locale, dialogue.languages?.[0]);
}

/** A topic's text in `locale` where the organizers wrote one, else its base text, written in `baseLanguage` (its dialogue's first). */
export function topicText<F extends TopicTextField>(topic: TranslatedTopic<F>, field: F, locale: Language, baseLanguage: string | undefined): Localized {
  return pick(topic[field], topic.translations?.[locale]?.[field], locale, baseLanguage);
}
