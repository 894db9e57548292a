import { createFormats } from './format.ts';
import { catalogues, negotiateLocale, type Locale } from './locales.ts';
import { interpolate, pluralKey, type MessageKey, type ParamArgs, type PluralKey } from './messages.ts';

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
  #locale: Locale = $state(negotiateLocale(savedLocale(), navigator.languages));
  format = $derived(createFormats(this.#locale));
  #messages = $derived(catalogues[this.#locale]);

  constructor() {
    document.documentElement.lang = this.#locale;
  }

  get locale(): Locale {
    return this.#locale;
  }

  /** Switches the interface language and remembers it for the next visits. */
  choose(locale: Locale): void {
    this.#locale = locale;
    document.documentElement.lang = locale;
    saveLocale(locale);
  }

  t = <K extends MessageKey>(key: K, ...[params]: ParamArgs<K>): string =>
    interpolate(this.#messages[key], params ?? {}, this.format.number);

  /** A `.one` / `.other` message chosen by `count`, which fills its `{count}`. */
  plural = (key: PluralKey, count: number): string =>
    interpolate(this.#messages[pluralKey(key, this.format.plural(count))], { count }, this.format.number);
}

export const i18n = new I18n();
