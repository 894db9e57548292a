import { Type, type Static } from 'typebox';
import { Id, IsoTime } from './common.ts';
import { NOTIFICATION_KINDS } from './mail.constants.ts';

export const Notification = Type.Object({
  id: Id,
  kind: Type.Enum(NOTIFICATION_KINDS, {
    description:
      'comment.approve|decline|hide: what a moderator did to one of the reader’s comments; comment.reply / comment.mention: someone answered or named the reader; quote.created: a moderator quoted the reader; practice.publish|return|unpublish: what a moderator did to a good practice the reader submitted',
  }),
  /** the comment to open: the reader's own (moderation, quote) or the one that replied or mentioned */
  commentId: Type.Union([Id, Type.Null()]),
  /** the topic of that comment: the link is /t/:topicId?c=:commentId */
  topicId: Type.Union([Id, Type.Null()]),
  quoteId: Type.Union([Id, Type.Null()]),
  /** for practice.*: the good practice to open (/practices/:practiceId); absent for the other kinds */
  practiceId: Type.Optional(Id),
  /** who replied, mentioned or quoted, as they are shown in threads (null for moderation decisions and former participants) */
  actorName: Type.Union([Type.String(), Type.Null()]),
  /** the actor's country, for naming one shown as "participant from COUNTRY" (null for moderation decisions and former participants) */
  actorCountry: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** the moderator's reason, the reply's or mention's opening words, or the quote's text ('' when none); for practice.*, the moderator's reason */
  reason: Type.String(),
  /** for quote.created: whether the reader has withdrawn consent for this quote */
  consentWithdrawn: Type.Optional(Type.Boolean()),
  createdAt: IsoTime,
  readAt: Type.Union([IsoTime, Type.Null()]),
});
export type Notification = Static<typeof Notification>;
export const NotificationList = Type.Object({ items: Type.Array(Notification), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;
