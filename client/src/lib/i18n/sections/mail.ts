import { i18n } from '../i18n.svelte.ts';
import { mailEn } from './mail.en.ts';

// The messages of the organizers' outbox screen and of the unsubscribe page.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: mailEn,
  fr: () => import('./mail.fr.ts').then((module) => module.mailFr),
  es: () => import('./mail.es.ts').then((module) => module.mailEs),
});
