import { Type } from 'typebox';
import { NotificationList } from '../../shared/notifications.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireUser } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { latestNotifications, markNotificationsRead } from './notifications.service.ts';

/** What moderators decided about the reader's own comments: approved, declined (and why), removed (and why). */
export async function notificationRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get(
    '/api/notifications',
    {
      onRequest: requireUser,
      schema: { tags: ['notifications'], summary: 'The reader’s latest notifications, newest first', response: { 200: NotificationList, ...errors(401) } },
    },
    async (request) => latestNotifications(ctx, request.viewer!),
  );

  app.post(
    '/api/notifications/read',
    {
      onRequest: requireUser,
      schema: { tags: ['notifications'], summary: 'Mark every notification read', response: { 204: Type.Null(), ...errors(401) } },
    },
    async (request, reply) => {
      await markNotificationsRead(ctx, request.viewer!);
      return reply.status(204).send(null);
    },
  );
}
