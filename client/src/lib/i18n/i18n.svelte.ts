import { I18n } from './translator.svelte.ts';

const STORAGE_KEY = 'vd.locale';

/** The app's one translator: the interface language, its messages and its Intl formats. */
export const i18n = new I18n({
  languages: navigator.languages,
  // Storage can be unavailable (privacy modes, blocked cookies): the choice then lasts the visit.
  saved: () => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  save: (locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // see saved
    }
  },
  show: (locale) => {
    document.documentElement.lang = locale;
  },
});
