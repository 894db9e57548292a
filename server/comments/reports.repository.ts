import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface NewReport {
  id: string;
  commentId: string;
  reporterId: string;
  reason: string;
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
