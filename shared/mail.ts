import { Type, type Static } from 'typebox';
import { Id, IsoTime, Language } from './common.ts';
import { DIGEST_FREQUENCIES, EMAIL_SWITCHES, MAIL_KINDS, MAIL_STATUSES, UNSUBSCRIBE_SCOPES } from './mail.constants.ts';

export { DEFAULT_EMAIL_NOTIFICATIONS, emailNotificationsOf } from './mail.constants.ts';

export const DigestFrequency = Type.Enum(DIGEST_FREQUENCIES, { description: 'a digest of the followed topics: never, daily or weekly' });

/** What a participant is mailed about: each switch on or off, and the digest. */
export const EmailNotifications = Type.Object(
  {
    replies: Type.Boolean({ description: 'someone replied to one of my comments' }),
    mentions: Type.Boolean({ description: 'someone @mentioned me' }),
    moderation: Type.Boolean({ description: 'a moderator decided on one of my comments' }),
    quotes: Type.Boolean({ description: 'a moderator quoted my words' }),
    digest: DigestFrequency,
  },
  { additionalProperties: false },
);
export type EmailNotifications = Static<typeof EmailNotifications>;
/** In PATCH /api/auth/me: any of the switches; the others stay as they were. */
export const EmailNotificationsPatch = Type.Partial(EmailNotifications, { additionalProperties: false, minProperties: 1 });
export type EmailNotificationsPatch = Static<typeof EmailNotificationsPatch>;

export const EMAIL_SWITCH_NAMES = EMAIL_SWITCHES;

export const UnsubscribeScope = Type.Enum(UNSUBSCRIBE_SCOPES);

/** One message of the outbox, as organizers see it (the body stays private to its recipient). */
export const OutboxItem = Type.Object({
  id: Id,
  to: Type.String(),
  kind: Type.Enum(MAIL_KINDS),
  language: Language,
  subject: Type.String(),
  status: Type.Enum(MAIL_STATUSES),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()], { description: 'what the SMTP server answered at the last failed attempt' }),
  nextAttemptAt: Type.Union([IsoTime, Type.Null()], { description: 'when the next attempt is due; null once sent or given up' }),
  createdAt: IsoTime,
  sentAt: Type.Union([IsoTime, Type.Null()]),
});
export type OutboxItem = Static<typeof OutboxItem>;
