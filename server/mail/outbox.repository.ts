import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MailOutboxTable } from '../../db/tables/mail.table.ts';

/** Queues one message; false when a message with the same dedupe key was queued before (it is never sent twice). */
export async function insertOutbox(db: Kysely<Database>, row: Insertable<MailOutboxTable>): Promise<boolean> {
  const result = await db
    .insertInto('mail_outbox')
    .values(row)
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
