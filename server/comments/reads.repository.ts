import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Where a reader left off in a topic: the highest `seq` they have read, or null when never. */
export async function findReadPosition(db: Kysely<Database>, userId: string, topicId: string): Promise<number | null> {
  const row = await db.selectFrom('topic_reads').select('last_seq').where('user_id', '=', userId).where('topic_id', '=', topicId).executeTakeFirst();
  return row ? Number(row.last_seq) : null;
}

/** Moves the reader's position forward (never back: an older tab must not undo a newer one). */
export async function advanceReadPosition(db: Kysely<Database>, userId: string, topicId: string, lastSeq: number, now: string): Promise<void> {
  await db
    .insertInto('topic_reads')
    .values({ user_id: userId, topic_id: topicId, last_seq: lastSeq, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'topic_id'])
        .doUpdateSet({ last_seq: (eb) => eb.ref('excluded.last_seq'), updated_at: (eb) => eb.ref('excluded.updated_at') })
        .where('topic_reads.last_seq', '<', lastSeq),
    )
    .execute();
}

/** Per topic of a dialogue: published comments by others after where the reader left off. */
export async function unreadCounts(db: Kysely<Database>, userId: string, dialogueId: string) {
  const rows = await db
    .selectFrom('topics as t')
    .leftJoin('topic_reads as r', (join) => join.onRef('r.topic_id', '=', 't.id').on('r.user_id', '=', userId))
    .select((eb) => [
      't.id as topic_id',
      'r.last_seq as last_read_seq',
      eb
        .selectFrom('comments as c')
        .select(eb.fn.countAll<number | string>().as('n'))
        .whereRef('c.topic_id', '=', 't.id')
        .where('c.status', '=', 'published')
        .where('c.author_id', '!=', userId)
        .where((inner) => inner('c.seq', '>', inner.fn.coalesce('r.last_seq', inner.val(0))))
        .as('unread'),
    ])
    .where('t.dialogue_id', '=', dialogueId)
    .orderBy('t.number')
    .execute();
  return rows.map((row) => ({
    topicId: row.topic_id,
    lastReadSeq: row.last_read_seq === null ? null : Number(row.last_read_seq),
    unread: Number(row.unread),
  }));
}
