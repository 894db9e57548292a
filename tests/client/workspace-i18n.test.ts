import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/lib/i18n/en.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { dialogueSettingsEn } from '../../client/src/lib/i18n/sections/dialogue-settings.en.ts';
import { dialogueSettingsEs } from '../../client/src/lib/i18n/sections/dialogue-settings.es.ts';
import { dialogueSettingsFr } from '../../client/src/lib/i18n/sections/dialogue-settings.fr.ts';
import { workspaceEn } from '../../client/src/lib/i18n/sections/workspace.en.ts';
import { workspaceEs } from '../../client/src/lib/i18n/sections/workspace.es.ts';
import { workspaceFr } from '../../client/src/lib/i18n/sections/workspace.fr.ts';

// The workspace's catalogue, and what the settings screen added to its own, held to the rules of
// every other section (tests/client/manage-i18n.test.ts).

type Catalogue = Readonly<Record<string, string>>;
const SECTIONS: Record<string, { en: Catalogue; fr: Catalogue; es: Catalogue }> = {
  workspace: { en: workspaceEn, fr: workspaceFr, es: workspaceEs },
  'dialogue-settings': { en: dialogueSettingsEn, fr: dialogueSettingsFr, es: dialogueSettingsEs },
};
// Spelt the same in the other language.
const SAME: Record<'fr' | 'es', string[]> = {
  fr: ['dialogueForm.description', 'workspace.listTitle'],
  es: [],
};

const placeholdersIn = (message: string): string =>
  [...message.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join();

describe.each(Object.entries(SECTIONS))('the %s section', (_name, section) => {
  const keys = Object.keys(section.en).sort();

  it.each(['fr', 'es'] as const)('%s has exactly the keys and {placeholders} of en, every message translated', (locale) => {
    const catalogue = section[locale];
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    expect(keys.filter((key) => placeholdersIn(catalogue[key]!) !== placeholdersIn(section.en[key]!))).toEqual([]);
    expect(keys.filter((key) => catalogue[key]!.trim() === '' || (catalogue[key] === section.en[key] && !SAME[locale].includes(key)))).toEqual([]);
  });

  it('has plural pairs complete', () => {
    const ones = keys.filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -4));
    const others = keys.filter((key) => key.endsWith('.other')).map((key) => key.slice(0, -6));
    expect(ones).toEqual(others);
  });
});

describe('the workspace section among the others', () => {
  it('shares no key with the main catalogue nor with any other section', async () => {
    const directory = fileURLToPath(new URL('../../client/src/lib/i18n/sections/', import.meta.url));
    const owners = new Map<string, string>(Object.keys(en).map((key) => [key, 'main']));
    const clashes: string[] = [];
    for (const file of readdirSync(directory).filter((name) => name.endsWith('.en.ts'))) {
      const module = (await import(`${directory}${file}`)) as Record<string, Catalogue>;
      for (const key of Object.keys(Object.values(module)[0]!)) {
        if (owners.has(key)) clashes.push(`${key} in ${file} and ${owners.get(key)}`);
        owners.set(key, file);
      }
    }
    expect(clashes.filter((clash) => clash.includes('workspace') || clash.includes('dialogue-settings'))).toEqual([]);
  });
});
