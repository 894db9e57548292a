import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import { TOKEN_LIFETIME_MS, type TokenPurpose } from '../../shared/mail.constants.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../errors.ts';
import { newId } from '../lib/ids.ts';
import { toIso } from '../lib/time.ts';
import { insertAuthToken } from './tokens.repository.ts';

// The links mailed for a password reset or an address check carry a random token; only its
// SHA-256 is stored, so a leaked table opens nothing. 160 random bits: guessing is hopeless, and a
// plain hash (no salt, no slow function) is enough for a secret with that much entropy.

/** The stored form of a token: its SHA-256, in hex. */
export const hashToken = (token: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** 160 random bits as 32 lower-case base32 characters. */
export function newOneTimeToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Stores a new token for the user and the address it goes to; returns the token itself, for the link (never stored). */
export async function issueToken(db: Kysely<Database>, userId: string, email: string, purpose: TokenPurpose, now = Date.now()): Promise<string> {
  const token = newOneTimeToken();
  await insertAuthToken(db, {
    id: newId(),
    user_id: userId,
    purpose,
    token_hash: hashToken(token),
    email,
    created_at: toIso(now),
    expires_at: toIso(now + TOKEN_LIFETIME_MS[purpose]),
    used_at: null,
  });
  return token;
}

/** The link to a page of the client that takes a token (`/reset-password`, `/verify-email`). */
export const tokenLink = (origin: string, path: string, token: string): string => `${origin}${path}?token=${encodeURIComponent(token)}`;

/** What a used, expired, unknown or forged token gets. */
export const invalidToken = (): AppError =>
  new AppError(400, 'invalid_token', 'This link is not valid: it was used already, it expired, or it was never issued. Ask for a new one.');
