import { PAGE_LIMIT_DEFAULT } from '../../shared/common.ts';
import { MAIL_STATUSES, NO_EMAIL_NOTIFICATIONS, type EmailNotifications, type UnsubscribeScope } from '../../shared/mail.constants.ts';
import type { OutboxItem } from '../../shared/mail.ts';
import type { OutboxCounts, OutboxList, OutboxQuery, UnsubscribeResult } from '../../shared/outbox.ts';
import type { Ctx } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { nowIso } from '../lib/time.ts';
import { countByStatus, findOutbox, listOutbox, requeueFailed, type OutboxRow } from './outbox.repository.ts';
import { preferencesOf } from './queue.ts';
import { readUnsubscribeToken } from './unsubscribe-token.ts';

function toOutboxItem(row: OutboxRow): OutboxItem {
  const waiting = row.status === 'queued' || row.status === 'sending';
  return {
    id: row.id,
    to: row.to_address,
    kind: row.kind,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: waiting ? row.next_attempt_at : null,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** The outbox as organizers see it: newest first, a page at a time, with how many are in each status. */
export async function outboxPage(ctx: Ctx, query: OutboxQuery): Promise<OutboxList> {
  const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
  const [rows, byStatus] = await Promise.all([
    listOutbox(ctx.db, { status: query.status, after: query.after ? decodeCursor(query.after, ['createdAt', 'id']) : null, limit: limit + 1 }),
    countByStatus(ctx.db),
  ]);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const counts = Object.fromEntries(MAIL_STATUSES.map((status) => [status, byStatus.get(status) ?? 0])) as OutboxCounts;
  return {
    items: items.map(toOutboxItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
    counts,
  };
}

/** A failed message queued again, to be sent at once with a fresh series of retries. */
export async function retryMail(ctx: Ctx, id: string): Promise<OutboxItem> {
  const requeued = await ctx.write(async (trx) => {
    const row = await findOutbox(trx, id);
    if (!row) throw notFound('This message');
    const again = await requeueFailed(trx, id, nowIso());
    if (!again) throw new AppError(409, 'mail_not_failed', `This message is ${row.status}: only a failed message can be retried.`);
    return again;
  });
  ctx.mail.wake();
  return toOutboxItem(requeued);
}

function turnedOff(prefs: EmailNotifications, scope: UnsubscribeScope): EmailNotifications {
  if (scope === 'all') return NO_EMAIL_NOTIFICATIONS;
  if (scope === 'digest') return { ...prefs, digest: 'off' };
  return { ...prefs, [scope]: false };
}

const invalidToken = (): AppError =>
  new AppError(400, 'invalid_token', 'This unsubscribe link is not valid (it may have been cut short, or its account deleted).');

/**
 * One-click unsubscribe: the token names the user and what to turn off; no session needed.
 * Without `change`, only says what the token would turn off.
 */
export async function unsubscribe(ctx: Ctx, token: string, { change }: { change: boolean }): Promise<UnsubscribeResult> {
  const named = readUnsubscribeToken(token, ctx.mailSecret);
  if (!named) throw invalidToken();
  const emailNotifications = await ctx.write(async (trx) => {
    const user = await trx.selectFrom('users').select(['email_prefs', 'deleted_at']).where('id', '=', named.userId).executeTakeFirst();
    if (!user || user.deleted_at !== null) return null;
    const prefs = turnedOff(preferencesOf(user.email_prefs), named.scope);
    if (!change) return prefs;
    await trx
      .updateTable('users')
      .set({ email_prefs: JSON.stringify(prefs), updated_at: nowIso() })
      .where('id', '=', named.userId)
      .execute();
    return prefs;
  });
  if (!emailNotifications) throw invalidToken();
  return { scope: named.scope, emailNotifications };
}
