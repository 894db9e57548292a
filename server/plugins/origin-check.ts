import fp from 'fastify-plugin';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The Lucia guide's CSRF defence: a state-changing request that carries the session cookie must
 * come from our own origin. Requests without the cookie act as anonymous and are judged as such.
 */
export const originCheckPlugin = fp(async (app, { publicOrigin }: { publicOrigin: string }) => {
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || request.cookies[SESSION_COOKIE] === undefined) return;
    if (request.headers.origin !== publicOrigin) {
      throw new AppError(403, 'origin_mismatch', 'This request did not come from the forum’s own pages.');
    }
  });
});
