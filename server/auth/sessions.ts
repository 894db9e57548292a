import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SessionRow } from '../../db/tables/users.table.ts';
import { randomToken } from '../lib/ids.ts';
import { DAY, toIso } from '../lib/time.ts';
import { deleteSession, findSession, insertSession, setSessionExpiry } from './sessions.repository.ts';

// Sessions as the Lucia guide teaches them: the cookie holds `id.secret`; only a SHA-256 of the
// secret is stored, and it is compared in constant time, so a leaked table opens no session.

export const SESSION_COOKIE = 'session';
export const SESSION_LIFETIME_MS = 30 * DAY;
const RENEW_WHEN_LEFT_MS = 15 * DAY;

const hashSecret = (secret: string): Uint8Array => sha256(new TextEncoder().encode(secret));

export interface CreatedSession {
  token: string;
  expiresAt: string;
}

export async function createSession(db: Kysely<Database>, userId: string): Promise<CreatedSession> {
  const id = randomToken();
  const secret = randomToken();
  const now = Date.now();
  const expiresAt = toIso(now + SESSION_LIFETIME_MS);
  await insertSession(db, {
    id,
    user_id: userId,
    secret_hash: encodeHexLowerCase(hashSecret(secret)),
    created_at: toIso(now),
    expires_at: expiresAt,
  });
  return { token: `${id}.${secret}`, expiresAt };
}

export interface ValidatedSession {
  session: SessionRow;
  /** set when the expiry moved forward, so the cookie must be sent again */
  renewed: boolean;
}

/** Any malformed, unknown, expired or forged token simply means "signed out". */
export async function validateSessionToken(db: Kysely<Database>, token: string): Promise<ValidatedSession | null> {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[a-z2-7]{24}$/.test(parts[0]!) || !/^[a-z2-7]{24}$/.test(parts[1]!)) return null;
  const [id, secret] = parts as [string, string];
  const session = await findSession(db, id);
  if (!session) return null;
  if (!constantTimeEqual(hashSecret(secret), decodeHex(session.secret_hash))) return null;
  const now = Date.now();
  const expiresAt = Date.parse(session.expires_at);
  if (expiresAt <= now) {
    await deleteSession(db, id);
    return null;
  }
  if (expiresAt - now < RENEW_WHEN_LEFT_MS) {
    session.expires_at = toIso(now + SESSION_LIFETIME_MS);
    await setSessionExpiry(db, id, session.expires_at);
    return { session, renewed: true };
  }
  return { session, renewed: false };
}

export async function invalidateSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await deleteSession(db, sessionId);
}
