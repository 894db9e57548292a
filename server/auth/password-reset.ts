import type { FastifyBaseLogger } from 'fastify';
import type { PasswordResetConfirmBody } from '../../shared/account.ts';
import type { Ctx } from '../context.ts';
import { nowIso } from '../lib/time.ts';
import { queueMail } from '../mail/queue.ts';
import { normalizeEmail } from './auth.service.ts';
import { hashToken, invalidToken, issueToken, tokenLink } from './one-time-tokens.ts';
import { hashPassword } from './passwords.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import { consumeToken, deleteUnusedTokens, findLiveToken } from './tokens.repository.ts';
import { findUserByEmail, findUserById, updateUser } from './users.repository.ts';

/** Where the mailed link leads: the client's page that asks for the new password. */
export const RESET_PAGE = '/reset-password';

/**
 * Mails a reset link to the account with this address, if there is one: a new token (valid an
 * hour) replaces any older unused one, and the mail is queued in the same transaction. The caller
 * has already answered 202, the same for every address, before this looks the address up: how long
 * the answer took cannot tell whether an account exists.
 */
export async function sendPasswordReset(ctx: Ctx, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, normalizeEmail(email));
  if (!user || user.deleted_at !== null) return;
  await ctx.write(async (trx) => {
    await deleteUnusedTokens(trx, user.id, 'password_reset');
    const token = await issueToken(trx, user.id, user.email, 'password_reset');
    await queueMail(ctx, trx, user, 'password_reset', { link: tokenLink(ctx.config.publicOrigin, RESET_PAGE, token) });
  });
}

// Reset mails are looked up and queued after the 202 has gone; what is still running, per app.
const inFlight = new WeakMap<Ctx, Set<Promise<void>>>();

/** Starts sendPasswordReset without waiting for it; a failure is logged, never thrown. */
export function sendPasswordResetLater(ctx: Ctx, email: string, log: FastifyBaseLogger): void {
  const running = inFlight.get(ctx) ?? new Set<Promise<void>>();
  inFlight.set(ctx, running);
  const work: Promise<void> = sendPasswordReset(ctx, email)
    .catch((err: unknown) => log.error({ err }, 'queueing a password reset mail failed'))
    .finally(() => running.delete(work));
  running.add(work);
}

/** Resolves once every reset started so far is queued (or failed): before the app closes, say. */
export async function passwordResetsSettled(ctx: Ctx): Promise<void> {
  await Promise.allSettled([...(inFlight.get(ctx) ?? [])]);
}

/**
 * Sets the new password with a mailed token. The token is used once: of two confirmations with it,
 * exactly one gets past the conditional update. Every session of the user ends (and their sockets
 * are cut), failed sign-ins against the account are forgotten, and the address counts as verified:
 * the mail reached its owner.
 */
export async function confirmPasswordReset(ctx: Ctx, input: PasswordResetConfirmBody): Promise<void> {
  const tokenHash = hashToken(input.token);
  // Looked up first, so that a wrong token costs no password hashing.
  if (!(await findLiveToken(ctx.db, tokenHash, 'password_reset', nowIso()))) throw invalidToken();
  const passwordHash = await hashPassword(input.newPassword);
  const userId = await ctx.write(async (trx) => {
    const now = nowIso();
    const token = await consumeToken(trx, tokenHash, 'password_reset', now);
    if (!token) return null;
    const user = await findUserById(trx, token.user_id);
    if (!user || user.deleted_at !== null || user.email !== token.email) return null;
    await updateUser(trx, user.id, { password_hash: passwordHash, updated_at: now, ...(user.email_verified_at === null ? { email_verified_at: now } : {}) });
    await deleteUnusedTokens(trx, user.id, 'password_reset');
    await deleteSessionsOfUser(trx, user.id);
    await trx.deleteFrom('login_failures').where('email', '=', user.email).execute();
    return user.id;
  });
  if (userId === null) throw invalidToken();
  // Every session is gone: so are the sockets they opened, on every node.
  ctx.realtime.userChanged(userId);
}
