import type { Insertable, Kysely, Transaction } from 'kysely';
import { lockRow } from '../../db/row-lock.ts';
import type { Database } from '../../db/schema.ts';
import type { QuotesTable } from '../../db/tables/curation.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** A quote with what its DTO needs from its source comment, the comment's author and who chose it. */
function quotesWithSources(db: Executor) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('comments as c', 'c.id', 'q.comment_id')
    .innerJoin('users as a', 'a.id', 'c.author_id')
    .innerJoin('users as m', 'm.id', 'q.chosen_by')
    .selectAll('q')
    .select([
      'c.status as comment_status',
      'c.body_markdown as comment_markdown',
      'c.edited_at as comment_edited_at',
      'c.language as comment_language',
      'c.author_id',
      'a.display_name as author_name',
      'a.country as author_country',
      'a.affiliation as author_affiliation',
      'a.quote_consent as author_consent',
      'a.name_display as author_name_display',
      'm.display_name as chooser_name',
    ]);
}

export type QuoteWithSource = Awaited<ReturnType<ReturnType<typeof quotesWithSources>['executeTakeFirstOrThrow']>>;

export async function listTopicQuotes(db: Executor, topicId: string): Promise<QuoteWithSource[]> {
  return quotesWithSources(db).where('q.topic_id', '=', topicId).orderBy('q.position').orderBy('q.created_at').orderBy('q.id').execute();
}

export async function listDialogueQuotes(db: Executor, dialogueId: string): Promise<QuoteWithSource[]> {
  return quotesWithSources(db)
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .where('t.dialogue_id', '=', dialogueId)
    .orderBy('q.position')
    .orderBy('q.created_at')
    .orderBy('q.id')
    .execute();
}

export async function findQuoteWithSource(db: Executor, id: string): Promise<QuoteWithSource | undefined> {
  return quotesWithSources(db).where('q.id', '=', id).executeTakeFirst();
}

/** Every quote of these comments, with their sources: to index them again when a comment changes. */
export async function quotesOfComments(db: Executor, commentIds: readonly string[]): Promise<QuoteWithSource[]> {
  if (commentIds.length === 0) return [];
  return quotesWithSources(db).where('q.comment_id', 'in', commentIds).execute();
}

export async function findQuote(db: Executor, id: string) {
  return db.selectFrom('quotes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the author of this comment withdrew consent for a quote of it that is still kept. */
export async function hasWithdrawnQuoteOf(db: Executor, commentId: string): Promise<boolean> {
  const row = await db.selectFrom('quotes').select('id').where('comment_id', '=', commentId).where('consent_withdrawn_at', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

/** The topics whose quotes come from this comment: where a change of the comment changes quotes. */
export async function topicsQuotingComment(db: Executor, commentId: string): Promise<string[]> {
  const rows = await db.selectFrom('quotes').select('topic_id').distinct().where('comment_id', '=', commentId).execute();
  return rows.map((row) => row.topic_id);
}

/**
 * Makes the transaction the only one changing the topic's quotes until it ends, so two moderators
 * ordering quotes at once never end with two quotes in one place.
 */
export const lockTopicQuotes = (trx: Transaction<Database>, topicId: string): Promise<void> => lockRow(trx, 'topics', topicId);

/** The topic's quote ids in their current order. */
export async function quoteOrder(trx: Transaction<Database>, topicId: string): Promise<{ id: string; position: number }[]> {
  return trx.selectFrom('quotes').select(['id', 'position']).where('topic_id', '=', topicId).orderBy('position').orderBy('created_at').orderBy('id').execute();
}

export async function insertQuote(trx: Transaction<Database>, row: Insertable<QuotesTable>): Promise<void> {
  await trx.insertInto('quotes').values(row).execute();
}

export async function updateQuote(
  trx: Transaction<Database>,
  id: string,
  changes: Partial<Pick<QuotesTable, 'excerpt' | 'attribution' | 'updated_at'>>,
): Promise<void> {
  await trx.updateTable('quotes').set(changes).where('id', '=', id).execute();
}

/**
 * Records that the quoted author withdrew consent for this quote, unless they already did: whether
 * this call recorded it (of two withdrawals at once, one does).
 */
export async function markConsentWithdrawn(trx: Transaction<Database>, id: string, reason: string | null, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('quotes')
    .set({ consent_withdrawn_at: now, consent_withdrawal_reason: reason, updated_at: now })
    .where('id', '=', id)
    .where('consent_withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteQuote(trx: Transaction<Database>, id: string): Promise<void> {
  await trx.deleteFrom('quotes').where('id', '=', id).execute();
}

/** Gives the quotes the positions 1..n in the order of `orderedIds`, writing only those that move. */
export async function renumberQuotes(trx: Transaction<Database>, current: { id: string; position: number }[], orderedIds: string[]): Promise<void> {
  const was = new Map(current.map((quote) => [quote.id, quote.position]));
  for (const [index, id] of orderedIds.entries()) {
    if (was.get(id) !== index + 1)
      await trx
        .updateTable('quotes')
        .set({ position: index + 1 })
        .where('id', '=', id)
        .execute();
  }
}
