import type { CreateReportBody, Report } from '../../shared/comments.ts';
import { isUniqueViolation } from '../../db/create-db.ts';
import { assertCanWrite, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';
import { holdIfReported } from '../moderation/moderation.service.ts';
import { findComment } from './comments.repository.ts';
import { insertReport, lockIfPublished } from './reports.repository.ts';

/** A participant flags a published comment for the moderators, once per comment. */
export async function reportComment(ctx: Ctx, viewer: Viewer, commentId: string, input: CreateReportBody): Promise<Report> {
  assertCanWrite(viewer);
  const comment = await findComment(ctx.db, commentId);
  if (!comment || comment.status !== 'published') throw notFound('This comment');
  const { dialogue } = await visibleTopic(ctx, viewer, comment.topic_id);
  if (comment.author_id === viewer.id) throw new AppError(403, 'own_comment', 'You cannot report your own comment; you can edit or withdraw it.');
  const report: Report = { id: newId(), commentId, reason: input.reason, details: input.details?.trim() ?? '', createdAt: nowIso() };
  let recorded: boolean;
  try {
    recorded = await ctx.write(async (trx) => {
      if (!(await lockIfPublished(trx, commentId))) return false;
      await insertReport(trx, { ...report, reporterId: viewer.id });
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'already_reported', 'You have already reported this comment.');
    throw error;
  }
  // A moderator took it down in the meantime: there is nothing left to report.
  if (!recorded) throw notFound('This comment');
  await holdIfReported(ctx, commentId, dialogue);
  return report;
}
