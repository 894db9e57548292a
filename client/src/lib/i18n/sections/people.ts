// This screen also says the messages all the organizers' screens share (their refusals among them).
import './manage.ts';
import { i18n } from '../i18n.svelte.ts';
import { peopleEn } from './people.en.ts';

// The messages of the organizers' people screen.
// Modules that import this one wait until the reader's language is here: no flash of English.
await i18n.addSection({
  en: peopleEn,
  fr: () => import('./people.fr.ts').then((module) => module.peopleFr),
  es: () => import('./people.es.ts').then((module) => module.peopleEs),
});
