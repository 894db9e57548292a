import { i18n } from '../i18n.svelte.ts';
import { threadEn } from './thread.en.ts';

// The messages of a long thread, with the topic page.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: threadEn,
  fr: () => import('./thread.fr.ts').then((module) => module.threadFr),
  es: () => import('./thread.es.ts').then((module) => module.threadEs),
});
