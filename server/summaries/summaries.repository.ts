import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SummariesTable, SummaryVersionsTable } from '../../db/tables/curation.table.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Which summary: the dialogue's own (topicId null) or one topic's. */
export interface SummaryScope {
  dialogueId: string;
  topicId: string | null;
}

export async function findSummary(db: Executor, scope: SummaryScope) {
  return db
    .selectFrom('summaries as s')
    .innerJoin('users as u', 'u.id', 's.updated_by')
    .selectAll('s')
    .select('u.display_name as updated_by_name')
    .where('s.dialogue_id', '=', scope.dialogueId)
    .where((eb) => (scope.topicId === null ? eb('s.topic_id', 'is', null) : eb('s.topic_id', '=', scope.topicId)))
    .executeTakeFirst();
}

export type SummaryWithEditor = NonNullable<Awaited<ReturnType<typeof findSummary>>>;

function versionsOf(db: Executor, summaryId: string) {
  return db
    .selectFrom('summary_versions as v')
    .innerJoin('users as u', 'u.id', 'v.author_id')
    .select(['v.version', 'v.status', 'v.body', 'v.author_id', 'v.created_at', 'u.display_name as author_name'])
    .where('v.summary_id', '=', summaryId);
}

export type VersionWithAuthor = Awaited<ReturnType<ReturnType<typeof versionsOf>['executeTakeFirstOrThrow']>>;

export async function latestApprovedVersion(db: Executor, summaryId: string): Promise<VersionWithAuthor | undefined> {
  return versionsOf(db, summaryId).where('v.status', '=', 'approved').orderBy('v.version', 'desc').limit(1).executeTakeFirst();
}

export async function findVersion(db: Executor, summaryId: string, version: number): Promise<VersionWithAuthor | undefined> {
  return versionsOf(db, summaryId).where('v.version', '=', version).executeTakeFirst();
}

/** Versions newest first, below `before` when given. */
export async function listVersions(db: Executor, summaryId: string, before: number | undefined, limit: number): Promise<VersionWithAuthor[]> {
  let query = versionsOf(db, summaryId);
  if (before !== undefined) query = query.where('v.version', '<', before);
  return query.orderBy('v.version', 'desc').limit(limit).execute();
}

/**
 * Serialises saves of one summary: a no-op update takes the row lock of the topic, or of the
 * dialogue for its own summary, on PostgreSQL (SQLite writes one transaction at a time anyway).
 * The unique (dialogue, topic) constraint cannot do it: a null topic never collides.
 */
export async function lockSummaryScope(trx: Transaction<Database>, scope: SummaryScope): Promise<void> {
  if (scope.topicId === null) {
    await trx
      .updateTable('dialogues')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', scope.dialogueId)
      .execute();
  } else {
    await trx
      .updateTable('topics')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('id', '=', scope.topicId)
      .execute();
  }
}

export async function insertSummary(trx: Transaction<Database>, row: SummariesTable): Promise<void> {
  await trx.insertInto('summaries').values(row).execute();
}

export async function updateSummary(
  trx: Transaction<Database>,
  id: string,
  changes: Pick<SummariesTable, 'body' | 'status' | 'version' | 'updated_by' | 'updated_at'>,
): Promise<void> {
  await trx.updateTable('summaries').set(changes).where('id', '=', id).execute();
}

export async function insertVersion(trx: Transaction<Database>, row: SummaryVersionsTable): Promise<void> {
  await trx.insertInto('summary_versions').values(row).execute();
}

/**
 * The published comments of a topic, in posting order: what key points and citations draw on, with
 * what naming the author as the thread does takes.
 */
export async function publishedCommentTexts(db: Executor, topicId: string) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body_markdown', 'c.language', 'u.display_name', 'u.name_display', 'u.country'])
    .where('c.topic_id', '=', topicId)
    .where('c.status', '=', 'published')
    .orderBy('c.seq')
    .execute();
}
