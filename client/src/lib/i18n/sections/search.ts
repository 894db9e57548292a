import { i18n } from '../i18n.svelte.ts';
import { searchEn } from './search.en.ts';

// The messages of the search page.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: searchEn,
  fr: () => import('./search.fr.ts').then((module) => module.searchFr),
  es: () => import('./search.es.ts').then((module) => module.searchEs),
});
