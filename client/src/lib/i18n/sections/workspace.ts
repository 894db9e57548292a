// The workspace's refusals and forms also say the messages every organizer's screen shares.
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { workspaceEn } from './workspace.en.ts';

// The messages of the organizers' workspace: the list of dialogues, a new dialogue or a copy, and
// the dialogue's own fields. Modules that import this one wait until the reader's language is here.
await i18n.addSection({
  en: workspaceEn,
  fr: () => import('./workspace.fr.ts').then((module) => module.workspaceFr),
  es: () => import('./workspace.es.ts').then((module) => module.workspaceEs),
});
