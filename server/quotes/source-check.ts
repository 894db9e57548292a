import { EXCERPT_GAP, markdownToPlainText } from '../../shared/quote-text.ts';

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** What the check needs of a quote: its stored excerpt ('' for the whole comment) and when it was made. */
export interface QuotedWords {
  excerpt: string;
  createdAt: string;
}

/** What the check needs of the source comment as it is now. */
export interface QuoteSource {
  bodyMarkdown: string;
  editedAt: string | null;
}

/** Whether every passage of an excerpt (the text between its "[…]" cuts) still stands in the comment, in order. */
export function excerptStillIn(excerpt: string, commentMarkdown: string): boolean {
  const plain = collapse(markdownToPlainText(commentMarkdown));
  let from = 0;
  for (const passage of excerpt.split(EXCERPT_GAP).map(collapse)) {
    if (passage === '') continue;
    const at = plain.indexOf(passage, from);
    if (at < 0) return false;
    from = at + passage.length;
  }
  return true;
}

/**
 * Whether the source comment was edited after the quote was made and no longer holds the quote's
 * words verbatim (whitespace aside). A whole-comment quote follows the comment's edits, so it never
 * changes source. Checked at every read rather than stored, so a later edit restoring the words
 * clears it.
 */
export function sourceChanged(quote: QuotedWords, source: QuoteSource): boolean {
  if (quote.excerpt === '' || source.editedAt === null) return false;
  if (Date.parse(source.editedAt) <= Date.parse(quote.createdAt)) return false;
  return !excerptStillIn(quote.excerpt, source.bodyMarkdown);
}
