import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../server/exports/annex.html.ts';
import { escapeMarkdown, renderMarkdown } from '../../server/exports/annex.markdown.ts';
import { toWinAnsi } from '../../server/exports/annex.pdf.ts';
import { markdownToBlocks, markdownToParagraphs } from '../../server/exports/markdown-blocks.ts';

describe('markdownToBlocks', () => {
  it('keeps paragraphs, lists, bold and italic, and line breaks', () => {
    expect(markdownToBlocks('First **bold _both_** and *it*.\nNext line.\n\n- one\n- two\n\n1. a\n2. b')).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'First ' },
          { text: 'bold ', bold: true },
          { text: 'both', bold: true, italic: true },
          { text: ' and ' },
          { text: 'it', italic: true },
          { text: '.\nNext line.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ text: 'a' }], [{ text: 'b' }]] },
    ]);
  });

  it('prints a link’s address after its text, never raw HTML', () => {
    expect(markdownToBlocks('See [the report](https://example.org/r) or https://example.org <script>x</script>')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'See the report (https://example.org/r) or https://example.org <script>x</script>' }] },
    ]);
  });

  it('turns headings into bold paragraphs and flattens nested lists', () => {
    expect(markdownToBlocks('## Key points\n\n- a\n  - b\n- c')).toEqual([
      { kind: 'paragraph', runs: [{ text: 'Key points', bold: true }] },
      { kind: 'list', ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]] },
    ]);
  });

  it('makes a quoted list into paragraphs with their markers', () => {
    expect(markdownToParagraphs('Two ideas:\n\n1. first\n2. second')).toEqual([[{ text: 'Two ideas:' }], [{ text: '1. first' }], [{ text: '2. second' }]]);
  });
});

describe('escapeMarkdown', () => {
  it('shows text as written', () => {
    expect(escapeMarkdown('a *b* _c_ [d](e) [f][g] [h]: i <j> `k`')).toBe('a \\*b\\* \\_c\\_ [d\\](e) [f\\][g] [h\\]: i \\<j> \\`k\\`');
    expect(escapeMarkdown('Cities publish data […] and more')).toBe('Cities publish data […] and more');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('# not a heading\n- not a list\n1. not a list')).toBe('\\# not a heading\n\\- not a list\n1\\. not a list');
    expect(escapeMarkdown('AT&amp;T')).toBe('AT\\&amp;T');
  });

  it.each([
    '*not bold* and **not strong**',
    '_not italic_ snake_case __x__',
    '[not a link](https://example.org) and [ref][x] and ![img](a.png)',
    '[label]: https://example.org',
    '<b>not html</b> <https://example.org>',
    '# not a heading',
    '- not a list',
    '+ not a list',
    '12. not a list',
    '3) not a list',
    '> not a quote',
    '`not code`',
    '~~not struck~~',
    'AT&amp;T &#42;',
    'back\\slash \\*',
    '---',
    'Cities publish data […]',
  ])('reads back %j as the same text', (text) => {
    const blocks = markdownToBlocks(escapeMarkdown(text));
    expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text }] }]);
  });

  it('renders runs with emphasis markers outside the spaces, and line breaks as backslashes', () => {
    const markdown = renderMarkdown({
      lang: 'en',
      title: 't',
      blocks: [{ kind: 'paragraph', runs: [{ text: 'a ' }, { text: ' bold ', bold: true }, { text: 'x\ny', italic: true }] }],
    });
    expect(markdown).toBe('a  **bold** *x*\\\n*y*\n');
  });
});

describe('renderHtml', () => {
  it('escapes every text and keeps the page self-contained', () => {
    const html = renderHtml({
      lang: 'fr',
      title: '<T>',
      blocks: [
        { kind: 'heading', level: 1, text: 'A & <b>' },
        { kind: 'quote', label: 'Citation :', paragraphs: [[{ text: '« <img src=x onerror=alert(1)> »' }]], attribution: '— participant (Espagne)' },
      ],
    });
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>&lt;T&gt;</title>');
    expect(html).toContain('<h1>A &amp; &lt;b&gt;</h1>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('@page { size: A4');
    expect(html).not.toMatch(/<(link|script|img|iframe)\b|url\(/);
  });
});

describe('toWinAnsi', () => {
  it('keeps what the standard PDF fonts can show', () => {
    const text = '“Quote” « guillemets » … — – é è ç ñ ü œ € ’';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('folds other characters to a plain letter, or a question mark', () => {
    expect(toWinAnsi('Łódź Dvořák őz')).toBe('Lódz Dvorák oz');
    expect(toWinAnsi('1\u202F200')).toBe('1\u00A0200');
    expect(toWinAnsi('日本')).toBe('??');
    expect(toWinAnsi('a\u0000b\tc')).toBe('ab c');
  });
});
