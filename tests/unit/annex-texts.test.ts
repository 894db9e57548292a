import { describe, expect, it } from 'vitest';
import { annexTexts, type StoredTexts } from '../../server/exports/annex.texts.ts';
import { excerptStillIn, sourceChanged } from '../../server/quotes/source-check.ts';

const stored: StoredTexts = {
  baseLanguage: 'en',
  dialogue: { theme: 'Theme', hostDescription: 'the host', annexLabel: '', annexLeadIn: 'Before the workshop' },
  translations: {
    fr: { theme: 'Thème', hostDescription: '' },
    es: { theme: 'Tema', hostDescription: 'el anfitrión', annexLabel: 'Anexo', annexLeadIn: 'Antes del taller' },
  },
  topics: [
    { id: 't1', number: 1, question: 'First?', translations: { fr: { question: 'Premier ?' }, es: { question: '¿Primero?' } } },
    { id: 't2', number: 2, question: 'Second?', translations: { es: { question: '¿Segundo?', description: 'Descripción' } } },
  ],
};

describe('annexTexts', () => {
  it('takes each text in the language where it is written, and warns for each base text used instead', () => {
    const french = annexTexts(stored, 'fr');
    expect(french.dialogue).toEqual({ theme: 'Thème', hostDescription: 'the host', annexLabel: '', annexLeadIn: 'Before the workshop' });
    expect(french.topics.map((topic) => topic.question)).toEqual(['Premier ?', 'Second?']);
    expect(french.untranslated).toEqual([
      { code: 'untranslated', field: 'hostDescription', message: 'The host description has no French text; the annex uses the English one.' },
      { code: 'untranslated', field: 'annexLeadIn', message: 'The annex lead-in has no French text; the annex uses the English one.' },
      { code: 'untranslated', field: 'question', topicId: 't2', message: 'The question of topic 2 has no French text; the annex uses the English one.' },
    ]);
  });

  it('falls back for nothing when every text is translated, even a translation of an empty base text', () => {
    const spanish = annexTexts(stored, 'es');
    expect(spanish.dialogue).toEqual({ theme: 'Tema', hostDescription: 'el anfitrión', annexLabel: 'Anexo', annexLeadIn: 'Antes del taller' });
    expect(spanish.untranslated).toEqual([]);
  });

  it('uses the base texts in the base language, whatever translation it may carry', () => {
    const english = annexTexts({ ...stored, translations: { en: { theme: 'Ignored' } } }, 'en');
    expect(english.dialogue.theme).toBe('Theme');
    expect(english.untranslated).toEqual([]);
  });
});

describe('the quote source check', () => {
  const comment = 'Schools open **early**.\n\nParents  learn the language. Teachers stay late.';

  it('finds every passage between the cuts, in order, whatever the whitespace', () => {
    expect(excerptStillIn('[…] Parents learn the language. […]', comment)).toBe(true);
    expect(excerptStillIn('Schools open early. […] Teachers stay late.', comment)).toBe(true);
    expect(excerptStillIn('Schools open early.\n\nParents learn the language. […]', comment)).toBe(true);
    expect(excerptStillIn('Teachers stay late. […] Schools open early.', comment)).toBe(false);
    expect(excerptStillIn('[…] Parents learn French. […]', comment)).toBe(false);
  });

  it('flags an excerpt only when the comment was edited after the quote was made and lost its words', () => {
    const quote = { excerpt: '[…] Parents learn French. […]', createdAt: '2026-01-01T10:00:00.000Z' };
    expect(sourceChanged(quote, { bodyMarkdown: comment, editedAt: '2026-01-01T11:00:00.000Z' })).toBe(true);
    expect(sourceChanged(quote, { bodyMarkdown: comment, editedAt: '2026-01-01T09:00:00.000Z' })).toBe(false);
    expect(sourceChanged(quote, { bodyMarkdown: comment, editedAt: null })).toBe(false);
    expect(sourceChanged({ ...quote, excerpt: '' }, { bodyMarkdown: comment, editedAt: '2026-01-01T11:00:00.000Z' })).toBe(false);
  });
});
