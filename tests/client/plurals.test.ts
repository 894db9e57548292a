import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFormats } from '../../client/src/lib/i18n/format.ts';
import { pluralKey } from '../../client/src/lib/i18n/messages.ts';
import { moderationEn } from '../../client/src/lib/i18n/sections/moderation.en.ts';
import { moderationFr } from '../../client/src/lib/i18n/sections/moderation.fr.ts';

// Plural messages come as `.one` / `.other` pairs (client/src/lib/i18n/messages.ts). French and
// Spanish inflect the words around a count ("1 retenu", "2 retenus"): a pair whose forms are the
// same there is a mistake ("1 retenus"), unless the words do not inflect at all.

const I18N = fileURLToPath(new URL('../../client/src/lib/i18n/', import.meta.url));
type Catalogue = Record<string, string>;

/** Pairs whose words do not inflect in that language. */
const INVARIANT: Record<'fr' | 'es', string[]> = {
  // "à traduire" stays the same after any number.
  fr: ['texts.tabUntranslated'],
  // So do "sin leer" and "por traducir".
  es: ['notifications.unread', 'texts.tabUntranslated'],
};

/** Every catalogue of a language, main and sections, by file name. */
async function cataloguesOf(locale: 'en' | 'fr' | 'es'): Promise<Record<string, Catalogue>> {
  const files = [
    `${locale}.ts`,
    ...readdirSync(`${I18N}sections`)
      .filter((file) => file.endsWith(`.${locale}.ts`))
      .map((file) => `sections/${file}`),
  ];
  const entries = await Promise.all(
    files.map(async (file) => {
      const module = (await import(`${I18N}${file}`)) as Record<string, Catalogue>;
      return [file, Object.values(module)[0]!] as const;
    }),
  );
  return Object.fromEntries(entries);
}

const pluralBases = (catalogue: Catalogue): string[] =>
  Object.keys(catalogue)
    .filter((key) => key.endsWith('.one'))
    .map((key) => key.slice(0, -'.one'.length));

describe('plural messages', () => {
  const catalogues: Partial<Record<'en' | 'fr' | 'es', Record<string, Catalogue>>> = {};
  beforeAll(async () => {
    for (const locale of ['en', 'fr', 'es'] as const) catalogues[locale] = await cataloguesOf(locale);
  });

  it.each(['en', 'fr', 'es'] as const)('in %s, come in complete pairs that both say {count}', (locale) => {
    const broken: string[] = [];
    for (const [file, catalogue] of Object.entries(catalogues[locale]!)) {
      for (const base of pluralBases(catalogue)) {
        const [one, other] = [catalogue[`${base}.one`]!, catalogue[`${base}.other`]];
        if (other === undefined || !one.includes('{count}') || !other.includes('{count}')) broken.push(`${file}: ${base}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('in %s, say the singular differently from the plural', (locale) => {
    const same: string[] = [];
    for (const [file, catalogue] of Object.entries(catalogues[locale]!)) {
      for (const base of pluralBases(catalogue)) {
        if (catalogue[`${base}.one`] === catalogue[`${base}.other`] && !INVARIANT[locale].includes(base)) same.push(`${file}: ${base}`);
      }
    }
    expect(same).toEqual([]);
  });

  it('say one held comment in French as one', () => {
    const plural = (base: 'queue.historyHeld', n: number): string =>
      moderationFr[pluralKey(base, createFormats('fr').plural(n)) as keyof typeof moderationFr].replace('{count}', String(n));
    expect([plural('queue.historyHeld', 1), plural('queue.historyHeld', 2)]).toEqual(['1 retenu', '2 retenus']);
    expect(moderationEn['queue.history']).toContain('{counts}');
  });
});

describe('durations', () => {
  it('name their unit in the right number, so that messages need no plural for them', () => {
    expect(createFormats('en').minutes(1)).toBe('1 minute');
    expect(createFormats('en').minutes(15)).toBe('15 minutes');
    expect(createFormats('fr').minutes(1)).toBe('1 minute');
    expect(createFormats('es').days(1)).toBe('1 día');
    expect(createFormats('es').days(14)).toBe('14 días');
    expect(createFormats('fr').seconds(30)).toMatch(/^30\s+secondes$/);
  });
});
