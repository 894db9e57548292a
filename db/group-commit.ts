import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** A write transaction's body. It must use only `trx`: the connection is held until the batch commits. */
export type WriteWork<T> = (trx: Transaction<Database>) => Promise<T>;
export type Write = <T>(work: WriteWork<T>) => Promise<T>;

interface Job {
  work: WriteWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit for SQLite: write transactions that arrive while one is running are run together
 * in the next single transaction, so many requests share one fsync. Each runs inside its own
 * savepoint, so one that fails is undone alone; every caller is answered only after the COMMIT
 * that made its write durable (synchronous=FULL), and all are failed if that COMMIT fails.
 */
export function groupCommit(db: Kysely<Database>): Write {
  let queue: Job[] = [];
  let running = false;

  async function runBatch(jobs: Job[]): Promise<void> {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        for (const job of jobs) {
          await sql`savepoint batch_item`.execute(trx);
          try {
            const value = await job.work(trx);
            await sql`release batch_item`.execute(trx);
            outcomes.push({ ok: true, value });
          } catch (error) {
            await sql`rollback to batch_item`.execute(trx);
            await sql`release batch_item`.execute(trx);
            outcomes.push({ ok: false, value: error });
          }
        }
      });
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    jobs.forEach((job, i) => (outcomes[i]!.ok ? job.resolve(outcomes[i]!.value) : job.reject(outcomes[i]!.value)));
  }

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const jobs = queue;
      queue = [];
      await runBatch(jobs);
    }
    running = false;
  }

  return <T>(work: WriteWork<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Wait one turn of the event loop so that concurrent requests can join the batch.
      if (!running && queue.length === 1) setImmediate(() => void (running ? undefined : drain()));
    });
}

/** PostgreSQL commits concurrent transactions on its own connections and groups their fsyncs itself. */
export const plainTransactions =
  (db: Kysely<Database>): Write =>
  (work) =>
    db.transaction().execute(work);
