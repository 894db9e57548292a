import { markdownToPlainText } from '../../shared/quote-text.ts';
import { foldWord, type Term } from './search-query.ts';

// The snippet under a search result: the passage of the document's plain text with the most
// matches, escaped, each match in <mark>. Cut here rather than by the database, so both dialects
// give the same snippet.

const SNIPPET_WORDS = 32;
const LEAD_WORDS = 6;

interface Token {
  start: number;
  end: number;
  folded: string;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, folded: foldWord(match[0]) });
  }
  return tokens;
}

/** Which tokens each term matches: a token index range per match. */
function matchesOf(tokens: Token[], terms: readonly Term[]): [number, number][] {
  const found: [number, number][] = [];
  tokens.forEach((token, i) => {
    for (const term of terms) {
      if (term.kind === 'word' && token.folded === term.text) found.push([i, i]);
      else if (term.kind === 'prefix' && token.folded.startsWith(term.text)) found.push([i, i]);
      else if (term.kind === 'phrase' && term.words.every((word, k) => tokens[i + k]?.folded === word)) found.push([i, i + term.words.length - 1]);
    }
  });
  return found;
}

/** The escaped snippet of a Markdown body for these terms (its opening words when none matches). */
export function snippetHtml(markdown: string, terms: readonly Term[]): string {
  const text = markdownToPlainText(markdown).replace(/\s+/g, ' ').trim();
  const tokens = tokensOf(text);
  if (tokens.length === 0) return escapeHtml(text.slice(0, 200));
  const matches = matchesOf(tokens, terms);
  // The window of SNIPPET_WORDS words that starts LEAD_WORDS before the match with the most others after it.
  let first = 0;
  let best = -1;
  for (const [from] of matches) {
    const start = Math.max(0, Math.min(from - LEAD_WORDS, tokens.length - SNIPPET_WORDS));
    const count = matches.filter(([a, b]) => a >= start && b < start + SNIPPET_WORDS).length;
    if (count > best) {
      best = count;
      first = start;
    }
  }
  const last = Math.min(tokens.length, first + SNIPPET_WORDS) - 1;
  const from = first === 0 ? 0 : tokens[first]!.start;
  const to = last === tokens.length - 1 ? text.length : tokens[last]!.end;
  const marked = new Set<number>();
  for (const [a, b] of matches) for (let i = a; i <= b; i++) if (i >= first && i <= last) marked.add(i);
  let html = first === 0 ? '' : '… ';
  let at = from;
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!;
    if (!marked.has(i)) continue;
    // Adjacent marked tokens of one phrase share one <mark>, with the space between them.
    const runEnd = (() => {
      let j = i;
      while (marked.has(j + 1) && j + 1 <= last) j++;
      return j;
    })();
    html += escapeHtml(text.slice(at, token.start)) + '<mark>' + escapeHtml(text.slice(token.start, tokens[runEnd]!.end)) + '</mark>';
    at = tokens[runEnd]!.end;
    i = runEnd;
  }
  html += escapeHtml(text.slice(at, to));
  if (to < text.length) html += ' …';
  return html;
}
