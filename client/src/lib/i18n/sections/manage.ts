import { i18n } from '../i18n.svelte.ts';
import { manageEn } from './manage.en.ts';

// The messages every organizer's and moderator's screen shares: the way between them and the server's refusals.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: manageEn,
  fr: () => import('./manage.fr.ts').then((module) => module.manageFr),
  es: () => import('./manage.es.ts').then((module) => module.manageEs),
});
