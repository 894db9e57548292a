import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialogueRow, DialogueUpdate, NewDialogueRow, TopicRow } from '../../db/tables/dialogues.table.ts';

export async function findDialogueBySlug(db: Kysely<Database>, slug: string): Promise<DialogueRow | undefined> {
  return db.selectFrom('dialogues').selectAll().where('slug', '=', slug).executeTakeFirst();
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
  let query = db.selectFrom('dialogues').selectAll();
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
  return db.selectFrom('dialogues').selectAll().where('id', '=', id).executeTakeFirst();
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
  changes: Partial<Pick<TopicRow, 'question' | 'description' | 'number' | 'locked' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('topics').set(changes).where('id', '=', id).execute();
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
