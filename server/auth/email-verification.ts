import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DialogueRow } from '../../db/tables/dialogues.table.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../lib/time.ts';
import { queueMail, type Recipient } from '../mail/queue.ts';
import { hashToken, invalidToken, issueToken, tokenLink } from './one-time-tokens.ts';
import { consumeToken } from './tokens.repository.ts';
import { findUserById, updateUser } from './users.repository.ts';
import { moderatesDialogue, type Viewer } from './viewer.ts';

/** Where the mailed link leads: the client's page that confirms the address with a button press. */
export const VERIFY_PAGE = '/verify-email';

/**
 * Queues the mail that verifies the user's address, in `db`, the transaction of what caused it (a
 * registration, a request). The token is valid a week, for this address only. Earlier links stay
 * valid: the reader may open whichever mail they find first.
 */
export async function queueVerificationMail(ctx: Ctx, db: Kysely<Database>, user: Recipient): Promise<void> {
  const token = await issueToken(db, user.id, user.email, 'verify_email');
  await queueMail(ctx, db, user, 'verify_email', { link: tokenLink(ctx.config.publicOrigin, VERIFY_PAGE, token) });
}

/** Mails the signed-in user a new link; 409 when their address is verified already. */
export async function requestVerification(ctx: Ctx, viewer: Viewer): Promise<void> {
  const user = await findUserById(ctx.db, viewer.id);
  if (!user) throw new AppError(401, 'not_signed_in', 'Sign in to continue.');
  if (user.email_verified_at !== null) throw new AppError(409, 'already_verified', 'This e-mail address is verified already.');
  await ctx.write((trx) => queueVerificationMail(ctx, trx, user));
}

/**
 * Verifies the address a token was mailed to, if it is still the account's address. Anyone holding
 * the link may confirm it (it may be opened in another browser than the one signed in); the token
 * is used once.
 */
export async function confirmVerification(ctx: Ctx, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  const verified = await ctx.write(async (trx) => {
    const now = nowIso();
    const row = await consumeToken(trx, tokenHash, 'verify_email', now);
    if (!row) return false;
    const user = await findUserById(trx, row.user_id);
    if (!user || user.deleted_at !== null || user.email !== row.email) return false;
    if (user.email_verified_at === null) await updateUser(trx, user.id, { email_verified_at: now, updated_at: now });
    return true;
  });
  if (!verified) throw invalidToken();
}

/**
 * Organizers may ask for a verified address before anyone posts in a dialogue: 403
 * `email_not_verified` for a participant who has not opened the link yet. The dialogue's moderators
 * (and organizers) are not asked.
 */
export async function assertVerifiedToPost(ctx: Ctx, viewer: Viewer, dialogue: Pick<DialogueRow, 'id' | 'require_verified_email'>): Promise<void> {
  if (dialogue.require_verified_email !== 1 || moderatesDialogue(viewer, dialogue.id)) return;
  const user = await findUserById(ctx.db, viewer.id);
  if (user?.email_verified_at) return;
  throw new AppError(
    403,
    'email_not_verified',
    'This dialogue asks participants to verify their e-mail address before posting. Ask for the link (POST /api/auth/verify-email), open it, then post again.',
  );
}
