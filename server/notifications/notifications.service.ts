import type { Notification, NotificationList } from '../../shared/notifications.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { nowIso } from '../lib/time.ts';
import { listNotifications, markAllRead } from './notifications.repository.ts';

/** How many of the latest notifications the bell shows. */
const SHOWN = 50;

/** The viewer's latest notifications, newest first, and how many of them are unread. */
export async function latestNotifications(ctx: Ctx, viewer: Viewer): Promise<NotificationList> {
  const rows = await listNotifications(ctx.db, viewer.id, SHOWN);
  const items: Notification[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    commentId: row.comment_id,
    topicId: row.topic_id ?? row.comment_topic_id ?? null,
    quoteId: row.quote_id,
    ...(row.practice_id === null ? {} : { practiceId: row.practice_id }),
    // As threads show them: a participant who signs "participant from COUNTRY", or who left, has no name here.
    actorName: row.actor_name && row.actor_name_display === 'name' && row.actor_deleted_at === null ? row.actor_name : null,
    actorCountry: row.actor_deleted_at === null ? (row.actor_country ?? null) : null,
    reason: row.message,
    ...(row.kind === 'quote.created' ? { consentWithdrawn: row.consent_withdrawn_at !== null } : {}),
    createdAt: row.created_at,
    readAt: row.read_at,
  }));
  return { items, unread: items.filter((item) => item.readAt === null).length };
}

/** Marks every notification of the viewer read. */
export async function markNotificationsRead(ctx: Ctx, viewer: Viewer): Promise<void> {
  await ctx.write((trx) => markAllRead(trx, viewer.id, nowIso()));
}
