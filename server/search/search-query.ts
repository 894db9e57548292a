import { SEARCH_LIMITS } from '../../shared/search.constants.ts';

// What a reader typed, read as terms every document must hold: words, "phrases" and prefix*.
// Anything else (operators, brackets, stray quotes, control characters) only separates words, so
// no text can reach the database as query syntax: each dialect writes the terms in its own syntax
// from letters and digits alone.

export type Term = { kind: 'word'; text: string } | { kind: 'prefix'; text: string } | { kind: 'phrase'; words: string[] };

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** A word as both indexes compare it: lower case, without accents. */
export const foldWord = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const wordsOf = (text: string): string[] => (text.match(WORD) ?? []).map(foldWord).filter((word) => word !== '');

function looseTerms(text: string): Term[] {
  const terms: Term[] = [];
  for (const match of text.matchAll(/([\p{L}\p{N}\p{M}]+)(\*?)/gu)) {
    const word = foldWord(match[1]!);
    if (word === '') continue;
    const prefix = match[2] === '*' && word.length >= SEARCH_LIMITS.prefixMin;
    terms.push(prefix ? { kind: 'prefix', text: word } : { kind: 'word', text: word });
  }
  return terms;
}

/** The terms of a query string, at most SEARCH_LIMITS.terms, duplicates dropped; none for a query with no word. */
export function parseQuery(q: string): Term[] {
  const source = q.slice(0, SEARCH_LIMITS.queryChars).replace(/[\p{Cc}\p{Cf}]/gu, ' ');
  const terms: Term[] = [];
  const parts = source.split('"');
  parts.forEach((part, index) => {
    // Odd parts sit between quotes; an unclosed quote's last part is read as loose words.
    const quoted = index % 2 === 1 && index < parts.length - 1;
    if (!quoted) {
      terms.push(...looseTerms(part));
      return;
    }
    const words = wordsOf(part);
    if (words.length === 1) terms.push({ kind: 'word', text: words[0]! });
    else if (words.length > 1) terms.push({ kind: 'phrase', words: words.slice(0, 16) });
  });
  const seen = new Set<string>();
  return terms
    .filter((term) => {
      const key = JSON.stringify(term);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, SEARCH_LIMITS.terms);
}

/** The FTS5 MATCH expression: every term must match; each a quoted string (letters and digits only inside). */
export function fts5Match(terms: readonly Term[]): string {
  return terms
    .map((term) => {
      if (term.kind === 'phrase') return `"${term.words.join(' ')}"`;
      return term.kind === 'prefix' ? `"${term.text}"*` : `"${term.text}"`;
    })
    .join(' ');
}

/** The PostgreSQL tsquery text (for to_tsquery('simple', …)): lexemes of letters and digits, `&` between terms. */
export function tsQuery(terms: readonly Term[]): string {
  return terms
    .map((term) => {
      if (term.kind === 'phrase') return `(${term.words.map((word) => `'${word}'`).join(' <-> ')})`;
      return term.kind === 'prefix' ? `'${term.text}':*` : `'${term.text}'`;
    })
    .join(' & ');
}
