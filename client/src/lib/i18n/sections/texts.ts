// These screens also say the messages every organizer's screen shares.
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { textsEn } from './texts.en.ts';

// The messages of a dialogue's texts in its other languages.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: textsEn,
  fr: () => import('./texts.fr.ts').then((module) => module.textsFr),
  es: () => import('./texts.es.ts').then((module) => module.textsEs),
});
