import { describe, expect, it } from 'vitest';
import { annexWarnings, buildAnnex, NO_SUMMARY, type AnnexData, type AnnexQuote } from '../../server/exports/annex.builder.ts';
import { renderMarkdown } from '../../server/exports/annex.markdown.ts';
import type { AnnexWarning } from '../../shared/exports.ts';

const quote = (id: string, overrides: Partial<AnnexQuote> = {}, author: Partial<AnnexQuote['author']> = {}): AnnexQuote => ({
  id,
  topicId: 't1',
  excerpt: '',
  attribution: 'name',
  consentWithdrawn: false,
  comment: { status: 'published', bodyMarkdown: `Text of ${id}.` },
  sourceChanged: false,
  author: { displayName: `Author ${id}`, nameDisplay: 'name', country: 'ES', affiliation: 'ngo', quoteConsent: 'name', ...author },
  ...overrides,
});

function data(quotes: AnnexQuote[], overrides: Partial<AnnexData['dialogue']> = {}): AnnexData {
  return {
    dialogue: {
      theme: 'Theme',
      annexLabel: '',
      annexLeadIn: '',
      hostDescription: 'the forum host',
      opensAt: '2026-07-12T00:00:00.000Z',
      closesAt: '2026-07-26T00:00:00.000Z',
      timeZone: 'UTC',
      ...overrides,
    },
    topics: [
      { id: 't1', number: 1, question: 'First?' },
      { id: 't2', number: 2, question: 'Second?' },
    ],
    visits: 357,
    dialogueSummary: { approvedBody: 'Overview.', newerDraft: false },
    topicSummaries: new Map([
      ['t1', { approvedBody: 'One.', newerDraft: false }],
      ['t2', { approvedBody: 'Two.', newerDraft: false }],
    ]),
    quotes,
    untranslated: [],
  };
}

const markdown = (input: AnnexData, exportDate = new Date('2026-11-01T00:00:00Z')) => renderMarkdown(buildAnnex(input, { lang: 'en', exportDate }));

