import fp from 'fastify-plugin';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type OriginConfig = Pick<Config, 'publicOrigin' | 'publicOriginSet'>;

/**
 * Whether an Origin header names the forum itself. A set PUBLIC_ORIGIN is the only one; while it
 * is unset (someone trying the forum on their own machine), a page opened as 127.0.0.1 or [::1]
 * instead of localhost is the same forum, as long as it names the port the request came in on.
 */
export function isOwnOrigin(origin: string | undefined, config: OriginConfig, localPort: number | undefined): boolean {
  if (origin === undefined) return false;
  if (origin === config.publicOrigin) return true;
  if (config.publicOriginSet || localPort === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin && LOOPBACK_HOSTS.has(url.hostname) && Number(url.port || 80) === localPort;
}

/**
 * The Lucia guide's CSRF defence: a state-changing request that carries the session cookie must
 * come from our own origin. Requests without the cookie act as anonymous and are judged as such.
 */
export const originCheckPlugin = fp(async (app, { config }: { config: OriginConfig }) => {
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || request.cookies[SESSION_COOKIE] === undefined) return;
    if (!isOwnOrigin(request.headers.origin, config, request.socket.localPort)) {
      throw new AppError(403, 'origin_mismatch', 'This request did not come from the forum’s own pages.');
    }
  });
});
