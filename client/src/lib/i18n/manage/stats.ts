import { manageI18n } from '../manage.svelte.ts';
import { statsEn } from './stats.en.ts';

/** The translator of the statistics dashboard, with its messages loaded. */
export const statsI18n = manageI18n;

await manageI18n.addSection({
  en: statsEn,
  fr: () => import('./stats.fr.ts').then((module) => module.statsFr),
  es: () => import('./stats.es.ts').then((module) => module.statsEs),
});
