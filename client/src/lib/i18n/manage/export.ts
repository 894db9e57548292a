import { manageI18n } from '../manage.svelte.ts';
import { exportEn } from './export.en.ts';

/** The translator of the export page, with its messages loaded. */
export const exportI18n = manageI18n;

await manageI18n.addSection({
  en: exportEn,
  fr: () => import('./export.fr.ts').then((module) => module.exportFr),
  es: () => import('./export.es.ts').then((module) => module.exportEs),
});
