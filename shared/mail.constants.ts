// Plain values of the mail and notification contract, importable by the browser bundle without
// TypeBox; shared/mail.ts builds its schemas from them.
import { MODERATION_NOTIFICATION_KINDS, type ModerationNotificationKind } from './moderation.constants.ts';
import { PRACTICE_NOTIFICATION_KINDS, type PracticeNotificationKind } from './practices.constants.ts';

/** What a message is about (`practice`: a moderator's decision on a good practice); the preference that governs it is PREFERENCE_OF_KIND's. */
export const MAIL_KINDS = ['password_reset', 'verify_email', 'reply', 'mention', 'moderation', 'practice', 'quoted', 'digest'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** queued: waiting (or retrying, with last_error); sending: claimed by a node; sent; failed: gave up after the last retry */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const TOKEN_PURPOSES = ['password_reset', 'verify_email'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** The kinds of mail a participant turns on or off, one switch each. */
export const EMAIL_SWITCHES = ['replies', 'mentions', 'moderation', 'quotes'] as const;
export type EmailSwitch = (typeof EMAIL_SWITCHES)[number];

export const DIGEST_FREQUENCIES = ['off', 'daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

export type EmailNotifications = Record<EmailSwitch, boolean> & { digest: DigestFrequency };

/** What a new account gets: every notice, and a daily digest (sent only when followed topics have news). */
export const DEFAULT_EMAIL_NOTIFICATIONS: EmailNotifications = { replies: true, mentions: true, moderation: true, quotes: true, digest: 'daily' };

/** Every notice and the digest off: an 'all' unsubscribe, and the demo's made-up participants, who have no mailbox. */
export const NO_EMAIL_NOTIFICATIONS: EmailNotifications = { replies: false, mentions: false, moderation: false, quotes: false, digest: 'off' };

/** The preference that decides whether a kind of mail is sent; null: account mail, always sent. */
export const PREFERENCE_OF_KIND: Record<MailKind, EmailSwitch | 'digest' | null> = {
  password_reset: null,
  verify_email: null,
  reply: 'replies',
  mention: 'mentions',
  moderation: 'moderation',
  practice: 'moderation',
  quoted: 'quotes',
  digest: 'digest',
};

/** What one unsubscribe link turns off: one preference, or every notice and the digest ('all'). */
export const UNSUBSCRIBE_SCOPES = [...EMAIL_SWITCHES, 'digest', 'all'] as const;
export type UnsubscribeScope = (typeof UNSUBSCRIBE_SCOPES)[number];

/** The stored preferences (a partial JSON object, or anything unreadable) with the defaults filled in. */
export function emailNotificationsOf(stored: unknown): EmailNotifications {
  const result = { ...DEFAULT_EMAIL_NOTIFICATIONS };
  if (stored === null || typeof stored !== 'object') return result;
  const record = stored as Record<string, unknown>;
  for (const key of EMAIL_SWITCHES) if (typeof record[key] === 'boolean') result[key] = record[key];
  if ((DIGEST_FREQUENCIES as readonly unknown[]).includes(record.digest)) result.digest = record.digest as DigestFrequency;
  return result;
}

/** In-app notifications besides moderators' decisions: a reply, a mention, a quote of the reader's words. */
export const SOCIAL_NOTIFICATION_KINDS = ['comment.reply', 'comment.mention', 'quote.created'] as const;
export type SocialNotificationKind = (typeof SOCIAL_NOTIFICATION_KINDS)[number];

/** A password reset link lives an hour; a verification link a week. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = { password_reset: 60 * 60 * 1000, verify_email: 7 * 24 * 60 * 60 * 1000 };

/** Every kind of in-app notification. */
export const NOTIFICATION_KINDS = [...MODERATION_NOTIFICATION_KINDS, ...SOCIAL_NOTIFICATION_KINDS, ...PRACTICE_NOTIFICATION_KINDS] as const;
export type NotificationKind = ModerationNotificationKind | SocialNotificationKind | PracticeNotificationKind;
