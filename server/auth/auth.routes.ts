import { Type } from 'typebox';
import { LoginBody, ProfilePatch, RegisterBody, UserEnvelope } from '../../shared/users.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireUser } from '../plugins/auth.ts';
import { ownRateLimit } from '../plugins/rate-limits.ts';
import type { App } from '../types.ts';
import { currentUser, login, logout, register, updateProfile } from './auth.service.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';

export async function authRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const origin = ctx.config.publicOrigin;

  app.post(
    '/api/auth/register',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a participant account and sign in',
        body: RegisterBody,
        response: { 201: UserEnvelope, ...errors(400, 409, 413, 429) },
      },
      onRequest: ownRateLimit(app, {
        name: 'signup',
        max: ctx.config.rateLimitSignupsPerHour,
        timeWindow: '1 hour',
        message: 'Too many accounts were created from this address; try again later.',
      }),
    },
    async (request, reply) => {
      const { user, session } = await register(ctx, request.body);
      setSessionCookie(reply, origin, session.token, session.expiresAt);
      return reply.status(201).send({ user });
    },
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in; throttled per account and address',
        body: LoginBody,
        response: { 200: UserEnvelope, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { user, session } = await login(ctx, request.body, request.ip);
      setSessionCookie(reply, origin, session.token, session.expiresAt);
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    { onRequest: requireUser, schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null(), ...errors(401, 403) } } },
    async (request, reply) => {
      await logout(ctx, request.viewer!);
      clearSessionCookie(reply, origin);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      onRequest: requireUser,
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user; `moderates` lists the slugs of the dialogues whose moderation tools they may use',
        response: { 200: UserEnvelope, ...errors(401) },
      },
    },
    async (request) => ({ user: await currentUser(ctx, request.viewer!) }),
  );

  app.patch(
    '/api/auth/me',
    {
      onRequest: requireUser,
      schema: {
        tags: ['auth'],
        summary: 'Change profile fields (not e-mail, not role); a new password needs currentPassword',
        body: ProfilePatch,
        response: { 200: UserEnvelope, ...errors(400, 401, 403) },
      },
    },
    async (request) => ({ user: await updateProfile(ctx, request.viewer!, request.body) }),
  );
}
