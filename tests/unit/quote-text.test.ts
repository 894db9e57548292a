import { describe, expect, it } from 'vitest';
import { buildExcerpt, EXCERPT_GAP, joinPassages, markdownToPlainText } from '../../shared/quote-text.ts';

const COMMENT = `# Our experience

Language classes are **the first step** of integration.
Migrants who learn the [local language](https://example.org) find work faster.

- Schools matter.
- So does _housing_ and \\*cheap\\* rent.

> Integration is a two-way process.`;

describe('markdownToPlainText', () => {
  it('strips Markdown syntax and keeps paragraphs as blank-line separated blocks', () => {
    expect(markdownToPlainText(COMMENT)).toBe(
      [
        'Our experience',
        'Language classes are the first step of integration. Migrants who learn the local language find work faster.',
        'Schools matter.',
        'So does housing and *cheap* rent.',
        'Integration is a two-way process.',
      ].join('\n\n'),
    );
  });

  it('keeps code, arithmetic and identifiers as written', () => {
    expect(markdownToPlainText('Use `npm start`.\n\n```\nnpm test\n```\n\n2 * 3 = 6 for snake_case_names.')).toBe(
      'Use npm start.\n\nnpm test\n\n2 * 3 = 6 for snake_case_names.',
    );
  });

  it('collapses whitespace and drops link targets, images and thematic breaks', () => {
    expect(markdownToPlainText('  A   line\twith ![a map](x.png)   and <https://example.org>.\n\n---\n\n1. First')).toBe(
      'A line with a map and https://example.org.\n\nFirst',
    );
  });
});

describe('buildExcerpt', () => {
  it('prefixes "[…] " when the excerpt does not start the comment and suffixes " […]" when it does not end it', () => {
    expect(buildExcerpt(COMMENT, 'Language classes are the first step of integration.')).toEqual({
      ok: true,
      whole: false,
      text: `${EXCERPT_GAP} Language classes are the first step of integration. ${EXCERPT_GAP}`,
    });
    expect(buildExcerpt(COMMENT, 'Our experience')).toEqual({ ok: true, whole: false, text: `Our experience ${EXCERPT_GAP}` });
    expect(buildExcerpt(COMMENT, 'a two-way process.')).toEqual({ ok: true, whole: false, text: `${EXCERPT_GAP} a two-way process.` });
  });

  it('compares on normalised whitespace and keeps the comment’s paragraph breaks', () => {
    expect(buildExcerpt(COMMENT, 'find work   faster.\nSchools\n matter.')).toEqual({
      ok: true,
      whole: false,
      text: `${EXCERPT_GAP} find work faster.\n\nSchools matter. ${EXCERPT_GAP}`,
    });
  });

  it('accepts a selection copied from the Markdown source', () => {
    expect(buildExcerpt(COMMENT, 'the **first step** of integration')).toEqual({
      ok: true,
      whole: false,
      text: `${EXCERPT_GAP} the first step of integration ${EXCERPT_GAP}`,
    });
  });

  it('joins separate passages, given one per block between "[…]" lines, with " […] "', () => {
    const selection = joinPassages(['Language classes are the first step of integration.', 'Integration is a two-way process.']);
    expect(selection).toBe('Language classes are the first step of integration.\n[…]\nIntegration is a two-way process.');
    expect(buildExcerpt(COMMENT, selection)).toEqual({
      ok: true,
      whole: false,
      text: `${EXCERPT_GAP} Language classes are the first step of integration. ${EXCERPT_GAP} Integration is a two-way process.`,
    });
    expect(buildExcerpt(COMMENT, 'Our experience\n[...]\nSchools matter.').ok).toBe(true);
  });

  it('merges passages that touch, and ignores gap marks the client already put at the ends', () => {
    expect(buildExcerpt(COMMENT, '[…] first step of integration.\n[…]\nMigrants who learn […]')).toEqual({
      ok: true,
      whole: false,
      text: `${EXCERPT_GAP} first step of integration. Migrants who learn ${EXCERPT_GAP}`,
    });
  });

  it('treats a selection of the whole comment as the whole comment', () => {
    expect(buildExcerpt(COMMENT, COMMENT)).toEqual({ ok: true, whole: true, text: markdownToPlainText(COMMENT) });
  });

  it('refuses text that is not in the comment, or passages out of order', () => {
    expect(buildExcerpt(COMMENT, 'Language classes are useless.')).toEqual({ ok: false, code: 'excerpt_not_in_comment' });
    expect(buildExcerpt(COMMENT, 'Integration is a two-way process.\n[…]\nOur experience')).toEqual({ ok: false, code: 'excerpt_not_in_comment' });
    expect(buildExcerpt(COMMENT, '[…]')).toEqual({ ok: false, code: 'excerpt_not_in_comment' });
  });
});
