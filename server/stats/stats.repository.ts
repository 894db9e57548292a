import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The dialogue's window as stored: [from, to) in ISO 8601 UTC, which compares as text in both dialects. */
export interface TimeWindow {
  from: string;
  to: string;
}

/** A calendar day of the window and the UTC instant it starts at, in the dialogue's time zone. */
export interface DayBucket {
  day: string;
  startsAt: string;
}

/**
 * The calendar day a stored time falls on. Neither dialect is asked about time zones (SQLite knows
 * none): the day boundaries are worked out beforehand in the dialogue's zone, and a CASE over them
 * (ascending) names the day, the same SQL on SQLite and PostgreSQL.
 */
function dayOf(column: string, days: readonly DayBucket[]): RawBuilder<string> {
  const ref = sql.ref(column);
  const last = days.at(-1)!;
  if (days.length === 1) return sql<string>`cast(${last.day} as text)`;
  const whens = days.slice(1).map((next, i) => sql`when ${ref} < ${next.startsAt} then ${days[i]!.day}`);
  return sql<string>`cast(case ${sql.join(whens, sql` `)} else ${last.day} end as text)`;
}

const count = (value: number | string | bigint | null | undefined): number => Number(value ?? 0);

export async function visitTotals(db: Kysely<Database>, dialogueId: string, window: TimeWindow): Promise<{ visits: number; uniqueVisitors: number }> {
  const row = await db
    .selectFrom('visits')
    .select((eb) => [eb.fn.countAll<number | string>().as('visits'), eb.fn.count<number | string>('visitor_id').distinct().as('visitors')])
    .where('dialogue_id', '=', dialogueId)
    .where('created_at', '>=', window.from)
    .where('created_at', '<', window.to)
    .executeTakeFirst();
  return { visits: count(row?.visits), uniqueVisitors: count(row?.visitors) };
}

export async function visitsByDay(
  db: Kysely<Database>,
  dialogueId: string,
  window: TimeWindow,
  days: readonly DayBucket[],
): Promise<{ day: string; count: number }[]> {
  if (days.length === 0) return [];
  const rows = await db
    .selectFrom(
      db
        .selectFrom('visits')
        .select(dayOf('created_at', days).as('day'))
        .where('dialogue_id', '=', dialogueId)
        .where('created_at', '>=', window.from)
        .where('created_at', '<', window.to)
        .as('v'),
    )
    .select((eb) => ['v.day', eb.fn.countAll<number | string>().as('n')])
    .groupBy('v.day')
    .execute();
  return rows.map((row) => ({ day: row.day, count: count(row.n) }));
}

/** Published comments inside the window, per topic and calendar day. */
export async function commentsByTopicDay(
  db: Kysely<Database>,
  dialogueId: string,
  window: TimeWindow,
  days: readonly DayBucket[],
): Promise<{ topicNumber: number; day: string; count: number }[]> {
  if (days.length === 0) return [];
  const rows = await db
    .selectFrom(
      db
        .selectFrom('comments as c')
        .innerJoin('topics as t', 't.id', 'c.topic_id')
        .select(['t.number as topic_number', dayOf('c.created_at', days).as('day')])
        .where('t.dialogue_id', '=', dialogueId)
        .where('c.status', '=', 'published')
        .where('c.created_at', '>=', window.from)
        .where('c.created_at', '<', window.to)
        .as('d'),
    )
    .select((eb) => ['d.topic_number', 'd.day', eb.fn.countAll<number | string>().as('n')])
    .groupBy(['d.topic_number', 'd.day'])
    .execute();
  return rows.map((row) => ({ topicNumber: Number(row.topic_number), day: row.day, count: count(row.n) }));
}

/**
 * People who posted at least one published comment inside the window, per country and affiliation
 * (each person has one of each, so sums over either are counts of people).
 */
export async function participantsByCountryAndAffiliation(
  db: Kysely<Database>,
  dialogueId: string,
  window: TimeWindow,
): Promise<{ country: string; affiliation: string | null; count: number }[]> {
  const rows = await db
    .selectFrom('comments as c')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select((eb) => ['u.country', 'u.affiliation', eb.fn.count<number | string>('c.author_id').distinct().as('n')])
    .where('t.dialogue_id', '=', dialogueId)
    .where('c.status', '=', 'published')
    .where('c.created_at', '>=', window.from)
    .where('c.created_at', '<', window.to)
    .groupBy(['u.country', 'u.affiliation'])
    .execute();
  return rows.map((row) => ({ country: row.country, affiliation: row.affiliation, count: count(row.n) }));
}

export async function topicNumbers(db: Kysely<Database>, dialogueId: string): Promise<{ id: string; number: number; question: string }[]> {
  return db.selectFrom('topics').select(['id', 'number', 'question']).where('dialogue_id', '=', dialogueId).orderBy('number').execute();
}
