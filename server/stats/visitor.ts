import { createHmac, timingSafeEqual } from 'node:crypto';
import { randomToken } from '../lib/ids.ts';

/**
 * The first-party cookie that tells visitors apart without keeping their IP address. Only ids
 * this server issued count: the cookie is `id.signature`, so a client that invents a fresh id for
 * each view is a visitor without one, not a new visitor each time.
 */
export const VISITOR_COOKIE = 'vid';
const SIGNED_VISITOR_ID = /^([a-z2-7]{24})\.([A-Za-z0-9_-]{43})$/;

const signature = (secret: string, id: string): string => createHmac('sha256', secret).update(id).digest('base64url');

/** A new visitor id, signed: the whole value is the id, as stored with each visit. */
export function issueVisitorId(secret: string): string {
  const id = randomToken();
  return `${id}.${signature(secret, id)}`;
}

export function visitorIdFrom(cookies: Record<string, string | undefined>, secret: string): string | null {
  const vid = cookies[VISITOR_COOKIE];
  const match = vid === undefined ? null : SIGNED_VISITOR_ID.exec(vid);
  if (!match) return null;
  const expected = Buffer.from(signature(secret, match[1]!));
  return timingSafeEqual(expected, Buffer.from(match[2]!)) ? vid! : null;
}
