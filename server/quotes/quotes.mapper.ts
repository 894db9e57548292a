import type { Quote, QuoteFlag } from '../../shared/quotes.ts';
import { publicAttribution, type Attribution } from '../../shared/quote-consent.ts';
import { markdownToPlainText } from '../../shared/quote-text.ts';
import type { QuoteWithSource } from './quotes.repository.ts';
import { sourceChanged } from './source-check.ts';

/** An empty stored excerpt means the whole comment, which then follows the comment's edits. */
export const WHOLE_COMMENT = '';

/** Why the public may not see this quote now, or null when it may. */
function flagOf(row: QuoteWithSource, effective: Attribution | null): QuoteFlag | null {
  if (row.comment_status === 'hidden') return 'hidden';
  if (row.comment_status === 'withdrawn') return 'withdrawn';
  if (row.comment_status !== 'published') return 'held';
  if (sourceChanged({ excerpt: row.excerpt, createdAt: row.created_at }, { bodyMarkdown: row.comment_markdown, editedAt: row.comment_edited_at })) {
    return 'source_changed';
  }
  return effective === null ? 'consent_withdrawn' : null;
}

/** The quote as its audience may see it: who chose it is curation business, for moderators only. */
function toQuoteDto(row: QuoteWithSource, moderator: boolean): Quote {
  const attribution = row.attribution;
  const effective = publicAttribution(row.author_consent, row.author_name_display, attribution);
  const named = effective === 'name';
  const located = named || effective === 'country';
  return {
    id: row.id,
    topicId: row.topic_id,
    commentId: row.comment_id,
    text: row.excerpt === WHOLE_COMMENT ? markdownToPlainText(row.comment_markdown) : row.excerpt,
    excerpt: row.excerpt !== WHOLE_COMMENT,
    attribution,
    effectiveAttribution: effective,
    attributionLabel: {
      name: named ? row.author_name : null,
      country: located ? row.author_country : null,
      affiliation: located ? row.author_affiliation : null,
    },
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    flagged: flagOf(row, effective),
    ...(moderator ? { chosenBy: { id: row.chosen_by, displayName: row.chooser_name } } : {}),
  };
}

/** What one audience may see of a topic's quotes: the public never gets a flagged one. */
export const quotesFor = (rows: QuoteWithSource[], moderator: boolean): Quote[] =>
  rows.map((row) => toQuoteDto(row, moderator)).filter((quote) => moderator || quote.flagged === null);
