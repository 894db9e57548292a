import { createFormats } from './format.ts';
import { en } from './en.ts';
import { DEFAULT_LOCALE, formattingTag, loadCatalogue, negotiateLocale, type Locale } from './locales.ts';
import { interpolate, pluralKey, type MessageKey, type Messages, type ParamArgs, type PluralKey } from './messages.ts';

const STORAGE_KEY = 'vd.locale';

// Storage can be unavailable (privacy modes, blocked cookies): the choice then lasts the visit.
function savedLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // see savedLocale
  }
}

/** The interface language, its messages and its Intl formats. */
export class I18n {
  #locale: Locale = $state(DEFAULT_LOCALE);
  format = $derived(createFormats(formattingTag(this.#locale, navigator.languages)));
  #messages: Messages = $state.raw(en);
  /** the language asked for last: a slower earlier load never overrides a later choice */
  #wanted: Locale = DEFAULT_LOCALE;
  /** settles when the reader's language is ready; the app mounts after it, so it never flashes English */
  readonly ready: Promise<void>;
  /** loaders of the messages that lazily loaded parts of the app bring along (the organizers' screens) */
  #parts: ((locale: Locale) => Promise<void>)[] = [];

  constructor() {
    document.documentElement.lang = DEFAULT_LOCALE;
    this.ready = this.#switch(negotiateLocale(savedLocale(), navigator.languages));
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** Switches the interface language (once its messages have arrived) and remembers it for the next visits. */
  choose(locale: Locale): Promise<void> {
    saveLocale(locale);
    return this.#switch(locale);
  }

  /**
   * Adds the messages of a part of the app that is loaded later: fetched now for the current
   * language (and the one being switched to), and with every later switch, which waits for them
   * so that the part never shows the previous language. Messages that cannot be fetched leave
   * the part in English.
   */
  addPart(load: (locale: Locale) => Promise<void>): Promise<void> {
    this.#parts.push(load);
    const locales = this.#locale === this.#wanted ? [this.#locale] : [this.#locale, this.#wanted];
    return Promise.all(locales.map((locale) => load(locale).catch(() => undefined))).then(() => undefined);
  }

  // A catalogue that cannot be fetched (offline) leaves the current language in place.
  async #switch(locale: Locale): Promise<void> {
    this.#wanted = locale;
    const [messages] = await Promise.all([
      loadCatalogue[locale]().catch(() => null),
      ...this.#parts.map((load) => load(locale).catch(() => undefined)),
    ]);
    if (messages === null || this.#wanted !== locale) return;
    this.#messages = messages;
    this.#locale = locale;
    document.documentElement.lang = locale;
  }

  t = <K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): string =>
    interpolate(this.#messages[key], params ?? {}, this.format.number);

  /** A `.one` / `.other` message chosen by `count`, which fills its `{count}`. */
  plural = (key: PluralKey, count: number): string =>
    interpolate(this.#messages[pluralKey(key, this.format.plural(count))], { count }, this.format.number);
}

export const i18n = new I18n();
