import type { ConsentWithdrawalBody, CreateQuoteBody, DialogueQuotes, PatchQuoteBody, Quote, QuoteDetail } from '../../shared/quotes.ts';
import { consentAllows, type Attribution } from '../../shared/quote-consent.ts';
import { buildExcerpt } from '../../shared/quote-text.ts';
import type { QuoteConsent } from '../../shared/users.constants.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { findUserById } from '../auth/users.repository.ts';
import { assertCanWrite, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import { findComment } from '../comments/comments.repository.ts';
import type { Ctx } from '../context.ts';
import { findDialogueById, findTopic, listTopics } from '../dialogues/dialogues.repository.ts';
import { dialogueTranslationsOf, languagesOf, topicTranslationsOf, visibleDialogue, visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';
import { assertModerates, dialogueOf } from '../moderation/rights.ts';
import { reindexQuote } from '../search/search-index.repository.ts';
import { tellQuotedAuthor } from './quote-notice.ts';
import { quoteFor, quotesFor, quoteText, WHOLE_COMMENT } from './quotes.mapper.ts';
import {
  deleteQuote,
  findQuote,
  findQuoteWithSource,
  hasWithdrawnQuoteOf,
  insertQuote,
  listDialogueQuotes,
  lockTopicQuotes,
  markConsentWithdrawn,
  quoteOrder,
  renumberQuotes,
  updateQuote,
  type QuoteWithSource,
} from './quotes.repository.ts';

const REFUSALS: Record<QuoteConsent, string> = {
  none: 'The author does not consent to be quoted.',
  anonymous: 'The author consents to be quoted only anonymously (attribution "none").',
  country: 'The author consents to be quoted only by country and affiliation, or anonymously.',
  name: 'The author consents to any attribution.',
};

/** The comment's author, when their consent allows this attribution (409 `quote_not_allowed` otherwise). */
async function assertConsent(ctx: Ctx, authorId: string, attribution: Attribution) {
  const author = await findUserById(ctx.db, authorId);
  const consent = author?.quote_consent ?? 'none';
  if (!author || !consentAllows(consent, attribution)) throw new AppError(409, 'quote_not_allowed', REFUSALS[consent]);
  return author;
}

/** The stored excerpt for a selection: the quote text, or WHOLE_COMMENT when it covers it all. */
function excerptOf(commentMarkdown: string, selection: string | null): string {
  if (selection === null) return WHOLE_COMMENT;
  const result = buildExcerpt(commentMarkdown, selection);
  if (!result.ok) {
    throw new AppError(400, 'excerpt_not_in_comment', 'The excerpt must be text of the comment, its passages in order, separated by a line "[…]".');
  }
  return result.whole ? WHOLE_COMMENT : result.text;
}

/** The dialogue a quote belongs to, when the viewer may know it exists: for the route guard. */
export async function dialogueOfQuote(ctx: Ctx, viewer: Viewer | null, quoteId: string): Promise<string | null> {
  const quote = await findQuote(ctx.db, quoteId);
  return quote ? dialogueOf.topic(ctx, viewer, quote.topic_id) : null;
}

async function moderatorView(ctx: Ctx, quoteId: string): Promise<Quote> {
  const row = await findQuoteWithSource(ctx.db, quoteId);
  if (!row) throw notFound('This quote');
  return quoteFor(row, 'moderator');
}

/** Every topic of the dialogue with its quotes in curated order; flagged ones only for its moderators. */
export async function dialogueQuotes(ctx: Ctx, viewer: Viewer | null, slug: string): Promise<DialogueQuotes> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  const moderator = moderatesDialogue(viewer, dialogue.id);
  const [topics, rows] = await Promise.all([listTopics(ctx.db, dialogue.id), listDialogueQuotes(ctx.db, dialogue.id)]);
  const quotes = quotesFor(rows, moderator);
  return {
    topics: topics.map((topic) => ({
      topicId: topic.id,
      number: topic.number,
      question: topic.question,
      quotes: quotes.filter((quote) => quote.topicId === topic.id),
    })),
  };
}

/** Quotes a published comment, or an excerpt of it, as the last quote of its topic. */
export async function createQuote(ctx: Ctx, viewer: Viewer, commentId: string, input: CreateQuoteBody): Promise<Quote> {
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw notFound('This comment');
  const { topic, dialogue } = await visibleTopic(ctx, viewer, comment.topic_id);
  assertModerates(viewer, dialogue.id);
  assertCanWrite(viewer);
  if (comment.status !== 'published') throw new AppError(409, 'comment_not_published', 'Only a published comment can be quoted.');
  const author = await assertConsent(ctx, comment.author_id, input.attribution);
  // Quoting the comment again would undo the author's withdrawal: they said no to these words.
  if (await hasWithdrawnQuoteOf(ctx.db, commentId)) {
    throw new AppError(409, 'quote_not_allowed', 'The author withdrew consent for a quote of this comment: it may not be quoted again.');
  }
  const excerpt = excerptOf(comment.body_markdown, input.excerpt ?? null);
  const id = newId();
  const now = nowIso();
  // A moderator quoting their own words is not told about it.
  const tellAuthor = author.id !== viewer.id && author.deleted_at === null;
  await ctx.write(async (trx) => {
    await lockTopicQuotes(trx, topic.id);
    const order = await quoteOrder(trx, topic.id);
    const position = order.length + 1;
    await insertQuote(trx, {
      id,
      topic_id: topic.id,
      comment_id: commentId,
      excerpt,
      attribution: input.attribution,
      position,
      chosen_by: viewer.id,
      created_at: now,
      updated_at: now,
    });
    await reindexQuote(trx, id);
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'quote.create',
      targetType: 'quote',
      targetId: id,
      after: { commentId, excerpt: excerpt !== WHOLE_COMMENT, attribution: input.attribution, position },
    });
    if (tellAuthor) {
      const text = quoteText(excerpt, comment.body_markdown);
      await tellQuotedAuthor(ctx, trx, { author, moderatorId: viewer.id, quoteId: id, topic, commentId, text, now });
    }
  });
  ctx.realtime.quotesChanged(topic.id);
  if (tellAuthor) ctx.realtime.notified(author.id);
  return moderatorView(ctx, id);
}

