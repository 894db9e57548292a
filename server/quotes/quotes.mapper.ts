import type { Quote, QuoteFlag } from '../../shared/quotes.ts';
import { publicAttribution, type Attribution } from '../../shared/quote-consent.ts';
import { markdownToPlainText } from '../../shared/quote-text.ts';
import type { QuoteWithSource } from './quotes.repository.ts';
import { sourceChanged } from './source-check.ts';

/** An empty stored excerpt means the whole comment, which then follows the comment's edits. */
export const WHOLE_COMMENT = '';

/** The quote's words as a report prints them: the excerpt, or the whole comment as plain text. */
export const quoteText = (excerpt: string, commentMarkdown: string): string => (excerpt === WHOLE_COMMENT ? markdownToPlainText(commentMarkdown) : excerpt);

/**
 * Why the public may not see this quote now, or null when it may. The author's withdrawal of
 * consent for this very quote comes first: it is for good, whatever else changes.
 */
function flagOf(row: QuoteWithSource, effective: Attribution | null): QuoteFlag | null {
  if (row.consent_withdrawn_at !== null) return 'consent_withdrawn';
  if (row.comment_status === 'hidden') return 'hidden';
  if (row.comment_status === 'withdrawn') return 'withdrawn';
  if (row.comment_status !== 'published') return 'held';
  if (sourceChanged({ excerpt: row.excerpt, createdAt: row.created_at }, { bodyMarkdown: row.comment_markdown, editedAt: row.comment_edited_at })) {
    return 'source_changed';
  }
  return effective === null ? 'consent_withdrawn' : null;
}

/** Whether the public may see this quote now: what search indexes it as. */
export const isPublicQuote = (row: QuoteWithSource): boolean =>
  flagOf(row, publicAttribution(row.author_consent, row.author_name_display, row.attribution)) === null;

const consentWithdrawalOf = (row: Pick<QuoteWithSource, 'consent_withdrawn_at' | 'consent_withdrawal_reason'>): Quote['consentWithdrawn'] =>
  row.consent_withdrawn_at === null ? null : { at: row.consent_withdrawn_at, reason: row.consent_withdrawal_reason };

/** Who reads a quote: the public, the dialogue's moderators, or the quoted author (on their consent page). */
export type QuoteReader = 'public' | 'moderator' | 'author';

/**
 * The quote as its audience may see it: who chose it is curation business, for moderators only;
 * the author's withdrawal of consent is for moderators and the author.
 */
function toQuoteDto(row: QuoteWithSource, reader: QuoteReader): Quote {
  const attribution = row.attribution;
  const effective = publicAttribution(row.author_consent, row.author_name_display, attribution);
  const named = effective === 'name';
  const located = named || effective === 'country';
  return {
    id: row.id,
    topicId: row.topic_id,
    commentId: row.comment_id,
    text: quoteText(row.excerpt, row.comment_markdown),
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
    ...(reader === 'moderator' ? { chosenBy: { id: row.chosen_by, displayName: row.chooser_name } } : {}),
    ...(reader === 'public' ? {} : { consentWithdrawn: consentWithdrawalOf(row) }),
  };
}

/** What one audience may see of a topic's quotes: the public never gets a flagged one. */
export const quotesFor = (rows: QuoteWithSource[], moderator: boolean): Quote[] =>
  rows.map((row) => toQuoteDto(row, moderator ? 'moderator' : 'public')).filter((quote) => moderator || quote.flagged === null);

/** One quote for its author's consent page or a moderator. */
export const quoteFor = (row: QuoteWithSource, reader: Exclude<QuoteReader, 'public'>): Quote => toQuoteDto(row, reader);
