// These screens also say the messages all the organizers' screens share.
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { curationEn } from './curation.en.ts';

// The messages of curation: the "Quote" action in a thread and the selected comments page.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: curationEn,
  fr: () => import('./curation.fr.ts').then((module) => module.curationFr),
  es: () => import('./curation.es.ts').then((module) => module.curationEs),
});
