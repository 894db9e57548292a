import type { Language } from '../../../../shared/common.ts';
import { en } from './en.ts';
import type { Messages } from './messages.ts';

export type Locale = Language;
export const DEFAULT_LOCALE: Locale = 'en';
/**
 * Each language's messages. English ships with the first page (it is the default and the
 * fallback); French and Spanish are fetched when chosen, so no reader downloads all three.
 */
export const loadCatalogue: Record<Locale, () => Promise<Messages>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./fr.ts').then((module) => module.fr),
  es: () => import('./es.ts').then((module) => module.es),
};

/** Each language named in itself, as language pickers show them whatever the interface language. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', fr: 'Français', es: 'Español' };
/** Every language of the contract, as the complete record above lists them (the order pickers show). */
export const LOCALES = Object.keys(LOCALE_NAMES) as Locale[];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The interface language: the reader's saved choice, else the first of the browser's
 * preferred languages we have (by primary subtag: fr-CH is fr), else English.
 */
export function negotiateLocale(saved: string | null, preferred: readonly string[]): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of preferred) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}

/**
 * The tag dates and numbers are formatted with: the reader's own regional variant of the interface
 * language when the browser prefers one (en-GB writes 2 December, fr-CA and es-MX their own way),
 * else the language itself.
 */
export function formattingTag(locale: Locale, preferred: readonly string[]): string {
  const regional = preferred.find((tag) => tag.split('-')[0]?.toLowerCase() === locale);
  if (!regional) return locale;
  try {
    return Intl.getCanonicalLocales(regional)[0] ?? locale;
  } catch {
    return locale;
  }
}
