import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { lockRow } from '../../db/row-lock.ts';
import type { Affiliation, Role } from '../../shared/common.constants.ts';

export interface PeopleFilter {
  /** part of a display name or e-mail address, any case */
  text?: string;
  country?: string;
  affiliation?: Affiliation;
  role?: Role;
  /** the (display name, id) of the last person of the previous page */
  after: { displayName: string; id: string } | null;
  limit: number;
}

/** `%`, `_` and the escape character itself stand for themselves in a LIKE pattern. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

function people(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.display_name', 'users.email', 'users.country', 'users.organization', 'users.affiliation', 'users.role', 'users.created_at'])
    .select((eb) =>
      eb.selectFrom('comments').select(eb.fn.countAll<number | string>().as('n')).whereRef('comments.author_id', '=', 'users.id').as('comment_count'),
    );
}
export type PersonRow = Awaited<ReturnType<ReturnType<typeof people>['executeTakeFirstOrThrow']>>;

/**
 * People by name, keyset-paginated on (display_name, id). The search text is a bound parameter,
 * never spliced into the SQL; it matches whatever the case (on SQLite, the case of ASCII letters
 * only). Moderators are those with the role and anyone appointed to a dialogue. Deleted accounts are left out.
 */
export async function listPeople(db: Kysely<Database>, filter: PeopleFilter): Promise<PersonRow[]> {
  // A deleted account is nobody any more: its emptied row only stands behind the comments it kept.
  let query = people(db).where('users.deleted_at', 'is', null);
  const needle = filter.text?.trim() ?? '';
  if (needle !== '') {
    const pattern = `%${likeLiteral(needle.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('users.display_name')}) like lower(${pattern}) escape '\\'`,
        sql<boolean>`lower(${eb.ref('users.email')}) like lower(${pattern}) escape '\\'`,
      ]),
    );
  }
  if (filter.country) query = query.where('users.country', '=', filter.country);
  if (filter.affiliation) query = query.where('users.affiliation', '=', filter.affiliation);
  if (filter.role === 'moderator') {
    query = query.where((eb) =>
      eb.or([
        eb('users.role', '=', 'moderator'),
        eb.exists(eb.selectFrom('dialogue_moderators as dm').select('dm.user_id').whereRef('dm.user_id', '=', 'users.id')),
      ]),
    );
  } else if (filter.role) {
    query = query.where('users.role', '=', filter.role);
  }
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('users.display_name', '>', after.displayName), eb.and([eb('users.display_name', '=', after.displayName), eb('users.id', '>', after.id)])]),
    );
  }
  return query.orderBy('users.display_name').orderBy('users.id').limit(filter.limit).execute();
}

export async function findPerson(db: Kysely<Database>, userId: string): Promise<PersonRow | undefined> {
  return people(db).where('users.id', '=', userId).executeTakeFirst();
}

/** The slugs of the dialogues each of these people is appointed to moderate, newest window first. */
export async function appointedSlugs(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const slugs = new Map<string, string[]>();
  if (userIds.length === 0) return slugs;
  const rows = await db
    .selectFrom('dialogue_moderators as dm')
    .innerJoin('dialogues as d', 'd.id', 'dm.dialogue_id')
    .select(['dm.user_id', 'd.slug'])
    .where('dm.user_id', 'in', userIds)
    .orderBy('d.opens_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
  for (const row of rows) slugs.set(row.user_id, [...(slugs.get(row.user_id) ?? []), row.slug]);
  return slugs;
}

/** When each of these people's suspension in force ends (the latest, when several are). */
export async function suspensionEnds(db: Kysely<Database>, userIds: readonly string[], now: string): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('suspensions')
    .select(['user_id', (eb) => eb.fn.max('until').as('until')])
    .where('user_id', 'in', userIds)
    .where('lifted_at', 'is', null)
    .where('until', '>', now)
    .groupBy('user_id')
    .execute();
  return new Map(rows.map((row) => [row.user_id, row.until]));
}

/**
 * Takes the row lock of every organizer, one at a time by id so that two transactions doing this
 * wait for each other instead of deadlocking: on PostgreSQL a demotion then counts the organizers
 * another demotion has left, never the ones it is taking away. SQLite writes one at a time anyway.
 */
export async function lockOrganizers(trx: Transaction<Database>): Promise<void> {
  const rows = await trx.selectFrom('users').select('id').where('role', '=', 'organizer').orderBy('id').execute();
  for (const row of rows) await lockRow(trx, 'users', row.id);
}

export async function countOrganizers(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'organizer')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
