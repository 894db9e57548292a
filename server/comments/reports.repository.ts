import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ReportReason } from '../../shared/comments.constants.ts';

export interface NewReport {
  id: string;
  commentId: string;
  reporterId: string;
  reason: ReportReason;
  details: string;
  createdAt: string;
}

export async function insertReport(db: Kysely<Database>, report: NewReport): Promise<void> {
  await db
    .insertInto('reports')
    .values({
      id: report.id,
      comment_id: report.commentId,
      reporter_id: report.reporterId,
      reason: report.reason,
      details: report.details,
      created_at: report.createdAt,
      resolved_at: null,
    })
    .execute();
}

/**
 * Locks a comment for the rest of the transaction if it is still published (a write that changes
 * nothing): a report then either lands before a moderator's decision, which resolves it, or finds
 * the comment already taken down. False when it is no longer published.
 */
export async function lockIfPublished(trx: Transaction<Database>, commentId: string): Promise<boolean> {
  const row = await trx
    .updateTable('comments')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', commentId)
    .where('status', '=', 'published')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
