import { i18n } from '../i18n.svelte.ts';
import { outcomeEn } from './outcome.en.ts';

// The messages of the outcome the public reads on the dialogue and topic pages, fetched with the
// parts of those pages that show it (only when there is one to show).
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: outcomeEn,
  fr: () => import('./outcome.fr.ts').then((module) => module.outcomeFr),
  es: () => import('./outcome.es.ts').then((module) => module.outcomeEs),
});
