import { i18n } from '../i18n.svelte.ts';
import { socialEn } from './social.en.ts';

// The messages of the notification bell, the follow button and @mention suggestions.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: socialEn,
  fr: () => import('./social.fr.ts').then((module) => module.socialFr),
  es: () => import('./social.es.ts').then((module) => module.socialEs),
});
