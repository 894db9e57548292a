import type { Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Tables whose rows serialize the writes that depend on them (see `lockRow`). */
type LockableTable = 'users' | 'topics';

/**
 * Makes the transaction the only one holding this row until it ends: a no-op update takes the
 * row lock on PostgreSQL, so a read-then-write that depends on it (a count, an ordering) cannot
 * interleave with another; SQLite writes one transaction at a time anyway.
 */
export async function lockRow(trx: Transaction<Database>, table: LockableTable, id: string): Promise<void> {
  await trx
    .updateTable(table)
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .execute();
}
