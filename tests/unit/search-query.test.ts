import { describe, expect, it } from 'vitest';
import { fts5Match, parseQuery, tsQuery } from '../../server/search/search-query.ts';
import { snippetHtml } from '../../server/search/snippet.ts';

describe('parseQuery', () => {
  it('reads words, "phrases" and prefix* words, folded', () => {
    expect(parseQuery('Integración "social change" migr* a*')).toEqual([
      { kind: 'word', text: 'integracion' },
      { kind: 'phrase', words: ['social', 'change'] },
      { kind: 'prefix', text: 'migr' },
      { kind: 'word', text: 'a' },
    ]);
  });

  it('reads query syntax and control characters as separators only', () => {
    expect(parseQuery('NEAR(a b) OR )( x:* -y \u0000z')).toEqual(['near', 'a', 'b', 'or', 'x', 'y', 'z'].map((text) => ({ kind: 'word', text })));
    expect(parseQuery('"unclosed phrase')).toEqual([
      { kind: 'word', text: 'unclosed' },
      { kind: 'word', text: 'phrase' },
    ]);
    expect(parseQuery('"" * "" ** ()')).toEqual([]);
    expect(parseQuery('"one"')).toEqual([{ kind: 'word', text: 'one' }]);
  });

  it('drops repeats and keeps at most twelve terms of the first 500 characters', () => {
    expect(parseQuery('a a A')).toEqual([{ kind: 'word', text: 'a' }]);
    expect(parseQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
    expect(parseQuery(`${'x'.repeat(499)} tail`)).toEqual([{ kind: 'word', text: 'x'.repeat(499) }]);
  });

  it('writes each dialect’s syntax from letters and digits only', () => {
    const terms = parseQuery('l’école "social change" migr*');
    expect(fts5Match(terms)).toBe('"l" "ecole" "social change" "migr"*');
    expect(tsQuery(terms)).toBe("'l' & 'ecole' & ('social' <-> 'change') & 'migr':*");
  });
});

describe('snippetHtml', () => {
  it('escapes the text and marks each match, phrases as one', () => {
    const html = snippetHtml('<b>Social</b> change & **social change** again', parseQuery('"social change"'));
    expect(html).toBe('&lt;b&gt;Social&lt;/b&gt; change &amp; <mark>social change</mark> again');
  });

  it('cuts a long text around the best passage, with ellipses', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    words[60] = 'café';
    const html = snippetHtml(words.join(' '), parseQuery('cafe'));
    expect(html.startsWith('… w54 ')).toBe(true);
    expect(html).toContain('<mark>café</mark>');
    expect(html.endsWith(' …')).toBe(true);
  });

  it('opens with the first words when only the title matched', () => {
    expect(snippetHtml('Plain text here.', parseQuery('absent'))).toBe('Plain text here.');
  });
});
