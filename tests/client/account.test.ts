import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import { authorName, authorOrigin } from '../../client/src/lib/authors.ts';
import { en } from '../../client/src/lib/i18n/en.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { accountEn } from '../../client/src/lib/i18n/sections/account.en.ts';
import { accountEs } from '../../client/src/lib/i18n/sections/account.es.ts';
import { accountFr } from '../../client/src/lib/i18n/sections/account.fr.ts';
import { I18n } from '../../client/src/lib/i18n/translator.svelte.ts';
import type { ModerationSettings } from '../../client/src/lib/moderation-api.ts';
import { DialogueSettings } from '../../client/src/lib/state/dialogue-settings.svelte.ts';

// The account's words in three languages, a former participant's name, and the dialogue setting
// that asks for a confirmed address.

type Catalogue = Readonly<Record<string, string>>;
const SECTION: Record<'fr' | 'es', Catalogue> = { fr: accountFr, es: accountEs };

const placeholdersIn = (message: string): string =>
  [...message.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join();

describe('the account section', () => {
  const keys = Object.keys(accountEn).sort();

  it.each(['fr', 'es'] as const)('%s has exactly the keys and {placeholders} of en, every message translated', (locale) => {
    const catalogue = SECTION[locale];
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    expect(keys.filter((key) => placeholdersIn(catalogue[key]!) !== placeholdersIn(accountEn[key as keyof typeof accountEn]))).toEqual([]);
    expect(keys.filter((key) => catalogue[key]!.trim() === '' || catalogue[key] === accountEn[key as keyof typeof accountEn])).toEqual([]);
  });

  it('shares no key with the main catalogue nor with any other section', async () => {
    const directory = fileURLToPath(new URL('../../client/src/lib/i18n/sections/', import.meta.url));
    const others = new Set<string>(Object.keys(en));
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.en.ts') && name !== 'account.en.ts')) {
      const module = (await import(`${directory}${file}`)) as Record<string, Catalogue>;
      for (const key of Object.keys(Object.values(module)[0]!)) others.add(key);
    }
    expect(keys.filter((key) => others.has(key))).toEqual([]);
  });
});

describe('a former participant', () => {
  it.each([
    ['en', 'Former participant'],
    ['fr', 'Ancien(ne) participant(e)'],
    ['es', 'Exparticipante'],
  ] as const)('is named as such in %s, without a country or affiliation', async (language, name) => {
    const i18n = new I18n({ languages: [language === 'en' ? 'en-GB' : language], saved: () => null, save: () => undefined, show: () => undefined });
    await i18n.ready;
    const author = { id: 'u1', displayName: null, country: 'KE', affiliation: 'ngo' as const, former: true };
    expect(authorName(author, i18n)).toBe(name);
    expect(authorOrigin(author, i18n)).toBe('');
    // Everyone else as before.
    expect(authorName({ ...author, former: undefined, displayName: 'Amina' }, i18n)).toBe('Amina');
  });
});

describe('DialogueSettings: a confirmed address before posting', () => {
  const dialogue = { slug: 'idm', title: 'IDM', moderation: 'post', requireVerifiedEmail: false, languages: ['en'] } as unknown as Dialogue;

  it('reads the setting and saves it only when changed', async () => {
    const saved: ModerationSettings[] = [];
    const store = new DialogueSettings('idm', {
      dialogue: async () => dialogue,
      save: async (_slug, settings) => {
        saved.push(settings);
        return { ...dialogue, ...settings } as Dialogue;
      },
      words: async () => [],
      saveWords: async (_slug, words) => words,
      moderators: async () => [],
      appoint: async () => [],
      remove: async () => [],
      search: async () => [],
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.requireVerifiedEmail).toBe(false);
    await store.saveSettings();
    store.requireVerifiedEmail = true;
    await store.saveSettings();
    expect(saved).toEqual([{ moderation: 'post' }, { moderation: 'post', requireVerifiedEmail: true }]);
    expect(store.dialogue?.requireVerifiedEmail).toBe(true);
  });
});
