import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NameDisplay } from '../../shared/users.constants.ts';

type Db = Kysely<Database>;

/** Whether the user follows the topic now (a row with `following` 0 is an explicit "stop following"). */
export async function isFollowing(db: Db, userId: string, topicId: string): Promise<boolean> {
  const row = await db.selectFrom('topic_follows').select('following').where('user_id', '=', userId).where('topic_id', '=', topicId).executeTakeFirst();
  return row?.following === 1;
}

/** Follows the topic, or follows it again: the digest counts what is new from now on. */
export async function follow(db: Db, userId: string, topicId: string, now: string): Promise<void> {
  await db
    .insertInto('topic_follows')
    .values({ user_id: userId, topic_id: topicId, following: 1, created_at: now })
    .onConflict((conflict) => conflict.columns(['user_id', 'topic_id']).doNothing())
    .execute();
  await db
    .updateTable('topic_follows')
    .set({ following: 1, created_at: now })
    .where('user_id', '=', userId)
    .where('topic_id', '=', topicId)
    .where('following', '=', 0)
    .execute();
}

/** Stops following, and remembers it: posting again in the topic does not follow it back. */
export async function unfollow(db: Db, userId: string, topicId: string, now: string): Promise<void> {
  await db
    .insertInto('topic_follows')
    .values({ user_id: userId, topic_id: topicId, following: 0, created_at: now })
    .onConflict((conflict) => conflict.columns(['user_id', 'topic_id']).doUpdateSet({ following: 0 }))
    .execute();
}

/** Posting follows the topic, unless the author once stopped following it. */
export async function followUnlessUnfollowed(db: Db, userId: string, topicId: string, now: string): Promise<void> {
  await db
    .insertInto('topic_follows')
    .values({ user_id: userId, topic_id: topicId, following: 1, created_at: now })
    .onConflict((conflict) => conflict.columns(['user_id', 'topic_id']).doNothing())
    .execute();
}

export interface TopicParticipant {
  id: string;
  display_name: string;
  name_display: NameDisplay;
  /** when they last posted a visible comment in the topic */
  last_posted: string;
}

/**
 * Everyone with a published comment in the topic, whose account still exists, the most recent
 * first; how each is shown (by name, or "participant from COUNTRY") is for the caller to weigh.
 */
export async function topicParticipants(db: Db, topicId: string): Promise<TopicParticipant[]> {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .select(['u.id', 'u.display_name', 'u.name_display'])
    .select((eb) => eb.fn.max('c.created_at').as('last_posted'))
    .where('c.topic_id', '=', topicId)
    .where('c.status', '=', 'published')
    .where('u.deleted_at', 'is', null)
    .groupBy(['u.id', 'u.display_name', 'u.name_display'])
    .orderBy('last_posted', 'desc')
    .execute();
}
