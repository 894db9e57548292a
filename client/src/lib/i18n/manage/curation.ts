import { manageI18n } from '../manage.svelte.ts';
import { curationEn } from './curation.en.ts';

/** The translator of curation: the "Quote" action in a thread and the selected comments page, with its messages loaded. */
export const curationI18n = manageI18n;

await manageI18n.addSection({
  en: curationEn,
  fr: () => import('./curation.fr.ts').then((module) => module.curationFr),
  es: () => import('./curation.es.ts').then((module) => module.curationEs),
});
