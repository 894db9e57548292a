import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/lib/i18n/en.ts';
import { fr } from '../../client/src/lib/i18n/fr.ts';
import { auditEn } from '../../client/src/lib/i18n/sections/audit.en.ts';
import { curationEn } from '../../client/src/lib/i18n/sections/curation.en.ts';
import { dialogueSettingsEn } from '../../client/src/lib/i18n/sections/dialogue-settings.en.ts';
import { exportEn } from '../../client/src/lib/i18n/sections/export.en.ts';
import { manageEn } from '../../client/src/lib/i18n/sections/manage.en.ts';
import { moderationEn } from '../../client/src/lib/i18n/sections/moderation.en.ts';
import { moderationEs } from '../../client/src/lib/i18n/sections/moderation.es.ts';
import { moderationFr } from '../../client/src/lib/i18n/sections/moderation.fr.ts';
import { statsEn } from '../../client/src/lib/i18n/sections/stats.en.ts';
import { summaryEn } from '../../client/src/lib/i18n/sections/summary.en.ts';
import { threadModerationEn } from '../../client/src/lib/i18n/sections/thread-moderation.en.ts';
import { I18n, type Environment, type Section } from '../../client/src/lib/i18n/translator.svelte.ts';

// The app's one translator (client/src/lib/i18n/translator.svelte.ts), with sections of messages
// added by the organizers' and moderators' screens, in a reader's browser played by `browser`.

function browser(languages: string[], saved: string | null = null) {
  const page = { lang: '', saved };
  const environment: Environment = {
    languages,
    saved: () => page.saved,
    save: (locale) => void (page.saved = locale),
    show: (locale) => void (page.lang = locale),
  };
  return { page, environment };
}

const moderation: Section<typeof moderationEn> = {
  en: moderationEn,
  fr: () => import('../../client/src/lib/i18n/sections/moderation.fr.ts').then((module) => module.moderationFr),
  es: () => import('../../client/src/lib/i18n/sections/moderation.es.ts').then((module) => module.moderationEs),
};

describe('the sections', () => {
  it('share no key with each other nor with the main catalogue, as one translator reads them all', () => {
    const sections = { main: en, moderationEn, threadModerationEn, auditEn, dialogueSettingsEn, manageEn, curationEn, summaryEn, statsEn, exportEn };
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [name, catalogue] of Object.entries(sections)) {
      for (const key of Object.keys(catalogue)) {
        if (seen.has(key)) clashes.push(`${key} in ${name} and ${seen.get(key)}`);
        seen.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('the translator', () => {
  it('speaks the reader’s language, and labels the page with it, once its messages are here', async () => {
    const { page, environment } = browser(['fr-CH', 'en']);
    const i18n = new I18n(environment);
    expect(page.lang).toBe('en');
    await i18n.ready;
    expect([i18n.locale, page.lang, i18n.tag]).toEqual(['fr', 'fr', 'fr-CH']);
    expect(i18n.t('nav.dialogues')).toBe(fr['nav.dialogues']);
  });

  it('says a section in the reader’s language from the moment it is added', async () => {
    const i18n = new I18n(browser(['fr']).environment);
    await i18n.ready;
    await i18n.addSection(moderation);
    expect(i18n.t('queue.title')).toBe(moderationFr['queue.title']);
    expect(i18n.plural('queue.waiting', 2)).toBe('2 commentaires en attente');
  });

  it('switches a section with the rest once its messages are here, without showing English meanwhile, and remembers the choice', async () => {
    const { page, environment } = browser(['fr']);
    const i18n = new I18n(environment);
    await i18n.ready;
    await i18n.addSection(moderation);
    const switching = i18n.choose('es');
    expect(i18n.t('queue.title')).toBe(moderationFr['queue.title']);
    await switching;
    expect([i18n.locale, page.lang, page.saved]).toEqual(['es', 'es', 'es']);
    expect(i18n.t('queue.title')).toBe(moderationEs['queue.title']);
    // The next visit starts in the language chosen, whatever the browser prefers.
    const nextVisit = new I18n(environment);
    await nextVisit.ready;
    expect(nextVisit.locale).toBe('es');
  });

  it('keeps the language chosen last when an earlier choice arrives later', async () => {
    const i18n = new I18n(browser(['en']).environment);
    await i18n.ready;
    await i18n.addSection(moderation);
    await Promise.all([i18n.choose('fr'), i18n.choose('en')]);
    expect(i18n.locale).toBe('en');
    expect(i18n.t('queue.title')).toBe(moderationEn['queue.title']);
  });

  it('says a section in English when its translation cannot be fetched', async () => {
    const i18n = new I18n(browser(['fr']).environment);
    await i18n.ready;
    const offline = (): Promise<never> => Promise.reject(new TypeError('offline'));
    await i18n.addSection({ en: statsEn, fr: offline, es: offline });
    expect(i18n.locale).toBe('fr');
    expect(i18n.t('stats.title')).toBe(statsEn['stats.title']);
  });
});
