// These screens also say the messages all the organizers' screens share.
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { exportEn } from './export.en.ts';

// The messages of the export page: the annex, its warnings and the raw data.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: exportEn,
  fr: () => import('./export.fr.ts').then((module) => module.exportFr),
  es: () => import('./export.es.ts').then((module) => module.exportEs),
});
