import { i18n } from '../i18n.svelte.ts';
import { practicesEn } from './practices.en.ts';

// The messages of the good practices' screens: the library, a practice, its form and its review.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: practicesEn,
  fr: () => import('./practices.fr.ts').then((module) => module.practicesFr),
  es: () => import('./practices.es.ts').then((module) => module.practicesEs),
});
