// These screens also say the messages all the organizers' screens share.
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { summaryEn } from './summary.en.ts';

// The messages of the summary editor: versions, differences, sources and key points.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: summaryEn,
  fr: () => import('./summary.fr.ts').then((module) => module.summaryFr),
  es: () => import('./summary.es.ts').then((module) => module.summaryEs),
});
