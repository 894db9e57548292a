import { Type } from 'typebox';
import { NotificationList, type Notification } from '../../shared/notifications.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { nowIso } from '../lib/time.ts';
import { requireUser } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { listNotifications, markAllRead } from './notifications.repository.ts';

const SHOWN = 50;

/** What moderators decided about the reader's own comments: approved, declined (and why), removed (and why). */
export async function notificationRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get(
    '/api/notifications',
    {
      onRequest: requireUser,
      schema: { tags: ['notifications'], summary: 'The reader’s latest notifications, newest first', response: { 200: NotificationList, ...errors(401) } },
    },
    async (request) => {
      const rows = await listNotifications(ctx.db, request.viewer!.id, SHOWN);
      const items: Notification[] = rows.map((row) => ({
        id: row.id,
        kind: row.kind as Notification['kind'],
        commentId: row.comment_id,
        reason: row.message,
        createdAt: row.created_at,
        readAt: row.read_at,
      }));
      return { items, unread: items.filter((item) => item.readAt === null).length };
    },
  );

  app.post(
    '/api/notifications/read',
    {
      onRequest: requireUser,
      schema: { tags: ['notifications'], summary: 'Mark every notification read', response: { 204: Type.Null(), ...errors(401) } },
    },
    async (request, reply) => {
      await ctx.write((trx) => markAllRead(trx, request.viewer!.id, nowIso()));
      return reply.status(204).send(null);
    },
  );
}
