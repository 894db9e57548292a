import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PracticeAction } from '../../shared/practices.constants.ts';
import { findUserById } from '../auth/users.repository.ts';
import type { Ctx } from '../context.ts';
import { queueMail } from '../mail/queue.ts';
import { insertNotification } from '../notifications/notifications.repository.ts';

/** The absolute link to a practice's page. */
export const practiceLink = (origin: string, practiceId: string): string => `${origin}/practices/${encodeURIComponent(practiceId)}`;

export interface PracticeDecisionNotice {
  submitterId: string;
  practiceId: string;
  title: string;
  decision: PracticeAction;
  /** the moderator's reason, '' when they gave none */
  reason: string;
  now: string;
}

/**
 * Tells the submitter of a moderator's decision on their practice, inside the decision's
 * transaction: in the app, and by mail in their language as their preferences say (`moderation`).
 * Whether anyone was told (an account deleted since is not); the caller pushes the notice after the commit.
 */
export async function tellSubmitter(ctx: Ctx, trx: Kysely<Database>, notice: PracticeDecisionNotice): Promise<boolean> {
  const submitter = await findUserById(trx, notice.submitterId);
  if (!submitter || submitter.deleted_at !== null) return false;
  await insertNotification(trx, {
    userId: submitter.id,
    kind: `practice.${notice.decision}`,
    commentId: null,
    topicId: null,
    practiceId: notice.practiceId,
    message: notice.reason,
    now: notice.now,
  });
  await queueMail(ctx, trx, submitter, 'practice', {
    decision: notice.decision,
    reason: notice.reason,
    title: notice.title,
    link: practiceLink(ctx.config.publicOrigin, notice.practiceId),
  });
  return true;
}
