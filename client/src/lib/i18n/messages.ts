import type { en } from './en.ts';

export type MessageKey = keyof typeof en;
/** A translated catalogue: exactly the keys of `en`, any wording. */
export type Messages = Record<MessageKey, string>;

/** The `{name}` placeholders of a message, as a union of their names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamValue = string | number;
/** The `{name}` placeholders of an English message, as the parameters `t` requires for it. */
type ParamsOf<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, ParamValue>;
export type ParamArgs<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/** Messages without placeholders. */
export type PlainKey = { [K in MessageKey]: ParamArgs<K> extends [] ? K : never }[MessageKey];

/** Keys that come as `.one` / `.other` plural pairs, named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

/** A `{name}` placeholder in a message. */
export const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; numbers go through the locale's number format. */
export function interpolate(template: string, params: Record<string, ParamValue>, formatNumber: (n: number) => string): string {
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The plural form's key; categories other than `one` (French `many` for millions) use `.other`. */
export function pluralKey(base: PluralKey, category: Intl.LDMLPluralRule): MessageKey {
  return `${base}.${category === 'one' ? 'one' : 'other'}`;
}
