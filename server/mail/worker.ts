import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Ctx, MailPort } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { MINUTE, nowIso, toIso } from '../lib/time.ts';
import { anyDue, claimDue, releaseClaimed, settleClaimed, type OutboxRow } from './outbox.repository.ts';
import { createMailTransport, type MailTransport } from './transport.ts';

// The mail worker: one loop per node that claims a few due messages at a time, sends them one by
// one outside any transaction, and records each outcome. A claim lasts `claimMs`: the messages of
// a node that crashed are claimed again after that. The same loop runs other periodic tasks.

/** Work to run from the mail worker's loop (at most once per poll interval), such as the digest scheduler. */
export type PeriodicTask = (now: Date) => Promise<void>;

export interface MailWorkerOptions {
  /** how often the worker looks for due messages when nothing woke it */
  pollMs?: number;
  /** the wait before each retry, in order; a message is failed after the last */
  backoffMs?: readonly number[];
  /** messages claimed at once */
  batchSize?: number;
  /** how long a claim lasts: longer than a batch takes to send */
  claimMs?: number;
  tasks?: readonly PeriodicTask[];
}

export interface MailWorker extends MailPort {
  /** finishes the message being sent, gives the rest of the batch back, and stops */
  stop(): Promise<void>;
}

/** 1 min, 5 min, 15 min, 1 h, 3 h, 6 h, 12 h: eight attempts over about a day. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [1, 5, 15, 60, 180, 360, 720].map((minutes) => minutes * MINUTE);

/** After a wake the message may not be committed yet: look again briefly, this often, for this long. */
const AFTER_WAKE_MS = 100;
const WAKE_WINDOW_MS = 2_000;

/** What the SMTP server answered (or why it could not be reached), and whether it refused for good (5xx). */
export function failureOf(error: unknown): { reply: string; permanent: boolean } {
  const { response, responseCode } = (error ?? {}) as { response?: unknown; responseCode?: unknown };
  const reply = typeof response === 'string' ? response : error instanceof Error ? error.message : String(error);
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  return { reply: reply.slice(0, 1000), permanent };
}

/** ±10 %, so that messages that failed together are not all retried at the same instant. */
const jitter = (ms: number): number => Math.round(ms * (0.9 + Math.random() * 0.2));

export function startMailWorker(ctx: Ctx, options: MailWorkerOptions & { log: FastifyBaseLogger; transport?: MailTransport }): MailWorker {
  const { log, pollMs = 5_000, backoffMs = DEFAULT_BACKOFF_MS, batchSize = 10, claimMs = 5 * MINUTE, tasks = [] } = options;
  const transport = options.transport ?? createMailTransport(ctx.config, log);
  const node = `${hostname()}/${process.pid}/${newId().slice(0, 8)}`;
  let stopped = false;
  let wokenAt = -Infinity;
  let tasksRanAt = -Infinity;
  let interrupt: (() => void) | null = null;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        interrupt = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      interrupt = done;
    });

  async function deliver(row: OutboxRow): Promise<void> {
    const attempts = row.attempts + 1;
    try {
      await transport.send(row);
    } catch (error) {
      const { reply, permanent } = failureOf(error);
      const wait = permanent ? undefined : backoffMs[row.attempts];
      log.warn({ to: row.to_address, subject: row.subject, attempts, reply }, wait === undefined ? 'mail failed for good' : 'mail failed; it will be retried');
      await ctx.write((trx) =>
        settleClaimed(trx, row.id, node, {
          attempts,
          last_error: reply,
          ...(wait === undefined ? { status: 'failed' } : { status: 'queued', next_attempt_at: toIso(Date.now() + jitter(wait)) }),
        }),
      );
      return;
    }
    await ctx.write((trx) => settleClaimed(trx, row.id, node, { status: 'sent', attempts, sent_at: nowIso() }));
    log.debug({ id: row.id, to: row.to_address, kind: row.kind }, 'mail sent');
  }

  /** Claims and sends one batch; the number of messages claimed. */
  async function sendDue(): Promise<number> {
    const now = nowIso();
    if (!(await anyDue(ctx.db, now))) return 0;
    const claimedAt = Date.now();
    const until = toIso(claimedAt + claimMs);
    const rows = await ctx.write((trx) => claimDue(trx, ctx.dialect, { node, now, until, limit: batchSize }));
    rows.sort((a, b) => a.created_at.localeCompare(b.created_at));
    for (const [index, row] of rows.entries()) {
      // No message is begun in the second half of the claim: a slow server must not let it run
      // out while a message is on its way, or another node would send that message too.
      if (stopped || Date.now() - claimedAt > claimMs / 2) {
        const unsent = rows.slice(index).map((rest) => rest.id);
        await ctx.write((trx) => releaseClaimed(trx, unsent, node));
        break;
      }
      await deliver(row);
    }
    return rows.length;
  }

  async function runTasks(): Promise<void> {
    if (tasks.length === 0 || Date.now() - tasksRanAt < pollMs) return;
    tasksRanAt = Date.now();
    for (const task of tasks) {
      try {
        await task(new Date());
      } catch (error) {
        log.error({ err: error }, 'a periodic task failed');
      }
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      let claimed = 0;
      try {
        await runTasks();
        claimed = await sendDue();
      } catch (error) {
        log.error({ err: error }, 'the mail worker could not reach the outbox');
      }
      if (stopped) break;
      // A full batch: there may be more waiting.
      if (claimed === batchSize) continue;
      await sleep(Date.now() - wokenAt < WAKE_WINDOW_MS ? AFTER_WAKE_MS : pollMs);
    }
  }

  log.info({ destination: transport.destination }, 'mail worker started');
  const running = loop();
  return {
    wake() {
      wokenAt = Date.now();
      interrupt?.();
    },
    async stop() {
      stopped = true;
      interrupt?.();
      await running;
      transport.close();
    },
  };
}
