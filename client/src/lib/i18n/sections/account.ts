import { i18n } from '../i18n.svelte.ts';
import { accountEn } from './account.en.ts';

// The messages of the account's screens (a forgotten password, a confirmed address, e-mail
// settings, my data, deleting the account) and of the notice of a dialogue that asks for a
// confirmed address. Modules that import this one wait until the reader's language is here.
await i18n.addSection({
  en: accountEn,
  fr: () => import('./account.fr.ts').then((module) => module.accountFr),
  es: () => import('./account.es.ts').then((module) => module.accountEs),
});
