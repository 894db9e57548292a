// These screens also say the messages every organizer's screen shares.
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { topicsEditorEn } from './topics-editor.en.ts';

// The messages of a dialogue's topics screen.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: topicsEditorEn,
  fr: () => import('./topics-editor.fr.ts').then((module) => module.topicsEditorFr),
  es: () => import('./topics-editor.es.ts').then((module) => module.topicsEditorEs),
});
