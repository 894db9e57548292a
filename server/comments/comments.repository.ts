import type { Kysely, Transaction } from 'kysely';
import { lockRow } from '../../db/row-lock.ts';
import type { Database } from '../../db/schema.ts';
import type { CommentRow, NewCommentRow } from '../../db/tables/comments.table.ts';
import type { CommentStatus } from '../../shared/comments.constants.ts';
import type { Affiliation } from '../../shared/common.constants.ts';
import type { HeldReason } from '../../shared/moderation.constants.ts';
import type { NameDisplay, QuoteConsent } from '../../shared/users.constants.ts';
import { indexNewComment, reindexComment } from '../search/search-index.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Statuses everyone sees (hidden and withdrawn ones as placeholders, if they were ever published). */
export const PUBLIC_STATUSES = ['published', 'hidden', 'withdrawn'] as const;

/** Whether the public sees a comment in this state: a placeholder only stands in for what readers saw. */
export const shownToPublic = (row: Pick<CommentRow, 'status' | 'was_public'>): boolean =>
  row.status === 'published' || ((PUBLIC_STATUSES as readonly string[]).includes(row.status) && row.was_public === 1);

function commentsWithAuthors(db: Executor) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .leftJoin('comments as rt', 'rt.id', 'c.reply_to_id')
    .leftJoin('users as ru', 'ru.id', 'rt.author_id')
    .selectAll('c')
    .select([
      'u.display_name as author_display_name',
      'u.name_display as author_name_display',
      'u.country as author_country',
      'u.affiliation as author_affiliation',
      'u.quote_consent as author_quote_consent',
      'u.deleted_at as author_deleted_at',
      'ru.display_name as reply_to_display_name',
      'ru.name_display as reply_to_name_display',
    ]);
}

export type CommentWithAuthor = CommentRow & {
  author_display_name: string;
  author_name_display: NameDisplay;
  author_country: string;
  author_affiliation: Affiliation | null;
  author_quote_consent: QuoteConsent;
  /** set when the author deleted their account: the comment shows "former participant" */
  author_deleted_at: string | null;
  reply_to_display_name: string | null;
  reply_to_name_display: NameDisplay | null;
};

export interface VisibilityScope {
  /** the signed-in reader, who also sees their own pending and declined comments */
  viewerId: string | null;
  /** moderators see every status */
  everything: boolean;
}

/** Where a page starts: after a `seq`, and (catch-up) also any older comment changed after a `changeSeq`. */
export interface PageStart {
  afterSeq: number;
  changedAfter?: number;
}

export async function listComments(db: Executor, topicId: string, scope: VisibilityScope, start: PageStart, limit: number): Promise<CommentWithAuthor[]> {
  const { afterSeq, changedAfter } = start;
  let query = commentsWithAuthors(db)
    .where('c.topic_id', '=', topicId)
    .where((eb) => (changedAfter === undefined ? eb('c.seq', '>', afterSeq) : eb.or([eb('c.seq', '>', afterSeq), eb('c.change_seq', '>', changedAfter)])));
  if (!scope.everything) {
    const viewerId = scope.viewerId;
    query = query.where((eb) => {
      const publicly = eb.or([eb('c.status', '=', 'published'), eb.and([eb('c.status', 'in', PUBLIC_STATUSES), eb('c.was_public', '=', 1)])]);
      return viewerId ? eb.or([publicly, eb('c.author_id', '=', viewerId)]) : publicly;
    });
  }
  return query.orderBy('c.seq').limit(limit).execute();
}

export async function findCommentWithAuthor(db: Executor, id: string): Promise<CommentWithAuthor | undefined> {
  return commentsWithAuthors(db).where('c.id', '=', id).executeTakeFirst();
}

