import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialogueRow, DialogueUpdate, NewDialogueRow, TopicRow } from '../../db/tables/dialogues.table.ts';

export async function findDialogueBySlug(db: Kysely<Database>, slug: string): Promise<DialogueRow | undefined> {
  return db.selectFrom('dialogues').selectAll().where('slug', '=', slug).where('deleted_at', 'is', null).executeTakeFirst();
}

export interface DialogueCursor {
  opensAt: string;
  id: string;
}

/** Newest window first; keyset pagination on (opens_at, id). */
export async function listDialogues(
  db: Kysely<Database>,
  options: { includeUnpublished: boolean; limit: number; after: DialogueCursor | null },
): Promise<DialogueRow[]> {
  let query = db.selectFrom('dialogues').selectAll().where('deleted_at', 'is', null);
  if (!options.includeUnpublished) query = query.where('published', '=', 1);
  const after = options.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('opens_at', '<', after.opensAt), eb.and([eb('opens_at', '=', after.opensAt), eb('id', '<', after.id)])]));
  }
  return query.orderBy('opens_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function insertDialogue(db: Kysely<Database>, row: NewDialogueRow): Promise<void> {
  await db.insertInto('dialogues').values(row).execute();
}

export async function updateDialogue(db: Kysely<Database>, id: string, changes: DialogueUpdate): Promise<void> {
  await db.updateTable('dialogues').set(changes).where('id', '=', id).execute();
}

export type TopicWithCount = TopicRow & { comment_count: number | string };

function topicsWithCounts(db: Kysely<Database>) {
  return db
    .selectFrom('topics')
    .selectAll('topics')
    .select((eb) =>
      eb
        .selectFrom('comments')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('comments.topic_id', '=', 'topics.id')
        .where('comments.status', '=', 'published')
        .as('comment_count'),
    );
}

export async function listTopics(db: Kysely<Database>, dialogueId: string): Promise<TopicWithCount[]> {
  const rows = await topicsWithCounts(db).where('dialogue_id', '=', dialogueId).orderBy('number').execute();
  return rows as TopicWithCount[];
}

export async function findTopicWithCount(db: Kysely<Database>, topicId: string): Promise<TopicWithCount | undefined> {
  return (await topicsWithCounts(db).where('id', '=', topicId).executeTakeFirst()) as TopicWithCount | undefined;
}

export async function findTopic(db: Kysely<Database>, topicId: string): Promise<TopicRow | undefined> {
  return db.selectFrom('topics').selectAll().where('id', '=', topicId).executeTakeFirst();
}

