import { i18n } from '../i18n.svelte.ts';
import { moderationEn } from './moderation.en.ts';

// The messages every moderation screen shares: the queue, the reasons asked and the refusals.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: moderationEn,
  fr: () => import('./moderation.fr.ts').then((module) => module.moderationFr),
  es: () => import('./moderation.es.ts').then((module) => module.moderationEs),
});
