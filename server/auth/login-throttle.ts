import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { tooManyRequests } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { MINUTE, isoMinus, nowIso } from '../lib/time.ts';

// Kept in the database, so that every node of a cluster sees the same counts.
const WINDOW_MS = 15 * MINUTE;
const MAX_PER_ACCOUNT_AND_IP = 10;
const MAX_PER_IP = 50;

/** Throws 429 before the password is checked when this address has failed too often. */
export async function assertLoginAllowed(db: Kysely<Database>, email: string, ip: string): Promise<void> {
  const since = isoMinus(WINDOW_MS);
  const perIp = await db
    .selectFrom('login_failures')
    .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('ip', '=', ip)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  const perAccount = await db
    .selectFrom('login_failures')
    .select([(eb) => eb.fn.countAll<number | string>().as('n'), (eb) => eb.fn.min('created_at').as('oldest')])
    .where('email', '=', email)
    .where('ip', '=', ip)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  for (const [count, max, oldest] of [
    [Number(perIp.n), MAX_PER_IP, perIp.oldest],
    [Number(perAccount.n), MAX_PER_ACCOUNT_AND_IP, perAccount.oldest],
  ] as const) {
    if (count >= max && oldest) {
      const retryAfter = (Date.parse(oldest) + WINDOW_MS - Date.now()) / 1000;
      throw tooManyRequests(retryAfter, 'Too many failed sign-ins. Wait a few minutes and try again.');
    }
  }
}

export async function recordLoginFailure(db: Kysely<Database>, email: string, ip: string): Promise<void> {
  await db.deleteFrom('login_failures').where('created_at', '<', isoMinus(WINDOW_MS)).execute();
  await db.insertInto('login_failures').values({ id: newId(), email, ip, created_at: nowIso() }).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, email: string, ip: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).where('ip', '=', ip).execute();
}