export async function findComment(db: Executor, id: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByClientKey(db: Executor, authorId: string, clientKey: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('author_id', '=', authorId).where('client_key', '=', clientKey).executeTakeFirst();
}

/**
 * When the author posted their `nth` latest comment since `since`, or undefined when they posted
 * fewer: one step along the (author_id, created_at) index, however high a per-minute limit is set.
 */
export async function nthRecentCommentTime(db: Executor, authorId: string, since: string, nth: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('comments')
    .select('created_at')
    .where('author_id', '=', authorId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .limit(1)
    .offset(nth - 1)
    .executeTakeFirst();
  return row?.created_at;
}

/**
 * Makes the transaction the only one posting as this author until it ends, so that counting their
 * recent comments and adding one cannot interleave with another post of theirs.
 */
export const lockAuthor = (trx: Transaction<Database>, authorId: string): Promise<void> => lockRow(trx, 'users', authorId);

/** Hands out the topic's next `seq` and version; inside the posting transaction, so neither ever repeats. */
export async function takeNextSeq(trx: Transaction<Database>, topicId: string): Promise<{ seq: number; changeSeq: number }> {
  const row = await trx
    .updateTable('topics')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), version: eb('version', '+', 1) }))
    .where('id', '=', topicId)
    .returning(['last_seq', 'version'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.last_seq), changeSeq: Number(row.version) };
}

export async function insertComment(trx: Executor, row: NewCommentRow): Promise<void> {
  await trx
    .insertInto('comments')
    .values({ ...row, was_public: row.status === 'published' ? 1 : 0 })
    .execute();
  await indexNewComment(trx, row);
}

/**
 * Changes a comment and bumps its topic's version, so no cached page shows the old state and
 * catch-up knows the comment changed; call it in a transaction.
 */
export async function updateComment(
  trx: Transaction<Database>,
  id: string,
  changes: Partial<Pick<CommentRow, 'body_markdown' | 'body_html' | 'status' | 'edit_note' | 'edited_at' | 'updated_at'>>,
): Promise<void> {
  const comment = await trx.selectFrom('comments').select('topic_id').where('id', '=', id).executeTakeFirst();
  if (!comment) return;
  const topic = await trx
    .updateTable('topics')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', comment.topic_id)
    .returning('version')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('comments')
    .set({ ...changes, change_seq: Number(topic.version) })
    .where('id', '=', id)
    .execute();
  await reindexComment(trx, id);
}

/**
 * Moves a comment from one of `from` to `to`, only if it is still in one of them: of two
 * moderators acting at once, one wins and the other learns it (false). Bumps the topic's version
 * like any change.
 */
export async function changeStatusIf(
  trx: Transaction<Database>,
  id: string,
  from: readonly CommentStatus[],
  to: CommentStatus,
  heldReason: HeldReason | null,
  now: string,
): Promise<boolean> {
  const changed = await trx
    .updateTable('comments')
    .set({ status: to, held_reason: heldReason, updated_at: now, ...(to === 'published' ? { was_public: 1 } : {}) })
    .where('id', '=', id)
    .where('status', 'in', from)
    .returning('topic_id')
    .executeTakeFirst();
  if (!changed) return false;
  const topic = await trx
    .updateTable('topics')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', changed.topic_id)
    .returning('version')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('comments')
    .set({ change_seq: Number(topic.version) })
    .where('id', '=', id)
    .execute();
  await reindexComment(trx, id);
  return true;
}

export async function bumpTopicVersions(db: Executor, topicIds: string[]): Promise<void> {
  if (topicIds.length === 0) return;
  await db
    .updateTable('topics')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', 'in', topicIds)
    .execute();
}

/** The topics an author has written in: where a change of their public name must show. */
export async function topicsOfAuthor(db: Executor, authorId: string): Promise<string[]> {
  const rows = await db.selectFrom('comments').select('topic_id').distinct().where('author_id', '=', authorId).execute();
  return rows.map((r) => r.topic_id);
}

/** What the anonymous read path needs to check before serving a cached page. */
export async function findTopicReadState(db: Executor, topicId: string) {
  return db
    .selectFrom('topics')
    .innerJoin('dialogues', 'dialogues.id', 'topics.dialogue_id')
    .select(['topics.version', 'dialogues.published'])
    .where('topics.id', '=', topicId)
    .executeTakeFirst();
}

export async function insertRevision(
  db: Executor,
  revision: { id: string; commentId: string; bodyMarkdown: string; bodyHtml: string; editedBy: string; note: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto('comment_revisions')
    .values({
      id: revision.id,
      comment_id: revision.commentId,
      body_markdown: revision.bodyMarkdown,
      body_html: revision.bodyHtml,
      edited_by: revision.editedBy,
      note: revision.note,
      created_at: revision.createdAt,
    })
    .execute();
}
