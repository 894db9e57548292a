import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/lib/i18n/en.ts';
import { manageEn } from '../../client/src/lib/i18n/sections/manage.en.ts';
import { manageEs } from '../../client/src/lib/i18n/sections/manage.es.ts';
import { manageFr } from '../../client/src/lib/i18n/sections/manage.fr.ts';
import { curationEn } from '../../client/src/lib/i18n/sections/curation.en.ts';
import { curationEs } from '../../client/src/lib/i18n/sections/curation.es.ts';
import { curationFr } from '../../client/src/lib/i18n/sections/curation.fr.ts';
import { exportEn } from '../../client/src/lib/i18n/sections/export.en.ts';
import { exportEs } from '../../client/src/lib/i18n/sections/export.es.ts';
import { exportFr } from '../../client/src/lib/i18n/sections/export.fr.ts';
import { statsEn } from '../../client/src/lib/i18n/sections/stats.en.ts';
import { statsEs } from '../../client/src/lib/i18n/sections/stats.es.ts';
import { statsFr } from '../../client/src/lib/i18n/sections/stats.fr.ts';
import { summaryEn } from '../../client/src/lib/i18n/sections/summary.en.ts';
import { summaryEs } from '../../client/src/lib/i18n/sections/summary.es.ts';
import { summaryFr } from '../../client/src/lib/i18n/sections/summary.fr.ts';
import { auditEn } from '../../client/src/lib/i18n/sections/audit.en.ts';
import { auditEs } from '../../client/src/lib/i18n/sections/audit.es.ts';
import { auditFr } from '../../client/src/lib/i18n/sections/audit.fr.ts';
import { dialogueSettingsEn } from '../../client/src/lib/i18n/sections/dialogue-settings.en.ts';
import { dialogueSettingsEs } from '../../client/src/lib/i18n/sections/dialogue-settings.es.ts';
import { dialogueSettingsFr } from '../../client/src/lib/i18n/sections/dialogue-settings.fr.ts';
import { threadModerationEn } from '../../client/src/lib/i18n/sections/thread-moderation.en.ts';
import { threadModerationEs } from '../../client/src/lib/i18n/sections/thread-moderation.es.ts';
import { threadModerationFr } from '../../client/src/lib/i18n/sections/thread-moderation.fr.ts';
import { mailEn } from '../../client/src/lib/i18n/sections/mail.en.ts';
import { mailEs } from '../../client/src/lib/i18n/sections/mail.es.ts';
import { mailFr } from '../../client/src/lib/i18n/sections/mail.fr.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { ANNEX_WARNING_CODES } from '../../shared/exports.constants.ts';
import { QUOTE_FLAGS } from '../../shared/quotes.ts';

// The organizers' and moderators' screens have catalogues of their own, in sections (see
// client/src/lib/i18n/sections/); they are held to the same rules as the main one.

type Catalogue = Readonly<Record<string, string>>;
const SECTIONS: Record<string, { en: Catalogue; fr: Catalogue; es: Catalogue }> = {
  common: { en: manageEn, fr: manageFr, es: manageEs },
  curation: { en: curationEn, fr: curationFr, es: curationEs },
  summary: { en: summaryEn, fr: summaryFr, es: summaryEs },
  stats: { en: statsEn, fr: statsFr, es: statsEs },
  export: { en: exportEn, fr: exportFr, es: exportEs },
  // Split from the moderation screens' catalogue (tests/client/moderation-client.test.ts).
  audit: { en: auditEn, fr: auditFr, es: auditEs },
  'dialogue-settings': { en: dialogueSettingsEn, fr: dialogueSettingsFr, es: dialogueSettingsEs },
  'thread-moderation': { en: threadModerationEn, fr: threadModerationFr, es: threadModerationEs },
  mail: { en: mailEn, fr: mailFr, es: mailEs },
};

// Messages spelt the same in the other language, or with no words in them.
const SAME: Record<'fr' | 'es', string[]> = {
  fr: [
    'audit.field.attribution',
    'audit.field.description',
    'audit.field.version',
    'audit.role.participant',
    'audit.topicLine',
    'chart.total',
    'continent.europe',
    'curation.attribution',
    'diff.addedEnd',
    'diff.removedEnd',
    'export.format.docx',
    'export.format.md',
    'export.format.pdf',
    'export.formatLegend',
    'mail.kind.mention',
    'mail.list',
    'quote.lineName',
    'quoteForm.attribution',
    'quoteForm.author',
    'stats.participants',
    'stats.participantCount.one',
    'stats.participantCount.other',
    'versions.actions',
    'versions.title',
    'versions.version',
    'versions.versionN',
  ],
  es: [
    'audit.no',
    'audit.topicLine',
    'chart.total',
    'continent.asia',
    'stats.topicQuestion',
    'diff.addedEnd',
    'diff.removedEnd',
    'export.format.docx',
    'export.format.md',
    'export.format.pdf',
    'quote.lineName',
    'quoteForm.author',
  ],
};

const placeholdersIn = (message: string): string =>
  [...message.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join();

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

  it('explain every flag a quote can carry and every warning about the annex', () => {
    for (const locale of ['en', 'fr', 'es'] as const) {
      expect(QUOTE_FLAGS.filter((flag) => !SECTIONS.curation![locale][`flag.${flag}`])).toEqual([]);
      expect(ANNEX_WARNING_CODES.filter((code) => !SECTIONS.export![locale][`warning.${code}`])).toEqual([]);
    }
    expect(curationEn['flag.source_changed']).toContain('no longer contains these words');
  });

  it('write French and Spanish with their own typography', () => {
    expect(curationFr['quote.open']).toBe('«\u00a0');
    expect(curationEs['quote.open']).toBe('«');
    expect(statsFr['stats.participants']).toBe('Participants');
    expect(exportEs['export.title']).toBe('Exportar');
  });
});
