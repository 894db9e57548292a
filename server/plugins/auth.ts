import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../shared/common.ts';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.ts';
import { loadViewer } from '../auth/auth.service.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { isApiRequest } from './api-request.ts';

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

const RANK: Record<Role, number> = { participant: 1, moderator: 2, organizer: 3 };

export const notSignedIn = (): AppError => new AppError(401, 'not_signed_in', 'Sign in to continue.');

/** Route `onRequest` guards: they run before the body is parsed and validated, so 401/403 come first. */
export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.viewer) throw notSignedIn();
}

export function requireRole(role: Role) {
  return async (request: FastifyRequest): Promise<void> => {
    if (!request.viewer) throw notSignedIn();
    if (RANK[request.viewer.role] < RANK[role])
      throw new AppError(403, 'forbidden', `Only ${role === 'organizer' ? 'an organizer' : `a ${role}`} can do this.`);
  };
}

/**
 * A moderator guard that also checks the dialogue the request is about (`locate` finds it, null
 * when there is none to see): a moderator of another dialogue gets 403 before the body is read.
 */
export function requireModeratorOf(locate: (request: FastifyRequest) => Promise<string | null>) {
  const moderatorRole = requireRole('moderator');
  return async (request: FastifyRequest): Promise<void> => {
    await moderatorRole(request);
    const dialogueId = await locate(request);
    if (dialogueId !== null && !moderatesDialogue(request.viewer, dialogueId)) {
      throw new AppError(403, 'forbidden', 'Only a moderator of this dialogue can do this.');
    }
  };
}

export const authPlugin = fp(async (app, { ctx }: { ctx: Ctx }) => {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isApiRequest(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token === undefined) return;
    const loaded = await loadViewer(ctx, token);
    if (!loaded) {
      clearSessionCookie(reply, ctx.config.publicOrigin);
      return;
    }
    request.viewer = loaded.viewer;
    if (loaded.renewedUntil) setSessionCookie(reply, ctx.config.publicOrigin, token, loaded.renewedUntil);
  });
});
