import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditAction } from '../../shared/moderation.constants.ts';

type Executor = Kysely<Database> | Transaction<Database>;

export async function listWatchedWords(db: Executor, dialogueId: string): Promise<string[]> {
  const rows = await db.selectFrom('watched_words').select('word').where('dialogue_id', '=', dialogueId).orderBy('word').execute();
  return rows.map((row) => row.word);
}

export async function replaceWatchedWords(trx: Transaction<Database>, dialogueId: string, words: string[], now: string): Promise<void> {
  await trx.deleteFrom('watched_words').where('dialogue_id', '=', dialogueId).execute();
  if (words.length > 0) {
    await trx
      .insertInto('watched_words')
      .values(words.map((word) => ({ dialogue_id: dialogueId, word, created_at: now })))
      .execute();
  }
}

/** Distinct participants whose reports on a comment are still open. */
export async function openReporterCount(db: Executor, commentId: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.count<number | string>('reporter_id').distinct().as('n'))
    .where('comment_id', '=', commentId)
    .where('resolved_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function resolveReports(trx: Executor, commentId: string, now: string): Promise<void> {
  await trx.updateTable('reports').set({ resolved_at: now }).where('comment_id', '=', commentId).where('resolved_at', 'is', null).execute();
}

export async function openReportsOf(db: Executor, commentIds: string[]) {
  if (commentIds.length === 0) return [];
  return db
    .selectFrom('reports')
    .select(['comment_id', 'reason', 'details', 'created_at'])
    .where('comment_id', 'in', commentIds)
    .where('resolved_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

/**
 * Ids of comments waiting for a moderator: held ones, and published ones with open reports; of
 * the given dialogues only, or of every dialogue (null).
 */
export async function queuedCommentIds(db: Executor, dialogueIds: readonly string[] | null): Promise<string[]> {
  if (dialogueIds !== null && dialogueIds.length === 0) return [];
  const scoped = dialogueIds ?? [];
  const held = db
    .selectFrom('comments as c')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .select('c.id')
    .where('c.status', '=', 'pending')
    .$if(dialogueIds !== null, (qb) => qb.where('t.dialogue_id', 'in', scoped));
  const reported = db
    .selectFrom('comments as c')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .innerJoin('reports as r', 'r.comment_id', 'c.id')
    .select('c.id')
    .where('c.status', '=', 'published')
    .where('r.resolved_at', 'is', null)
    .$if(dialogueIds !== null, (qb) => qb.where('t.dialogue_id', 'in', scoped));
  const rows = await held.union(reported).execute();
  return rows.map((row) => row.id);
}

/** Whether a comment is in the queue right now: held, or published with an open report. */
export async function isQueued(db: Executor, commentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments as c')
    .select('c.id')
    .where('c.id', '=', commentId)
    .where((eb) =>
      eb.or([
        eb('c.status', '=', 'pending'),
        eb.and([
          eb('c.status', '=', 'published'),
          eb.exists(eb.selectFrom('reports as r').select('r.id').whereRef('r.comment_id', '=', 'c.id').where('r.resolved_at', 'is', null)),
        ]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** How often an author's comments were held, hidden or declined before: context for a decision. */
export async function authorHistories(db: Executor, authorIds: string[]) {
  if (authorIds.length === 0) return new Map<string, { held: number; hidden: number; declined: number }>();
  const rows = await db
    .selectFrom('comments')
    .select((eb) => [
      'author_id',
      eb.fn.sum<number | string>(eb.case().when('held_reason', 'is not', null).then(1).else(0).end()).as('held'),
      eb.fn.sum<number | string>(eb.case().when('status', '=', 'hidden').then(1).else(0).end()).as('hidden'),
      eb.fn.sum<number | string>(eb.case().when('status', '=', 'declined').then(1).else(0).end()).as('declined'),
    ])
    .where('author_id', 'in', authorIds)
    .groupBy('author_id')
    .execute();
  return new Map(rows.map((row) => [row.author_id, { held: Number(row.held), hidden: Number(row.hidden), declined: Number(row.declined) }]));
}

export async function listAudit(
  db: Executor,
  filters: {
    dialogueId?: string;
    /** only these dialogues' entries and the site-wide ones (suspensions) */
    withinDialogues?: readonly string[];
    action?: AuditAction;
    actorId?: string;
    before?: { createdAt: string; id: string };
  },
  limit: number,
) {
  let query = db.selectFrom('moderation_actions as a').innerJoin('users as u', 'u.id', 'a.actor_id').selectAll('a').select('u.display_name as actor_name');
  if (filters.dialogueId) query = query.where('a.dialogue_id', '=', filters.dialogueId);
  const within = filters.withinDialogues;
  if (within) {
    query = query.where((eb) =>
      within.length === 0 ? eb('a.dialogue_id', 'is', null) : eb.or([eb('a.dialogue_id', 'in', within), eb('a.dialogue_id', 'is', null)]),
    );
  }
  if (filters.action) query = query.where('a.action', '=', filters.action);
  if (filters.actorId) query = query.where('a.actor_id', '=', filters.actorId);
  const before = filters.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('a.created_at', '<', before.createdAt), eb.and([eb('a.created_at', '=', before.createdAt), eb('a.id', '<', before.id)])]),
    );
  }
  return query.orderBy('a.created_at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

export async function insertSuspension(
  db: Executor,
  row: { id: string; userId: string; until: string; reason: string; createdBy: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('suspensions')
    .values({
      id: row.id,
      user_id: row.userId,
      until: row.until,
      reason: row.reason,
      created_by: row.createdBy,
      created_at: row.createdAt,
      lifted_at: null,
      lifted_by: null,
    })
    .execute();
}

/** Lifts every suspension of a user still in force; returns how many. */
export async function liftSuspensions(db: Executor, userId: string, by: string, now: string): Promise<number> {
  const result = await db
    .updateTable('suspensions')
    .set({ lifted_at: now, lifted_by: by })
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where('until', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Whether the author has a published comment in the dialogue: one approved comment and they post freely. */
export async function hasPublishedCommentIn(db: Executor, authorId: string, dialogueId: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments as c')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .select('c.id')
    .where('c.author_id', '=', authorId)
    .where('t.dialogue_id', '=', dialogueId)
    .where('c.status', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** What audit entries are about, by id: comments with their authors, participants, topics, and the comments of quotes still there. */
export async function auditSubjects(db: Executor, ids: { comments: string[]; users: string[]; topics: string[]; quotes: string[]; practices: string[] }) {
  const quotes = ids.quotes.length === 0 ? [] : await db.selectFrom('quotes').select(['id', 'comment_id']).where('id', 'in', ids.quotes).execute();
  const commentIds = [...new Set([...ids.comments, ...quotes.map((quote) => quote.comment_id)])];
  const [comments, users, topics, practices] = await Promise.all([
    commentIds.length === 0
      ? []
      : db
          .selectFrom('comments as c')
          .innerJoin('users as u', 'u.id', 'c.author_id')
          .select(['c.id', 'c.topic_id', 'c.body_markdown', 'u.id as author_id', 'u.display_name', 'u.name_display', 'u.country'])
          .where('c.id', 'in', commentIds)
          .execute(),
    ids.users.length === 0 ? [] : db.selectFrom('users').select(['id', 'display_name', 'name_display', 'country']).where('id', 'in', ids.users).execute(),
    ids.topics.length === 0 ? [] : db.selectFrom('topics').select(['id', 'number', 'question']).where('id', 'in', ids.topics).execute(),
    ids.practices.length === 0 ? [] : db.selectFrom('practices').select(['id', 'title']).where('id', 'in', ids.practices).execute(),
  ]);
  return { quotes, comments, users, topics, practices };
}
