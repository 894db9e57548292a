// These screens also say the messages every moderation screen shares.
import './moderation.ts';
import { i18n } from '../i18n.svelte.ts';
import { auditEn } from './audit.en.ts';

// The messages of the audit log.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: auditEn,
  fr: () => import('./audit.fr.ts').then((module) => module.auditFr),
  es: () => import('./audit.es.ts').then((module) => module.auditEs),
});
