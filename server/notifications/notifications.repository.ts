import type { Kysely } from 'kysely';
import type { NotificationKind } from '../../shared/mail.constants.ts';
import type { Database } from '../../db/schema.ts';
import { newId } from '../lib/ids.ts';

/** The reader's latest notifications with what their links and texts need: the comment's topic, the actor, the quote's consent. */
export async function listNotifications(db: Kysely<Database>, userId: string, limit: number) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('comments as c', 'c.id', 'n.comment_id')
    .leftJoin('users as actor', 'actor.id', 'n.actor_id')
    .leftJoin('quotes as q', 'q.id', 'n.quote_id')
    .select([
      'n.id',
      'n.kind',
      'n.comment_id',
      'n.quote_id',
      'n.practice_id',
      'n.message',
      'n.created_at',
      'n.read_at',
      'n.topic_id',
      'c.topic_id as comment_topic_id',
      'actor.display_name as actor_name',
      'actor.name_display as actor_name_display',
      'actor.country as actor_country',
      'actor.deleted_at as actor_deleted_at',
      'q.consent_withdrawn_at',
    ])
    .where('n.user_id', '=', userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  commentId: string | null;
  topicId: string | null;
  quoteId?: string | null;
  practiceId?: string | null;
  actorId?: string | null;
  message: string;
  now: string;
}

/** Records one notification, inside the transaction of what caused it. */
export async function insertNotification(db: Kysely<Database>, n: NewNotification): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: n.userId,
      kind: n.kind,
      comment_id: n.commentId,
      topic_id: n.topicId,
      quote_id: n.quoteId ?? null,
      practice_id: n.practiceId ?? null,
      actor_id: n.actorId ?? null,
      message: n.message,
      created_at: n.now,
      read_at: null,
    })
    .execute();
}

export async function markAllRead(db: Kysely<Database>, userId: string, now: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}