async function loadQuote(ctx: Ctx, viewer: Viewer, quoteId: string) {
  const quote = await findQuote(ctx.db, quoteId);
  if (!quote) throw notFound('This quote');
  const { dialogue } = await visibleTopic(ctx, viewer, quote.topic_id);
  assertModerates(viewer, dialogue.id);
  assertCanWrite(viewer);
  return { quote, dialogue };
}

/** Changes a quote's excerpt or attribution, or moves it to another place in its topic (the others close up). */
export async function patchQuote(ctx: Ctx, viewer: Viewer, quoteId: string, input: PatchQuoteBody): Promise<Quote> {
  const { quote, dialogue } = await loadQuote(ctx, viewer, quoteId);
  const comment = await findComment(ctx.db, quote.comment_id);
  if (!comment) throw notFound('The quoted comment');
  if (input.attribution !== undefined && input.attribution !== quote.attribution) await assertConsent(ctx, comment.author_id, input.attribution);
  const excerpt = input.excerpt === undefined ? quote.excerpt : excerptOf(comment.body_markdown, input.excerpt);
  const attribution = input.attribution ?? quote.attribution;
  const found = await ctx.write(async (trx) => {
    await lockTopicQuotes(trx, quote.topic_id);
    const order = await quoteOrder(trx, quote.topic_id);
    const before = order.find((entry) => entry.id === quoteId);
    if (!before) return false;
    let position = before.position;
    if (input.position !== undefined) {
      const others = order.map((entry) => entry.id).filter((id) => id !== quoteId);
      const index = Math.min(input.position, order.length) - 1;
      others.splice(index, 0, quoteId);
      await renumberQuotes(trx, order, others);
      position = index + 1;
    }
    await updateQuote(trx, quoteId, { excerpt, attribution, updated_at: nowIso() });
    await reindexQuote(trx, quoteId);
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'quote.update',
      targetType: 'quote',
      targetId: quoteId,
      before: { excerpt: quote.excerpt, attribution: quote.attribution, position: before.position },
      after: { excerpt, attribution, position },
    });
    return true;
  });
  if (!found) throw notFound('This quote');
  ctx.realtime.quotesChanged(quote.topic_id);
  return moderatorView(ctx, quoteId);
}

