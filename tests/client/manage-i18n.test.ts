import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/lib/i18n/en.ts';
import { commonEn } from '../../client/src/lib/i18n/manage/common.en.ts';
import { commonEs } from '../../client/src/lib/i18n/manage/common.es.ts';
import { commonFr } from '../../client/src/lib/i18n/manage/common.fr.ts';
import { curationEn } from '../../client/src/lib/i18n/manage/curation.en.ts';
import { curationEs } from '../../client/src/lib/i18n/manage/curation.es.ts';
import { curationFr } from '../../client/src/lib/i18n/manage/curation.fr.ts';
import { exportEn } from '../../client/src/lib/i18n/manage/export.en.ts';
import { exportEs } from '../../client/src/lib/i18n/manage/export.es.ts';
import { exportFr } from '../../client/src/lib/i18n/manage/export.fr.ts';
import { statsEn } from '../../client/src/lib/i18n/manage/stats.en.ts';
import { statsEs } from '../../client/src/lib/i18n/manage/stats.es.ts';
import { statsFr } from '../../client/src/lib/i18n/manage/stats.fr.ts';
import { summaryEn } from '../../client/src/lib/i18n/manage/summary.en.ts';
import { summaryEs } from '../../client/src/lib/i18n/manage/summary.es.ts';
import { summaryFr } from '../../client/src/lib/i18n/manage/summary.fr.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';

// The organizers' and moderators' screens have catalogues of their own, in sections (see
// client/src/lib/i18n/manage.svelte.ts); they are held to the same rules as the main one.

type Catalogue = Readonly<Record<string, string>>;
const SECTIONS: Record<string, { en: Catalogue; fr: Catalogue; es: Catalogue }> = {
  common: { en: commonEn, fr: commonFr, es: commonEs },
  curation: { en: curationEn, fr: curationFr, es: curationEs },
  summary: { en: summaryEn, fr: summaryFr, es: summaryEs },
  stats: { en: statsEn, fr: statsFr, es: statsEs },
  export: { en: exportEn, fr: exportFr, es: exportEs },
};

// Messages spelt the same in the other language, or with no words in them.
const SAME: Record<'fr' | 'es', string[]> = {
  fr: [
    'chart.total',
    'continent.europe',
    'curation.attribution',
    'diff.addedEnd',
    'diff.removedEnd',
    'export.format.docx',
    'export.format.md',
    'export.format.pdf',
    'export.formatLegend',
    'quote.lineName',
    'quoteForm.attribution',
    'stats.participants',
    'versions.actions',
    'versions.title',
    'versions.version',
    'versions.versionN',
  ],
  es: ['chart.total', 'continent.asia', 'stats.topicQuestion', 'diff.addedEnd', 'diff.removedEnd', 'export.format.docx', 'export.format.md', 'export.format.pdf', 'quote.lineName'],
};

const placeholdersIn = (message: string): string => [...message.matchAll(PLACEHOLDER)].map((match) => match[1]).sort().join();

describe.each(Object.entries(SECTIONS))('the %s section of the organizers’ screens', (_name, section) => {
  const keys = Object.keys(section.en).sort();

  it.each(['fr', 'es'] as const)('%s has exactly the keys of en', (locale) => {
    expect(Object.keys(section[locale]).sort()).toEqual(keys);
  });

  it.each(['en', 'fr', 'es'] as const)('%s has no empty message', (locale) => {
    expect(Object.entries(section[locale]).filter(([, message]) => message.trim() === '')).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('%s uses the same {placeholders} as en', (locale) => {
    expect(keys.filter((key) => placeholdersIn(section[locale][key]!) !== placeholdersIn(section.en[key]!))).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('%s is translated, not copied from en', (locale) => {
    const copied = keys.filter((key) => section[locale][key] === section.en[key] && !SAME[locale].includes(key));
    expect(copied).toEqual([]);
  });

  it('has plural pairs complete', () => {
    const ones = keys.filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -4));
    const others = keys.filter((key) => key.endsWith('.other')).map((key) => key.slice(0, -6));
    expect(ones).toEqual(others);
  });
});

describe('the sections together', () => {
  it('share no key with each other nor with the main catalogue', () => {
    const seen = new Map<string, string>(Object.keys(en).map((key) => [key, 'main']));
    const clashes: string[] = [];
    for (const [name, section] of Object.entries(SECTIONS)) {
      for (const key of Object.keys(section.en)) {
        if (seen.has(key)) clashes.push(`${key} in ${name} and ${seen.get(key)}`);
        seen.set(key, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('write French and Spanish with their own typography', () => {
    expect(curationFr['quote.open']).toBe('«\u00a0');
    expect(curationEs['quote.open']).toBe('«');
    expect(statsFr['stats.participants']).toBe('Participants');
    expect(exportEs['export.title']).toBe('Exportar');
  });
});
