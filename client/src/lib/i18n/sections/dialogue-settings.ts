// These screens also say the messages every moderation screen shares.
import './moderation.ts';
import { i18n } from '../i18n.svelte.ts';
import { dialogueSettingsEn } from './dialogue-settings.en.ts';

// The messages of a dialogue's moderation settings.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: dialogueSettingsEn,
  fr: () => import('./dialogue-settings.fr.ts').then((module) => module.dialogueSettingsFr),
  es: () => import('./dialogue-settings.es.ts').then((module) => module.dialogueSettingsEs),
});
