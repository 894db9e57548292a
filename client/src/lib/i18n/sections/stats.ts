// These screens also say the messages all the organizers' screens share.
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { statsEn } from './stats.en.ts';

// The messages of the statistics dashboard and its charts.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: statsEn,
  fr: () => import('./stats.fr.ts').then((module) => module.statsFr),
  es: () => import('./stats.es.ts').then((module) => module.statsEs),
});
