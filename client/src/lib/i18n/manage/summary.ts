import { manageI18n } from '../manage.svelte.ts';
import { summaryEn } from './summary.en.ts';

/** The translator of the summary editor, with its messages loaded. */
export const summaryI18n = manageI18n;

await manageI18n.addSection({
  en: summaryEn,
  fr: () => import('./summary.fr.ts').then((module) => module.summaryFr),
  es: () => import('./summary.es.ts').then((module) => module.summaryEs),
});
