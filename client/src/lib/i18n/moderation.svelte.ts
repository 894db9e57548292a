import type { en } from './en.ts';
import { i18n } from './i18n.svelte.ts';
import type { Locale } from './locales.ts';
import { interpolate, type MessageKey, type Placeholders } from './messages.ts';
import { moderationEn, type ModerationMessages } from './moderation/en.ts';

// The messages of the moderation screens (queue, audit log, moderation settings, the tools in a
// thread): a catalogue of their own, loaded with those screens, so that participants' pages never
// download them. `t` also knows the main catalogue's keys ("Cancel", "Loading…", report reasons).

type All = typeof en & typeof moderationEn;
type Key = keyof All;
type Args<K extends Key> = [Placeholders<All[K]>] extends [never] ? [] : [params: Record<Placeholders<All[K]>, string | number>];
type PluralBase = { [K in Key]: K extends `${infer Base}.one` ? Base : never }[Key];
/** A message of either catalogue without placeholders. */
export type ModerationPlainKey = { [K in Key]: Args<K> extends [] ? K : never }[Key];
export type Translate = <K extends Key>(key: K, ...params: Args<K>) => string;

const LOADERS: Record<Locale, () => Promise<ModerationMessages>> = {
  en: () => Promise.resolve(moderationEn),
  fr: () => import('./moderation/fr.ts').then((module) => module.moderationFr),
  es: () => import('./moderation/es.ts').then((module) => module.moderationEs),
};

class ModerationI18n {
  #catalogues: Partial<Record<Locale, ModerationMessages>> = $state.raw({ en: moderationEn });

  /** Fetches the moderation messages in a language (once); the interface switches language after it. */
  load = async (locale: Locale): Promise<void> => {
    if (this.#catalogues[locale]) return;
    const messages = await LOADERS[locale]();
    this.#catalogues = { ...this.#catalogues, [locale]: messages };
  };

  get format() {
    return i18n.format;
  }

  get locale(): Locale {
    return i18n.locale;
  }

  t: Translate = (key, ...[params]) => {
    const own: Partial<Record<string, string>> = this.#catalogues[i18n.locale] ?? moderationEn;
    const template = own[key];
    if (template === undefined) return (i18n.t as (key: MessageKey, params?: Record<string, string | number>) => string)(key as MessageKey, params);
    return interpolate(template, params ?? {}, i18n.format.number);
  };

  /** A `.one` / `.other` message chosen by `count`, which fills its `{count}`. */
  plural = (key: PluralBase, count: number): string => {
    const form = i18n.format.plural(count) === 'one' ? 'one' : 'other';
    return (this.t as (key: Key, params: Record<string, number>) => string)(`${key}.${form}` as Key, { count });
  };
}

export const moderationI18n = new ModerationI18n();

// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addPart(moderationI18n.load);
