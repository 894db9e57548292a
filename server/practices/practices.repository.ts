import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DialectName } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import type { NewPracticeRow, PracticeRow, PracticeUpdate } from '../../db/tables/practices.table.ts';
import type { Language } from '../../shared/common.constants.ts';
import type { PracticeContinent, PracticeStatus } from '../../shared/practices.constants.ts';
import { indexPractice, unindexPractice } from '../search/search-index.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// Countries and themes are JSON arrays in text columns. A filter on one of their items reads the
// array with each dialect's JSON functions (an exact match of the whole item, never a substring),
// so `ES` never matches inside another code and a theme holding `%` or `"` is no pattern.

export async function findPractice(db: Executor, id: string): Promise<PracticeRow | undefined> {
  return db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A new practice, made searchable in the same transaction. */
export async function insertPractice(db: Executor, row: NewPracticeRow): Promise<void> {
  await db.insertInto('practices').values(row).execute();
  await indexPractice(db, (await findPractice(db, row.id))!);
}

/** Changes a practice and its search document together. */
export async function updatePractice(db: Executor, id: string, changes: PracticeUpdate): Promise<void> {
  await db.updateTable('practices').set(changes).where('id', '=', id).execute();
  const row = await findPractice(db, id);
  if (row) await indexPractice(db, row);
}

/**
 * Changes a practice only while its status is one of `from`: of two moderators deciding at once,
 * the second changes nothing. Whether it changed.
 */
export async function changePracticeIf(db: Executor, id: string, from: readonly PracticeStatus[], changes: PracticeUpdate): Promise<boolean> {
  const result = await db.updateTable('practices').set(changes).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  await indexPractice(db, (await findPractice(db, id))!);
  return true;
}

/**
 * Deletes, with their search documents, the practices of this submitter that were never published
 * (a moderator publishing one meanwhile keeps it: the row is only deleted while `published_at` is
 * still null).
 */
export async function deleteNeverPublishedPracticesOf(db: Executor, submitterId: string): Promise<void> {
  const deleted = await db.deleteFrom('practices').where('submitted_by', '=', submitterId).where('published_at', 'is', null).returning('id').execute();
  for (const { id } of deleted) await unindexPractice(db, id);
}

/** Erases the private contact of every practice of this submitter, each search document kept in step. */
export async function erasePracticeContactsOf(db: Executor, submitterId: string): Promise<void> {
  const changed = await db
    .updateTable('practices')
    .set({ contact: null })
    .where('submitted_by', '=', submitterId)
    .where('contact', 'is not', null)
    .returningAll()
    .execute();
  for (const row of changed) await indexPractice(db, row);
}

/** A practice with what its page shows: the submitter as threads show people, its dialogue, its source comment. */
function withPeople(db: Executor) {
  return db
    .selectFrom('practices as p')
    .innerJoin('users as u', 'u.id', 'p.submitted_by')
    .leftJoin('dialogues as d', (join) => join.onRef('d.id', '=', 'p.dialogue_id').on('d.deleted_at', 'is', null))
    .leftJoin('comments as c', 'c.id', 'p.source_comment_id')
    .selectAll('p')
    .select([
      'u.display_name as submitter_name',
      'u.name_display as submitter_name_display',
      'u.country as submitter_country',
      'u.affiliation as submitter_affiliation',
      'u.deleted_at as submitter_deleted_at',
      'd.slug as dialogue_slug',
      'd.title as dialogue_title',
      'd.published as dialogue_published',
      'c.status as source_status',
      'c.topic_id as source_topic_id',
    ]);
}

export type PracticeWithPeople = NonNullable<Awaited<ReturnType<ReturnType<typeof withPeople>['executeTakeFirst']>>>;

export async function findPracticeWithPeople(db: Executor, id: string): Promise<PracticeWithPeople | undefined> {
  return withPeople(db).where('p.id', '=', id).executeTakeFirst();
}

/** What a list, the stats or the export may be narrowed to. */
export interface PracticeFilters {
  continent?: PracticeContinent;
  country?: string;
  theme?: string;
  dialogueId?: string;
  language?: Language;
  status?: PracticeStatus;
  submittedBy?: string;
  /** only these practices (what a full-text query matched) */
  ids?: readonly string[];
}

/** Which practices a reader may see besides the published ones. */
export interface PracticeScope {
  /** every practice (organizers) */
  everything: boolean;
  /** their own, in any status */
  viewerId: string | null;
  /** every practice gathered by these dialogues (the ones a moderator moderates) */
  dialogueIds: readonly string[];
  /** every practice gathered by no dialogue (anyone who moderates a dialogue) */
  unattached: boolean;
}

type PracticeExpressions = ExpressionBuilder<Database & { p: Database['practices'] }, 'p'>;

function jsonArrayHolds(dialect: DialectName, column: 'p.countries' | 'p.themes', value: string): Expression<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`(${sql.ref(column)})::jsonb @> jsonb_build_array(${value}::text)`
    : sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value = ${value})`;
}

function filtered(eb: PracticeExpressions, dialect: DialectName, filters: PracticeFilters): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (filters.continent) parts.push(eb('p.continent', '=', filters.continent));
  if (filters.country) parts.push(jsonArrayHolds(dialect, 'p.countries', filters.country));
  if (filters.theme) parts.push(jsonArrayHolds(dialect, 'p.themes', filters.theme));
  if (filters.dialogueId) parts.push(eb('p.dialogue_id', '=', filters.dialogueId));
  if (filters.language) parts.push(eb('p.language', '=', filters.language));
  if (filters.status) parts.push(eb('p.status', '=', filters.status));
  if (filters.submittedBy) parts.push(eb('p.submitted_by', '=', filters.submittedBy));
  if (filters.ids) parts.push(filters.ids.length === 0 ? sql<SqlBool>`1 = 0` : eb('p.id', 'in', filters.ids));
  return eb.and(parts);
}

function visible(eb: PracticeExpressions, scope: PracticeScope): Expression<SqlBool> {
  if (scope.everything) return sql<SqlBool>`1 = 1`;
  const parts: Expression<SqlBool>[] = [eb('p.status', '=', 'published')];
  if (scope.viewerId) parts.push(eb('p.submitted_by', '=', scope.viewerId));
  if (scope.dialogueIds.length > 0) parts.push(eb('p.dialogue_id', 'in', scope.dialogueIds));
  if (scope.unattached) parts.push(eb('p.dialogue_id', 'is', null));
  return eb.or(parts);
}

/** One page of the practices this reader may see, newest first; keyset pagination on (created_at, id). */
export async function listPractices(
  db: Executor,
  dialect: DialectName,
  query: { filters: PracticeFilters; scope: PracticeScope; after?: { createdAt: string; id: string }; limit: number },
): Promise<PracticeWithPeople[]> {
  const after = query.after;
  let select = withPeople(db).where((eb) => eb.and([visible(eb, query.scope), filtered(eb, dialect, query.filters)]));
  if (after) {
    select = select.where((eb) =>
      eb.or([eb('p.created_at', '<', after.createdAt), eb.and([eb('p.created_at', '=', after.createdAt), eb('p.id', '<', after.id)])]),
    );
  }
  return select.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(query.limit).execute();
}

/** What the counts are made of: the place and themes of every published practice that passes the filters. */
export async function publishedFacets(db: Executor, dialect: DialectName, filters: PracticeFilters) {
  return db
    .selectFrom('practices as p')
    .select(['p.continent', 'p.countries', 'p.themes'])
    .where((eb) => eb.and([eb('p.status', '=', 'published'), filtered(eb, dialect, filters)]))
    .execute();
}

/** Every published practice that passes the filters, oldest first, for the organizers' export. */
export async function publishedForExport(db: Executor, dialect: DialectName, filters: PracticeFilters): Promise<PracticeWithPeople[]> {
  return withPeople(db)
    .where((eb) => eb.and([eb('p.status', '=', 'published'), filtered(eb, dialect, filters)]))
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}