export async function findDialogueById(db: Kysely<Database>, id: string): Promise<DialogueRow | undefined> {
  return db.selectFrom('dialogues').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function nextTopicNumber(db: Kysely<Database>, dialogueId: string): Promise<number> {
  const row = await db
    .selectFrom('topics')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('dialogue_id', '=', dialogueId)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertTopic(db: Kysely<Database>, row: TopicRow): Promise<void> {
  await db.insertInto('topics').values(row).execute();
}

export async function updateTopic(
  db: Kysely<Database>,
  id: string,
  changes: Partial<Pick<TopicRow, 'question' | 'description' | 'number' | 'locked' | 'translations' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('topics').set(changes).where('id', '=', id).execute();
}

/** Every comment ever posted in each of these dialogues, in any status (withdrawn, hidden and declined ones too). */
export async function commentTotals(db: Kysely<Database>, dialogueIds: readonly string[]): Promise<Map<string, number>> {
  if (dialogueIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('comments')
    .innerJoin('topics', 'topics.id', 'comments.topic_id')
    .select(['topics.dialogue_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('topics.dialogue_id', 'in', dialogueIds)
    .groupBy('topics.dialogue_id')
    .execute();
  return new Map(rows.map((row) => [row.dialogue_id, Number(row.n)]));
}

/** Every comment ever posted under this topic, in any status. */
export async function topicCommentTotal(db: Kysely<Database>, topicId: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('topic_id', '=', topicId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes the row locks of a dialogue's topics for the rest of the transaction (a write that changes
 * nothing): on PostgreSQL a comment takes its topic's lock to draw its `seq`, so a count of
 * comments made after this sees every comment that will ever exist until the transaction ends,
 * and two reorderings run one after the other. SQLite writes one transaction at a time anyway.
 */
export async function lockTopicsOf(trx: Transaction<Database>, dialogueId: string): Promise<void> {
  await trx
    .updateTable('topics')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('dialogue_id', '=', dialogueId)
    .execute();
}

/**
 * Numbers the topics 1…n in this order. Two passes, because (dialogue_id, number) is unique at
 * every statement: first to distinct negative numbers no topic holds, then to the final ones.
 */
export async function renumberTopics(trx: Transaction<Database>, orderedIds: readonly string[], now: string): Promise<void> {
  for (const [index, id] of orderedIds.entries()) {
    await trx
      .updateTable('topics')
      .set({ number: -(index + 1) })
      .where('id', '=', id)
      .execute();
  }
  for (const [index, id] of orderedIds.entries()) {
    await trx
      .updateTable('topics')
      .set({ number: index + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
  }
}

/** A topic without comments (so without quotes) and what hangs on it: read positions, its summary and that summary's versions. */
export async function deleteTopic(trx: Transaction<Database>, topicId: string): Promise<void> {
  const summaries = trx.selectFrom('summaries').select('id').where('topic_id', '=', topicId);
  await trx.deleteFrom('summary_versions').where('summary_id', 'in', summaries).execute();
  await trx.deleteFrom('summaries').where('topic_id', '=', topicId).execute();
  await trx.deleteFrom('topic_reads').where('topic_id', '=', topicId).execute();
  await trx.deleteFrom('topics').where('id', '=', topicId).execute();
}

/**
 * A dialogue without comments and everything that hangs on it. Its audit entries stay, with the
 * dialogue's id in `target_id` and their link to the dialogue row (a foreign key) cleared: the log
 * is kept, the dialogue is gone.
 */
export async function deleteDialogue(trx: Transaction<Database>, dialogueId: string, now: string): Promise<void> {
  const topicIds = (await trx.selectFrom('topics').select('id').where('dialogue_id', '=', dialogueId).execute()).map((row) => row.id);
  for (const topicId of topicIds) await deleteTopic(trx, topicId);
  const summaries = trx.selectFrom('summaries').select('id').where('dialogue_id', '=', dialogueId);
  await trx.deleteFrom('summary_versions').where('summary_id', 'in', summaries).execute();
  await trx.deleteFrom('summaries').where('dialogue_id', '=', dialogueId).execute();
  await trx.deleteFrom('watched_words').where('dialogue_id', '=', dialogueId).execute();
  await trx.deleteFrom('dialogue_moderators').where('dialogue_id', '=', dialogueId).execute();
  await trx.deleteFrom('visits').where('dialogue_id', '=', dialogueId).execute();
  // The row stays, out of every list and lookup, so the audit log's entries keep their dialogue.
  await trx
    .updateTable('dialogues')
    .set({ deleted_at: now, published: 0, slug: `deleted-${dialogueId.toLowerCase()}`, updated_at: now })
    .where('id', '=', dialogueId)
    .execute();
}

/** Gives the dialogue `toId` the watched words of `fromId`. */
export async function copyWatchedWords(trx: Transaction<Database>, fromId: string, toId: string, now: string): Promise<void> {
  const words = await trx.selectFrom('watched_words').select('word').where('dialogue_id', '=', fromId).execute();
  if (words.length === 0) return;
  await trx
    .insertInto('watched_words')
    .values(words.map(({ word }) => ({ dialogue_id: toId, word, created_at: now })))
    .execute();
}

export async function insertVisit(
  db: Kysely<Database>,
  visit: { id: string; dialogueId: string; visitorId: string; path: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto('visits')
    .values({ id: visit.id, dialogue_id: visit.dialogueId, visitor_id: visit.visitorId, path: visit.path, created_at: visit.createdAt })
    .execute();
}