describe('buildAnnex', () => {
  it('writes the year only when the window is not in the export’s year', () => {
    expect(markdown(data([]))).toContain('From 12 to 25 July, the online forum was visited more than 350 times.');
    expect(markdown(data([]), new Date('2027-01-03T00:00:00Z'))).toContain('From 12 to 25 July 2026, the online forum');
  });

  it('narrows each attribution to the consent and name display in force, and leaves out what may not be printed', () => {
    const quotes = [
      quote('named'),
      quote('narrowed', {}, { quoteConsent: 'country' }),
      quote('anonymous', { attribution: 'country' }, { quoteConsent: 'anonymous' }),
      quote('hidden-name', {}, { nameDisplay: 'country', affiliation: null }),
      quote('pending', { comment: { status: 'pending', bodyMarkdown: 'PENDING' } }),
      quote('refused', {}, { quoteConsent: 'none' }),
    ];
    const text = markdown(data(quotes));
    expect(text).toContain('“Text of named.”\n\n— Author named, Spain');
    expect(text).toContain('“Text of narrowed.”\n\n— participant from Spain (NGO or civil society)');
    expect(text).toContain('“Text of anonymous.”\n\n**Quote:**');
    expect(text).toContain('“Text of hidden-name.”\n\n— participant from Spain\n');
    expect(text).not.toMatch(/PENDING|refused|Author (narrowed|anonymous|hidden-name)/);
    expect(annexWarnings(data(quotes)).map((w) => [w.code, w.quoteId ?? w.topicId])).toEqual([
      ['quote_attribution_narrowed', 'narrowed'],
      ['quote_attribution_narrowed', 'anonymous'],
      ['quote_attribution_narrowed', 'hidden-name'],
      ['quote_source_unavailable', 'pending'],
      ['quote_consent_withdrawn', 'refused'],
      ['topic_without_quotes', 't2'],
    ]);
  });

  it('keeps an excerpt’s paragraphs as stored, and leaves a topic whose quotes are all left out out of Selected comments', () => {
    const input = data([
      quote('a', { excerpt: 'First part […]\n\n[…] second part' }),
      quote('b', { topicId: 't2', comment: { status: 'withdrawn', bodyMarkdown: 'x' } }),
    ]);
    const text = markdown(input);
    expect(text).toContain('“First part […]\n\n[…] second part”');
    expect(text).not.toContain('### Topic 2: Second?\n\n**Quote:**');
    expect(annexWarnings(input).at(-1)).toEqual({
      code: 'topic_without_quotes',
      message: 'Every quote of topic 2 is left out, so the topic is missing from Selected comments.',
      topicId: 't2',
    });
  });

  it('leaves out a quote whose source no longer holds its words, and lists untranslated texts first', () => {
    const untranslated: AnnexWarning[] = [{ code: 'untranslated', field: 'theme', message: 'The theme has no French text; the annex uses the English one.' }];
    const input = { ...data([quote('kept'), quote('changed', { excerpt: '[…] gone words […]', sourceChanged: true })]), untranslated };
    const text = markdown(input);
    expect(text).toContain('“Text of kept.”');
    expect(text).not.toContain('gone words');
    expect(annexWarnings(input).map((w) => [w.code, w.quoteId ?? w.field ?? w.topicId])).toEqual([
      ['untranslated', 'theme'],
      ['source_changed', 'changed'],
      ['topic_without_quotes', 't2'],
    ]);
  });

  it('leaves out, for good, a quote whose author withdrew consent for it, whatever else holds', () => {
    const input = data([
      quote('kept'),
      quote('withdrawn', { consentWithdrawn: true }),
      quote('withdrawn-hidden', { consentWithdrawn: true, comment: { status: 'hidden', bodyMarkdown: 'Hidden words.' } }),
    ]);
    const text = markdown(input);
    expect(text).toContain('“Text of kept.”');
    expect(text).not.toContain('Text of withdrawn.');
    expect(annexWarnings(input).map((w) => [w.code, w.quoteId ?? w.topicId])).toEqual([
      ['consent_withdrawn', 'withdrawn'],
      ['consent_withdrawn', 'withdrawn-hidden'],
      ['topic_without_quotes', 't2'],
    ]);
    expect(annexWarnings(input)[0]).toEqual({
      code: 'consent_withdrawn',
      message: 'A quote in topic 1 is left out: its author withdrew consent for it.',
      quoteId: 'withdrawn',
      topicId: 't1',
    });
  });

  it('prints summaries only when approved, and warns otherwise', () => {
    const input = { ...data([]), dialogueSummary: NO_SUMMARY, topicSummaries: new Map([['t1', { approvedBody: 'Kept.', newerDraft: true }]]) };
    const text = markdown(input);
    expect(text).toContain('## Summary\n\n### Topic 1: First?\n\nKept.\n\n## Selected comments');
    expect(annexWarnings(input).map((w) => w.code)).toEqual([
      'dialogue_summary_not_approved',
      'topic_summary_newer_draft',
      'topic_without_quotes',
      'topic_summary_missing',
      'topic_without_quotes',
    ]);
  });

  it('drops every code point XML 1.0 forbids from the model all formats render, lone surrogates included', () => {
    const input = data([quote('odd', { comment: { status: 'published', bodyMarkdown: 'Odd\uFFFF text\u0001.' } }, { displayName: 'Ana\uFFFE Gómez' })], {
      theme: 'Theme\uD800',
      annexLabel: 'Annex\u000B II',
    });
    const document = buildAnnex(input, { lang: 'en', exportDate: new Date('2026-11-01T00:00:00Z') });
    const everything = JSON.stringify(document);
    expect(everything).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(document.title).toBe('Annex II: “Virtual Dialogue” on Theme');
    const text = renderMarkdown(document);
    expect(text).toContain('“Odd text.”\n\n— Ana Gómez, Spain');
  });
});
