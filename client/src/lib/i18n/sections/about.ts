import { i18n } from '../i18n.svelte.ts';
import { aboutEn } from './about.en.ts';

// The messages of a dialogue's page about itself, which only that page needs.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: aboutEn,
  fr: () => import('./about.fr.ts').then((module) => module.aboutFr),
  es: () => import('./about.es.ts').then((module) => module.aboutEs),
});
