import type { ExpressionBuilder, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { DialectName } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import type { MailOutboxTable } from '../../db/tables/mail.table.ts';
import type { MailStatus } from '../../shared/mail.constants.ts';

export type OutboxRow = Selectable<MailOutboxTable>;

/** Queues one message; false when a message with the same dedupe key was queued before (it is never sent twice). */
export async function insertOutbox(db: Kysely<Database>, row: Insertable<MailOutboxTable>): Promise<boolean> {
  const result = await db
    .insertInto('mail_outbox')
    .values(row)
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Waiting and due, or claimed by a node whose claim ran out (it stopped or crashed while sending). */
const due = (now: string) => (eb: ExpressionBuilder<Database, 'mail_outbox'>) =>
  eb.or([eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)])]);

export async function anyDue(db: Kysely<Database>, now: string): Promise<boolean> {
  return (await db.selectFrom('mail_outbox').select('id').where(due(now)).limit(1).executeTakeFirst()) !== undefined;
}

/**
 * Claims up to `limit` due messages for `node` until `until`, inside the caller's transaction. On
 * PostgreSQL the rows are picked FOR UPDATE SKIP LOCKED and stay locked until the commit, and a
 * row another node claimed meanwhile no longer matches when re-checked, so no two nodes ever hold
 * the same message; SQLite writes one transaction at a time. (Not one UPDATE … WHERE id IN (SELECT
 * … LIMIT … SKIP LOCKED): PostgreSQL may run such a subquery more than once and claim far more.)
 */
export async function claimDue(
  trx: Transaction<Database>,
  dialect: DialectName,
  claim: { node: string; now: string; until: string; limit: number },
): Promise<OutboxRow[]> {
  let pick = trx.selectFrom('mail_outbox').selectAll().where(due(claim.now)).orderBy('next_attempt_at').limit(claim.limit);
  if (dialect === 'postgres') pick = pick.forUpdate().skipLocked();
  const rows = await pick.execute();
  if (rows.length === 0) return [];
  const claimed = { status: 'sending', claimed_by: claim.node, claimed_until: claim.until } as const;
  const ids = rows.map((row) => row.id);
  await trx.updateTable('mail_outbox').set(claimed).where('id', 'in', ids).execute();
  return rows.map((row) => ({ ...row, ...claimed }));
}

/** Records what became of a message this node claimed (nothing, if its claim was taken over). */
export async function settleClaimed(db: Kysely<Database>, id: string, node: string, changes: Updateable<MailOutboxTable>): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ ...changes, claimed_by: null, claimed_until: null })
    .where('id', '=', id)
    .where('claimed_by', '=', node)
    .where('status', '=', 'sending')
    .execute();
}

/** Gives claimed messages back unsent (the node is stopping), due at once for any node. */
export async function releaseClaimed(db: Kysely<Database>, ids: readonly string[], node: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mail_outbox')
    .set({ status: 'queued', claimed_by: null, claimed_until: null })
    .where('id', 'in', ids)
    .where('claimed_by', '=', node)
    .where('status', '=', 'sending')
    .execute();
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listOutbox(
  db: Kysely<Database>,
  filter: { status?: MailStatus; after: { createdAt: string; id: string } | null; limit: number },
): Promise<OutboxRow[]> {
  let query = db.selectFrom('mail_outbox').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  const after = filter.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function countByStatus(db: Kysely<Database>): Promise<Map<MailStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  return new Map(rows.map((row) => [row.status, Number(row.n)]));
}

export async function findOutbox(db: Kysely<Database>, id: string): Promise<OutboxRow | undefined> {
  return db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A failed message queued again, due now, with a fresh series of retries; undefined when it was not failed. */
export async function requeueFailed(db: Kysely<Database>, id: string, now: string): Promise<OutboxRow | undefined> {
  return db
    .updateTable('mail_outbox')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returningAll()
    .executeTakeFirst();
}
