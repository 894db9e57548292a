import type { SuspensionBody } from '../../shared/moderation.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { findUserById } from '../auth/users.repository.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { nowIso, toIso } from '../lib/time.ts';
import { insertSuspension, liftSuspensions } from './moderation.repository.ts';
import { assertModeratesAny } from './rights.ts';

/**
 * Suspensions are site-wide, like the accounts they stop: a moderator of any dialogue may suspend
 * any participant (and lift it), wherever that participant writes.
 */
async function participantToModerate(ctx: Ctx, viewer: Viewer, userId: string) {
  assertModeratesAny(viewer);
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('This participant');
  if (user.role !== 'participant') throw new AppError(403, 'not_a_participant', 'Moderators and organizers cannot be suspended; change their role first.');
  return user;
}

/** Suspended participants keep reading but may not post, edit, report or type until the date. */
export async function suspend(ctx: Ctx, viewer: Viewer, userId: string, input: SuspensionBody) {
  await participantToModerate(ctx, viewer, userId);
  const until = toIso(Date.parse(input.until));
  if (Date.parse(until) <= Date.now()) throw new AppError(400, 'invalid_until', '`until` must be in the future.');
  const suspension = { userId, until, reason: input.reason.trim(), createdAt: nowIso() };
  await ctx.write(async (trx) => {
    await insertSuspension(trx, { id: newId(), ...suspension, createdBy: viewer.id });
    await recordAction(trx, {
      dialogueId: null,
      actorId: viewer.id,
      action: 'user.suspend',
      targetType: 'user',
      targetId: userId,
      reason: suspension.reason,
      after: { until },
    });
  });
  // Their open pages reconnect as suspended at once, rather than as they were when they connected.
  ctx.realtime.userChanged(userId);
  return suspension;
}

export async function liftSuspension(ctx: Ctx, viewer: Viewer, userId: string): Promise<void> {
  await participantToModerate(ctx, viewer, userId);
  const now = nowIso();
  const lifted = await ctx.write(async (trx) => {
    const count = await liftSuspensions(trx, userId, viewer.id, now);
    if (count > 0) await recordAction(trx, { dialogueId: null, actorId: viewer.id, action: 'user.unsuspend', targetType: 'user', targetId: userId });
    return count;
  });
  if (lifted === 0) throw new AppError(409, 'not_suspended', 'This participant is not suspended.');
}
