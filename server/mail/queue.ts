import type { Kysely } from 'kysely';
import { emailNotificationsOf, PREFERENCE_OF_KIND, type EmailNotifications, type MailKind } from '../../shared/mail.constants.ts';
import type { Database } from '../../db/schema.ts';
import type { UserRow } from '../../db/tables/users.table.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';
import type { MailData } from './mail.model.ts';
import { insertOutbox } from './outbox.repository.ts';
import { renderMail } from './templates.ts';
import { unsubscribeToken } from './unsubscribe-token.ts';

export type Recipient = Pick<UserRow, 'id' | 'email' | 'language' | 'email_prefs' | 'deleted_at'>;

/** A user's e-mail preferences as stored (users.email_prefs), with the defaults filled in. */
export function preferencesOf(emailPrefs: string): EmailNotifications {
  let stored: unknown = null;
  try {
    stored = JSON.parse(emailPrefs);
  } catch {
    // unreadable: the defaults
  }
  return emailNotificationsOf(stored);
}

/** Whether the recipient wants this kind of mail (account mail always goes; a deleted account gets none). */
export function wantsMail(recipient: Recipient, kind: MailKind): boolean {
  if (recipient.deleted_at !== null) return false;
  const preference = PREFERENCE_OF_KIND[kind];
  if (preference === null) return true;
  const prefs = preferencesOf(recipient.email_prefs);
  return preference === 'digest' ? prefs.digest !== 'off' : prefs[preference];
}

export interface QueueOptions {
  /** a message with a key already queued is not queued again (a digest's period, say) */
  dedupeKey?: string;
}

/**
 * Queues one mail to a user, rendered in their language, inside `db`, the transaction of what
 * caused it: the mail exists exactly when that change does. Returns false when the user does not
 * want this kind of mail or it was queued already. The worker sends it after the commit.
 */
export async function queueMail<K extends MailKind>(
  ctx: Ctx,
  db: Kysely<Database>,
  recipient: Recipient,
  kind: K,
  data: MailData[K],
  options: QueueOptions = {},
): Promise<boolean> {
  if (!wantsMail(recipient, kind)) return false;
  const origin = ctx.config.publicOrigin;
  const preference = PREFERENCE_OF_KIND[kind];
  // Every mail carries an unsubscribe link (the contract, RFC 8058). Account mail (a reset, a
  // verification) cannot be turned off, so its link turns off everything else, and says so. The
  // mail's own link opens a page that asks before turning anything off (a link scanner's GET
  // changes nothing); the header is for mail programs, which POST to the API.
  const token = encodeURIComponent(unsubscribeToken(recipient.id, preference ?? 'all', ctx.mailSecret));
  const rendered = renderMail(kind, recipient.language, data, {
    unsubscribeUrl: `${origin}/unsubscribe?token=${token}`,
    unsubscribesAll: preference === null,
    preferencesUrl: `${origin}/profile#email`,
  });
  const headers = { 'List-Unsubscribe': `<${origin}/api/unsubscribe?token=${token}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  const now = nowIso();
  const queued = await insertOutbox(db, {
    id: newId(),
    user_id: recipient.id,
    to_address: recipient.email,
    kind,
    language: recipient.language,
    subject: rendered.subject,
    text_body: rendered.text,
    html_body: rendered.html,
    headers: JSON.stringify(headers),
    dedupe_key: options.dedupeKey ?? null,
    status: 'queued',
    next_attempt_at: now,
    created_at: now,
  });
  if (queued) ctx.mail.wake();
  return queued;
}