/** Removes a quote; the quotes after it move up one place. */
export async function removeQuote(ctx: Ctx, viewer: Viewer, quoteId: string): Promise<void> {
  const { quote, dialogue } = await loadQuote(ctx, viewer, quoteId);
  const found = await ctx.write(async (trx) => {
    await lockTopicQuotes(trx, quote.topic_id);
    const order = await quoteOrder(trx, quote.topic_id);
    if (!order.some((entry) => entry.id === quoteId)) return false;
    await deleteQuote(trx, quoteId);
    await reindexQuote(trx, quoteId);
    const rest = order.filter((entry) => entry.id !== quoteId);
    await renumberQuotes(
      trx,
      rest,
      rest.map((entry) => entry.id),
    );
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'quote.delete',
      targetType: 'quote',
      targetId: quoteId,
      before: { commentId: quote.comment_id, excerpt: quote.excerpt, attribution: quote.attribution, position: quote.position },
    });
    return true;
  });
  if (!found) throw notFound('This quote');
  ctx.realtime.quotesChanged(quote.topic_id);
}

const notQuotedAuthor = (): AppError =>
  new AppError(403, 'not_quoted_author', 'Only the author of the quoted comment can see this quote here or withdraw consent for it.');

const alreadyWithdrawn = (): AppError => new AppError(409, 'consent_already_withdrawn', 'You have already withdrawn your consent for this quote.');

/** The quote, when the viewer wrote the quoted comment: for the route guard, before the body is read (404, then 403). */
export async function assertQuotedAuthor(ctx: Ctx, viewer: Viewer, quoteId: string): Promise<QuoteWithSource> {
  const row = await findQuoteWithSource(ctx.db, quoteId);
  if (!row) throw notFound('This quote');
  if (row.author_id !== viewer.id) throw notQuotedAuthor();
  return row;
}

/**
 * One quote with its topic and dialogue, for the quoted author's consent page and for the
 * dialogue's moderators; anyone else is refused (403 `not_quoted_author`), whatever the quote.
 */
export async function quoteDetail(ctx: Ctx, viewer: Viewer, quoteId: string): Promise<QuoteDetail> {
  const row = await findQuoteWithSource(ctx.db, quoteId);
  if (!row) throw notFound('This quote');
  const topic = await findTopic(ctx.db, row.topic_id);
  const dialogue = topic ? await findDialogueById(ctx.db, topic.dialogue_id) : undefined;
  if (!topic || !dialogue) throw notFound('This quote');
  const reader = row.author_id === viewer.id ? 'author' : moderatesDialogue(viewer, dialogue.id) ? 'moderator' : null;
  if (reader === null) throw notQuotedAuthor();
  return {
    quote: quoteFor(row, reader),
    mine: reader === 'author',
    topic: { id: topic.id, number: topic.number, question: topic.question, translations: topicTranslationsOf(topic) },
    dialogue: { slug: dialogue.slug, title: dialogue.title, languages: languagesOf(dialogue), translations: dialogueTranslationsOf(dialogue) },
  };
}

/**
 * The quoted author withdraws consent for one quote, for good: every export leaves it out from
 * now on and the curators see it flagged, with the reason. Audited; a second withdrawal is 409
 * `consent_already_withdrawn`. A suspended author may still withdraw: it is not posting.
 */
export async function withdrawConsent(ctx: Ctx, viewer: Viewer, quoteId: string, input: ConsentWithdrawalBody = {}): Promise<void> {
  const row = await assertQuotedAuthor(ctx, viewer, quoteId);
  if (row.consent_withdrawn_at !== null) throw alreadyWithdrawn();
  const topic = await findTopic(ctx.db, row.topic_id);
  if (!topic) throw notFound('This quote');
  const reason = input.reason?.trim() || null;
  const now = nowIso();
  const done = await ctx.write(async (trx) => {
    if (!(await markConsentWithdrawn(trx, quoteId, reason, now))) return false;
    await reindexQuote(trx, quoteId);
    await recordAction(trx, {
      dialogueId: topic.dialogue_id,
      actorId: viewer.id,
      action: 'quote.consent_withdrawn',
      targetType: 'quote',
      targetId: quoteId,
      reason,
      before: { commentId: row.comment_id, consentWithdrawn: false },
      after: { commentId: row.comment_id, consentWithdrawn: true },
    });
    return true;
  });
  if (!done) throw alreadyWithdrawn();
  ctx.realtime.quotesChanged(row.topic_id);
}
