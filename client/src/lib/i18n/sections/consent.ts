import { i18n } from '../i18n.svelte.ts';
import { consentEn } from './consent.en.ts';

// The messages of the quoted author's consent page.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: consentEn,
  fr: () => import('./consent.fr.ts').then((module) => module.consentFr),
  es: () => import('./consent.es.ts').then((module) => module.consentEs),
});
