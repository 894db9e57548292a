import { describe, expect, it } from 'vitest';
import { createFormats, relativeParts } from '../../client/src/lib/i18n/format.ts';
import { en } from '../../client/src/lib/i18n/en.ts';
import { es } from '../../client/src/lib/i18n/es.ts';
import { fr } from '../../client/src/lib/i18n/fr.ts';
import { formattingTag, LOCALES, negotiateLocale } from '../../client/src/lib/i18n/locales.ts';
import { interpolate, PLACEHOLDER, pluralKey } from '../../client/src/lib/i18n/messages.ts';

const DAY = 24 * 60 * 60 * 1000;
const catalogues = { en, fr, es };
const placeholdersIn = (message: string): string =>
  [...message.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join();

describe('the catalogues', () => {
  const keys = Object.keys(en).sort();

  it.each(LOCALES)('%s has exactly the keys of en', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(keys);
  });

  it.each(LOCALES)('%s has no empty message', (locale) => {
    const empty = Object.entries(catalogues[locale]).filter(([, message]) => message.trim() === '');
    expect(empty).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('%s uses the same {placeholders} as en in every message', (locale) => {
    const mismatched = keys.filter((key) => placeholdersIn(catalogues[locale][key as keyof typeof en]) !== placeholdersIn(en[key as keyof typeof en]));
    expect(mismatched).toEqual([]);
  });

  it.each(['fr', 'es'] as const)('%s is translated, not copied from en', (locale) => {
    const copied = keys.filter((key) => catalogues[locale][key as keyof typeof en] === en[key as keyof typeof en]);
    // Words that are spelt the same in both languages, and a pattern with no words in it.
    expect(copied).toEqual(locale === 'fr' ? ['home.title', 'nav.dialogues', 'topic.discussion'] : ['form.summaryItem']);
  });

  it('writes French and Spanish with their accents', () => {
    expect(catalogues.fr['error.network']).toContain('Vérifiez');
    expect(catalogues.fr['status.closed']).toBe('Clôturé');
    expect(catalogues.es['home.title']).toBe('Diálogos');
  });
});

describe('negotiateLocale', () => {
  it.each([
    [null, ['fr-CH', 'en'], 'fr'],
    [null, ['de-DE', 'es-419', 'en'], 'es'],
    [null, ['EN-gb'], 'en'],
    [null, ['de', 'it'], 'en'],
    [null, [], 'en'],
    ['es', ['fr-FR'], 'es'],
    ['de', ['fr-FR'], 'fr'],
  ] as const)('saved %s, browser %j → %s', (saved, preferred, expected) => {
    expect(negotiateLocale(saved, preferred)).toBe(expected);
  });
});

describe('interpolate and plurals', () => {
  it('fills placeholders, formats numbers for the locale and leaves unknown ones visible', () => {
    const { number } = createFormats('fr', 'UTC');
    expect(interpolate('{count} commentaires sur {topic}', { count: 12345, topic: 'Sujet 1' }, number)).toBe(`12\u202f345 commentaires sur Sujet 1`);
    expect(interpolate('Hello {who}', {}, number)).toBe('Hello {who}');
  });

  it('chooses .one or .other with the locale’s plural rules', () => {
    expect(pluralKey('topic.comments', createFormats('en').plural(1))).toBe('topic.comments.one');
    expect(pluralKey('topic.comments', createFormats('en').plural(0))).toBe('topic.comments.other');
    // French counts zero as singular, and has a "many" form for millions, which shares .other.
    expect(pluralKey('topic.comments', createFormats('fr').plural(0))).toBe('topic.comments.one');
    expect(pluralKey('topic.comments', createFormats('fr').plural(1_000_000))).toBe('topic.comments.other');
  });
});

describe('relativeParts', () => {
  const now = Date.UTC(2026, 6, 12, 12, 0);

  it.each([
    [now + 13 * DAY + 60_000, { value: 13, unit: 'day' }],
    [now + 3 * DAY, { value: 3, unit: 'day' }],
    [now + 5 * 60 * 60 * 1000, { value: 5, unit: 'hour' }],
    [now + 20 * 60 * 1000, { value: 20, unit: 'minute' }],
    [now + 10_000, { value: 1, unit: 'minute' }],
    [now - 2 * DAY, { value: -2, unit: 'day' }],
  ])('%i → %j', (target, expected) => {
    expect(relativeParts(target, now)).toEqual(expected);
  });
});

describe('createFormats', () => {
  const opens = '2026-07-12T07:00:00.000Z';
  const closes = '2026-07-25T16:00:00.000Z';

  it('writes a dated window in the reader’s time zone and language', () => {
    expect(createFormats('en', 'Europe/Zurich').dayRange(opens, closes)).toMatch(/^July 12\s?–\s?25, 2026$/);
    expect(createFormats('fr', 'Europe/Zurich').dayRange(opens, closes)).toMatch(/^12\s?–\s?25 juillet 2026$/);
    expect(createFormats('es', 'Pacific/Auckland').dayRange(opens, closes)).toMatch(/^12\s?–\s?26 de julio de 2026$/);
    expect(createFormats('en', 'Europe/Zurich').timeRange(opens, closes)).toMatch(/^July 12, 2026.*9:00\s?AM GMT\+2\s–\sJuly 25, 2026.*6:00\s?PM GMT\+2$/);
    expect(createFormats('fr', 'Europe/Zurich').timeRange(opens, closes)).toMatch(/^12 juillet 2026.*09:00 UTC\+2\s–\s25 juillet 2026.*18:00 UTC\+2$/);
    expect(createFormats('en', 'America/New_York').timeRange(opens, closes)).toMatch(/July 12, 2026.*3:00\s?AM EDT/);
  });

  it('writes a dialogue’s own hours in the reader’s regional format, with the zone’s short name', () => {
    // An en-GB reader of a dialogue held in Paris: day before month, 24-hour clock, CET (not "December 2, 2026 at 11:37 AM GMT+1").
    const inParis = createFormats(formattingTag('en', ['en-GB', 'en']), 'Europe/Zurich').inZone('Europe/Paris');
    expect(inParis.timeRange('2026-12-02T10:37:00.000Z', '2026-12-16T17:00:00.000Z')).toMatch(
      /^2 December 2026(,| at) 11:37 CET\s–\s16 December 2026(,| at) 18:00 CET$/,
    );
    expect(createFormats('en-US').inZone('Europe/Paris').timeRange('2026-12-02T10:37:00.000Z', '2026-12-16T17:00:00.000Z')).toMatch(/^December 2, 2026/);
    expect(inParis.timeZone).toBe('Europe/Paris');
    expect(inParis.inZone('Europe/Paris')).toBe(inParis.inZone('Europe/Paris'));
  });

  it('phrases countdowns with Intl.RelativeTimeFormat', () => {
    const now = Date.parse(opens) - 3 * DAY;
    expect(createFormats('en').relative(opens, now)).toBe('in 3 days');
    expect(createFormats('fr').relative(opens, now)).toBe('dans 3 jours');
    expect(createFormats('es').relative(opens, now)).toBe('dentro de 3 días');
  });

  it('names countries and languages in the reader’s language', () => {
    expect(createFormats('en').country('SN')).toBe('Senegal');
    expect(createFormats('fr').country('ES')).toBe('Espagne');
    expect(createFormats('es').country('PH')).toBe('Filipinas');
    expect(createFormats('fr').languages(['en', 'fr', 'es'])).toBe('anglais, français et espagnol');
  });
});

describe('formattingTag', () => {
  it('formats in the reader’s regional variant of the interface language, else in the language', () => {
    expect(formattingTag('en', ['en-GB', 'en'])).toBe('en-GB');
    expect(formattingTag('fr', ['en-GB', 'fr-ca'])).toBe('fr-CA');
    expect(formattingTag('es', ['en-GB'])).toBe('es');
    expect(formattingTag('en', ['not a tag!'])).toBe('en');
  });
});
