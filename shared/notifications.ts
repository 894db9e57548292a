import { Type, type Static } from 'typebox';
import { Id, IsoTime } from './common.ts';
import { NOTIFICATION_KINDS } from './moderation.constants.ts';

export const Notification = Type.Object({
  id: Id,
  kind: Type.Enum(NOTIFICATION_KINDS, { description: 'what a moderator did to one of the reader’s comments' }),
  commentId: Type.Union([Id, Type.Null()]),
  /** the moderator's reason, when there is one ('' otherwise) */
  reason: Type.String(),
  createdAt: IsoTime,
  readAt: Type.Union([IsoTime, Type.Null()]),
});
export type Notification = Static<typeof Notification>;
export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;
