import { createHmac, timingSafeEqual } from 'node:crypto';
import { UNSUBSCRIBE_SCOPES, type UnsubscribeScope } from '../../shared/mail.constants.ts';

// An unsubscribe link needs no session: its token names the user and what to turn off, signed
// with the server's mail secret (HMAC-SHA-256), so nobody can unsubscribe someone else.

const sign = (payload: string, secret: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

export function unsubscribeToken(userId: string, scope: UnsubscribeScope, secret: string): string {
  const payload = `${userId}.${scope}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The user and scope a token stands for; null for anything forged, truncated or malformed. */
export function readUnsubscribeToken(token: string, secret: string): { userId: string; scope: UnsubscribeScope } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [userId, scope, signature] = parts as [string, string, string];
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId) || !(UNSUBSCRIBE_SCOPES as readonly string[]).includes(scope)) return null;
  const expected = Buffer.from(sign(`${userId}.${scope}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
