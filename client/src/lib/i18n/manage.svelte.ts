import type { en } from './en.ts';
import { i18n } from './i18n.svelte.ts';
import { formattingTag, type Locale } from './locales.ts';
import { interpolate, type MessageKey, type Placeholders } from './messages.ts';
import { commonEn } from './manage/common.en.ts';
import type { curationEn } from './manage/curation.en.ts';
import type { exportEn } from './manage/export.en.ts';
import type { statsEn } from './manage/stats.en.ts';
import type { summaryEn } from './manage/summary.en.ts';
import type { Translation } from './manage/translation.ts';

// The messages of the organizers' and moderators' screens, in sections loaded with the screens
// that use them (manage/curation.ts, summary.ts, stats.ts, export.ts), so that participants'
// pages never download them and each screen only its own. `t` also knows the main catalogue's
// keys, which these screens share ("Topic 3", "Cancel", the affiliations).

type Sections = typeof commonEn & typeof curationEn & typeof summaryEn & typeof statsEn & typeof exportEn;
export type ManageKey = keyof Sections;
type All = typeof en & Sections;
type Key = keyof All;
type Args<K extends Key> = [Placeholders<All[K]>] extends [never] ? [] : [params: Record<Placeholders<All[K]>, string | number>];
type PluralBase = { [K in Key]: K extends `${infer Base}.one` ? Base : never }[Key];

/** A section: its English messages, and the other languages fetched when needed. */
export type Section<E> = { en: E } & Record<Exclude<Locale, 'en'>, () => Promise<Translation<E>>>;

class ManageI18n {
  #catalogues: Partial<Record<Locale, Readonly<Record<string, string>>>> = $state.raw({});

  /**
   * Adds a section's messages: English at once, the reader's language before the promise settles,
   * and each later language before the interface switches to it.
   */
  addSection<E extends Record<string, string>>(section: Section<E>): Promise<void> {
    this.#merge('en', section.en);
    return i18n.addPart(async (locale) => {
      if (locale !== 'en') this.#merge(locale, await section[locale]());
    });
  }

  get format() {
    return i18n.format;
  }

  get locale(): Locale {
    return i18n.locale;
  }

  /** The tag dates are written with: the reader's regional variant of the interface language. */
  get tag(): string {
    return formattingTag(i18n.locale, navigator.languages);
  }

  t = <K extends Key>(key: K, ...[params]: Args<K>): string => {
    const template = this.#catalogues[i18n.locale]?.[key] ?? this.#catalogues.en?.[key];
    if (template === undefined) return (i18n.t as (key: MessageKey, params?: Record<string, string | number>) => string)(key as MessageKey, params);
    return interpolate(template, params ?? {}, i18n.format.number);
  };

  /** A `.one` / `.other` message chosen by `count`, which fills its `{count}`. */
  plural = (key: PluralBase, count: number): string => {
    const form = i18n.format.plural(count) === 'one' ? 'one' : 'other';
    return (this.t as (key: Key, params: Record<string, number>) => string)(`${key}.${form}` as Key, { count });
  };

  #merge(locale: Locale, messages: Readonly<Record<string, string>>): void {
    this.#catalogues = { ...this.#catalogues, [locale]: { ...this.#catalogues[locale], ...messages } };
  }
}

export const manageI18n = new ManageI18n();

// Modules that import this one wait until the reader's language is here: no flash of English.
await manageI18n.addSection({
  en: commonEn,
  fr: () => import('./manage/common.fr.ts').then((module) => module.commonFr),
  es: () => import('./manage/common.es.ts').then((module) => module.commonEs),
});
