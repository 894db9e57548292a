import { createFormats } from './format.ts';
import { en } from './en.ts';
import { DEFAULT_LOCALE, formattingTag, loadCatalogue, negotiateLocale, type Locale } from './locales.ts';
import { interpolate, pluralKey, type MessageKey, type ParamArgs, type PluralKey, type Translation } from './messages.ts';

/** What the translator needs from the browser (./i18n.svelte.ts), and tests give it instead. */
export interface Environment {
  /** the reader's preferred languages, the most preferred first */
  readonly languages: readonly string[];
  /** the language the reader chose on an earlier visit, if any */
  saved(): string | null;
  /** remembers the reader's choice for the next visits */
  save(locale: Locale): void;
  /** labels the page with the language it is now in */
  show(locale: Locale): void;
}

type Catalogue = Readonly<Record<string, string>>;

/** A section of the messages: its English messages, and the other languages, fetched when needed. */
export type Section<E extends Catalogue> = { en: E } & Record<Exclude<Locale, 'en'>, () => Promise<Translation<E>>>;

/**
 * The interface language, its messages and its Intl formats. The main catalogue comes with the
 * first page; the messages of the organizers' and moderators' screens come in sections, added by
 * the modules under sections/ that those screens import, so that participants' pages never
 * download them and each screen only its own.
 */
export class I18n {
  readonly #environment: Environment;
  #locale: Locale = $state(DEFAULT_LOCALE);
  format = $derived(createFormats(this.tag));
  #messages: Catalogue = $state.raw(en);
  /** the sections' messages added so far, by language */
  #sections: Partial<Record<Locale, Catalogue>> = $state.raw({});
  /** the language asked for last: a slower earlier load never overrides a later choice */
  #wanted: Locale = DEFAULT_LOCALE;
  /** settles when the reader's language is ready; the app mounts after it, so it never flashes English */
  readonly ready: Promise<void>;
  /** for each section added, what fetches its messages in a language */
  #sectionLoaders: ((locale: Locale) => Promise<void>)[] = [];

  constructor(environment: Environment) {
    this.#environment = environment;
    environment.show(DEFAULT_LOCALE);
    this.ready = this.#switch(negotiateLocale(environment.saved(), environment.languages));
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** The tag dates and numbers are written with: the reader's regional variant of the interface language. */
  get tag(): string {
    return formattingTag(this.#locale, this.#environment.languages);
  }

  /** Switches the interface language (once its messages have arrived) and remembers it for the next visits. */
  choose(locale: Locale): Promise<void> {
    this.#environment.save(locale);
    return this.#switch(locale);
  }

  /**
   * Adds a section's messages: English at once, the current language (and the one being switched
   * to) before the promise settles, and each later language before the interface switches to it,
   * so that the section never shows the previous language. Messages that cannot be fetched leave
   * the section in English.
   */
  addSection<E extends Catalogue>(section: Section<E>): Promise<void> {
    this.#merge('en', section.en);
    const load = async (locale: Locale): Promise<void> => {
      if (locale !== 'en') this.#merge(locale, await section[locale]());
    };
    this.#sectionLoaders.push(load);
    const locales = this.#locale === this.#wanted ? [this.#locale] : [this.#locale, this.#wanted];
    return Promise.all(locales.map((locale) => load(locale).catch(() => undefined))).then(() => undefined);
  }

  // A catalogue that cannot be fetched (offline) leaves the current language in place.
  async #switch(locale: Locale): Promise<void> {
    this.#wanted = locale;
    const [messages] = await Promise.all([
      loadCatalogue[locale]().catch(() => null),
      ...this.#sectionLoaders.map((load) => load(locale).catch(() => undefined)),
    ]);
    if (messages === null || this.#wanted !== locale) return;
    this.#messages = messages;
    this.#locale = locale;
    this.#environment.show(locale);
  }

  t = <K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): string => interpolate(this.#template(key), params ?? {}, this.format.number);

  /** A `.one` / `.other` message chosen by `count`, which fills its `{count}`. */
  plural = (key: PluralKey, count: number): string => interpolate(this.#template(pluralKey(key, this.format.plural(count))), { count }, this.format.number);

  // A section's message missing in the language (its translation could not be fetched) is said in
  // English; the key itself only shows if a screen forgot to import its section.
  #template(key: MessageKey): string {
    return this.#messages[key] ?? this.#sections[this.#locale]?.[key] ?? this.#sections.en?.[key] ?? key;
  }

  #merge(locale: Locale, messages: Catalogue): void {
    this.#sections = { ...this.#sections, [locale]: { ...this.#sections[locale], ...messages } };
  }
}
