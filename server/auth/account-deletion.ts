import { reindexQuotesOfAuthor } from '../search/search-index.repository.ts';
import type { DeleteAccountBody } from '../../shared/account.ts';
import type { CommentStatus } from '../../shared/comments.constants.ts';
import type { QuoteConsent } from '../../shared/users.constants.ts';
import type { UserUpdate } from '../../db/tables/users.table.ts';
import { bumpTopicVersions, topicsOfAuthor, updateComment } from '../comments/comments.repository.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../lib/time.ts';
import { countOrganizers, lockOrganizers } from '../people/people.repository.ts';
import { deleteNeverPublishedPracticesOf, erasePracticeContactsOf } from '../practices/practices.repository.ts';
import { verifyPassword } from './passwords.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import { deleteTokensOfUser } from './tokens.repository.ts';
import { findUserById, updateUser } from './users.repository.ts';
import type { Viewer } from './viewer.ts';

/** The address a deleted account keeps: unique, never deliverable (.invalid is reserved), never typed at sign-in. */
export const deletedAddress = (userId: string): string => `deleted-${userId}@invalid`;

/** No argon2 hash looks like this: nothing verifies against it. */
const UNUSABLE_PASSWORD_HASH = '!deleted';

/** Every notice and the digest off: a deleted account is mailed nothing. */
const NO_MAIL = JSON.stringify({ replies: false, mentions: false, moderation: false, quotes: false, digest: 'off' });

/**
 * What a former participant's quotes may still say: nothing that names them. A report may quote
 * their kept words anonymously (attribution none) if they had allowed quoting at all.
 */
const consentAfterDeletion = (consent: QuoteConsent): QuoteConsent => (consent === 'none' ? 'none' : 'anonymous');

/** Comments still shown or waiting: withdrawing the account's words withdraws these. */
const WITHDRAWABLE: readonly CommentStatus[] = ['published', 'pending'];

/**
 * Deletes the signed-in user's account, once their password confirms it. The users row stays,
 * emptied, so that kept comments still point at someone: its address becomes a unique
 * non-address (the real one may register again), the name and organization are cleared, the
 * password can never match, every mail is off. Sessions, one-time tokens, follows, notifications,
 * read positions, appointments and queued mail go. `keep_anonymous` keeps the comments, shown as
 * "former participant"; `withdraw` withdraws each (placeholders stay for the replies). Quotes of
 * the kept words may only be anonymous from now on. Their good practices lose their private
 * contact; those never published are deleted, the others stay as a former participant's. The last
 * organizer cannot leave (409).
 */
export async function deleteAccount(ctx: Ctx, viewer: Viewer, input: DeleteAccountBody): Promise<void> {
  const user = await findUserById(ctx.db, viewer.id);
  if (!user || user.deleted_at !== null) throw new AppError(401, 'not_signed_in', 'Sign in to continue.');
  if (!(await verifyPassword(user.password_hash, input.password))) {
    throw new AppError(403, 'wrong_password', 'To delete your account, give your password correctly.');
  }
  const id = user.id;
  const { withdrawn, quotedTopics } = await ctx.write(async (trx) => {
    if (user.role === 'organizer') {
      // As a demotion does: two organizers leaving at once cannot leave none.
      await lockOrganizers(trx);
      if ((await countOrganizers(trx)) <= 1) {
        throw new AppError(409, 'last_organizer', 'You are the last organizer: make someone else an organizer before deleting your account.');
      }
    }
    const now = nowIso();
    const withdrawn: { id: string; status: CommentStatus }[] = [];
    if (input.comments === 'withdraw') {
      const rows = await trx.selectFrom('comments').select(['id', 'status']).where('author_id', '=', id).where('status', 'in', WITHDRAWABLE).execute();
      for (const row of rows) {
        await updateComment(trx, row.id, { status: 'withdrawn', updated_at: now });
        withdrawn.push(row);
      }
    }
    // Every page showing their name must be built again.
    await bumpTopicVersions(trx, await topicsOfAuthor(trx, id));
    const quoted = await trx
      .selectFrom('quotes as q')
      .innerJoin('comments as c', 'c.id', 'q.comment_id')
      .select('q.topic_id')
      .distinct()
      .where('c.author_id', '=', id)
      .execute();

    // The library keeps the community's memory: a practice once published stays, shown as a former
    // participant's. What never was public is theirs alone and goes, its audit entries (plain ids,
    // no foreign key) left as they were. No practice keeps their private contact.
    await deleteNeverPublishedPracticesOf(trx, id);
    await erasePracticeContactsOf(trx, id);

    await deleteSessionsOfUser(trx, id);
    await deleteTokensOfUser(trx, id);
    await trx.deleteFrom('topic_follows').where('user_id', '=', id).execute();
    await trx.deleteFrom('notifications').where('user_id', '=', id).execute();
    await trx.deleteFrom('topic_reads').where('user_id', '=', id).execute();
    await trx.deleteFrom('dialogue_moderators').where('user_id', '=', id).execute();
    await trx.deleteFrom('login_failures').where('email', '=', user.email).execute();
    // Queued and past mail goes. A message a node is sending right now still goes out (the worker
    // holds it already) but keeps no trace of the address.
    await trx.deleteFrom('mail_outbox').where('user_id', '=', id).where('status', '!=', 'sending').execute();
    await trx
      .updateTable('mail_outbox')
      .set({ to_address: deletedAddress(id) })
      .where('user_id', '=', id)
      .execute();
    const emptied: UserUpdate = {
      email: deletedAddress(id),
      password_hash: UNUSABLE_PASSWORD_HASH,
      display_name: '',
      organization: null,
      name_display: 'country',
      quote_consent: consentAfterDeletion(user.quote_consent),
      role: 'participant',
      email_verified_at: null,
      email_prefs: NO_MAIL,
      time_zone: null,
      last_digest_at: null,
      deleted_at: now,
      updated_at: now,
    };
    await updateUser(trx, id, emptied);
    await reindexQuotesOfAuthor(trx, id);
    return { withdrawn, quotedTopics: quoted.map((row) => row.topic_id) };
  });
  // Their sockets are cut on every node; live readers see the withdrawn placeholders and the quotes' new attribution.
  ctx.realtime.userChanged(id);
  for (const comment of withdrawn) ctx.realtime.commentChanged(comment.id, comment.status);
  for (const topicId of quotedTopics) ctx.realtime.quotesChanged(topicId);
}
