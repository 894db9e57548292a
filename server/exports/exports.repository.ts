import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Current summaries of a dialogue (topic_id null: the dialogue's own). */
export async function listSummaries(db: Kysely<Database>, dialogueId: string) {
  return db.selectFrom('summaries').select(['id', 'topic_id', 'body', 'status', 'version']).where('dialogue_id', '=', dialogueId).execute();
}

/** The approved versions of these summaries, newest first. */
export async function listApprovedVersions(db: Kysely<Database>, summaryIds: readonly string[]) {
  if (summaryIds.length === 0) return [];
  return db
    .selectFrom('summary_versions')
    .select(['summary_id', 'version', 'body'])
    .where('summary_id', 'in', summaryIds)
    .where('status', '=', 'approved')
    .orderBy('summary_id')
    .orderBy('version', 'desc')
    .execute();
}

/** The dialogue's topics in order, with their questions in other languages (JSON text). */
export async function listAnnexTopics(db: Kysely<Database>, dialogueId: string) {
  return db.selectFrom('topics').select(['id', 'number', 'question', 'translations']).where('dialogue_id', '=', dialogueId).orderBy('number').execute();
}

/**
 * The dialogue's quotes in topic order, then curated position, with what the annex needs of the
 * source comment and its author. E-mail addresses are not selected.
 */
export async function listQuotesForAnnex(db: Kysely<Database>, dialogueId: string) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('topics as t', 't.id', 'q.topic_id')
    .innerJoin('comments as c', 'c.id', 'q.comment_id')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select([
      'q.id',
      'q.topic_id',
      'q.excerpt',
      'q.attribution',
      'q.created_at',
      'q.consent_withdrawn_at',
      'c.status as comment_status',
      'c.body_markdown as comment_body',
      'c.edited_at as comment_edited_at',
      'u.display_name',
      'u.name_display',
      'u.country',
      'u.affiliation',
      'u.quote_consent',
    ])
    .where('t.dialogue_id', '=', dialogueId)
    .orderBy('t.number')
    .orderBy('q.position')
    .orderBy('q.created_at')
    .orderBy('q.id')
    .execute();
}

/**
 * One page of a topic's comments for the raw export, in posting order after `afterSeq` (keyset
 * on the topic's unique (topic_id, seq)). Only published comments carry their text: the body of
 * any other status never leaves the database.
 */
export async function rawCommentPage(db: Kysely<Database>, topicId: string, afterSeq: number, limit: number) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select((eb) => [
      'c.id',
      'c.seq',
      'c.parent_id',
      'c.created_at',
      'c.author_id',
      'u.display_name',
      'u.name_display',
      'u.country',
      'u.affiliation',
      'c.language',
      'c.status',
      eb.case().when('c.status', '=', 'published').then(eb.ref('c.body_markdown')).else('').end().as('body'),
    ])
    .where('c.topic_id', '=', topicId)
    .where('c.seq', '>', afterSeq)
    .orderBy('c.seq')
    .limit(limit)
    .execute();
}

export type RawCommentRecord = Awaited<ReturnType<typeof rawCommentPage>>[number];
