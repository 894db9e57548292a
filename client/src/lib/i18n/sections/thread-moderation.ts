// These tools also say the messages every moderation screen shares.
import './moderation.ts';
import { i18n } from '../i18n.svelte.ts';
import { threadModerationEn } from './thread-moderation.en.ts';

// The messages of a moderator's tools in a thread.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: threadModerationEn,
  fr: () => import('./thread-moderation.fr.ts').then((module) => module.threadModerationFr),
  es: () => import('./thread-moderation.es.ts').then((module) => module.threadModerationEs),
});
