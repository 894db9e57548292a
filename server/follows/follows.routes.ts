import { Type } from 'typebox';
import { IdParams } from '../../shared/common.ts';
import { FollowState, ParticipantList, ParticipantQuery } from '../../shared/follows.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireUser } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { followState, mentionableParticipants, setFollowing } from './follows.service.ts';

/**
 * Following topics (their news comes in the digest), and the names to @mention in one. Whether the
 * reader follows a topic is its own resource, so the topic itself stays the same for every reader.
 */
export async function followRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get(
    '/api/topics/:id/follow',
    {
      onRequest: requireUser,
      schema: {
        tags: ['follows'],
        summary: 'Whether the signed-in reader follows the topic; posting in a topic follows it, unless the reader once stopped following it',
        params: IdParams,
        response: { 200: FollowState, ...errors(400, 401, 404) },
      },
    },
    async (request) => followState(ctx, request.viewer!, request.params.id),
  );

  app.put(
    '/api/topics/:id/follow',
    {
      onRequest: requireUser,
      schema: {
        tags: ['follows'],
        summary: 'Follow the topic: its new comments come in the reader’s daily or weekly digest (idempotent)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await setFollowing(ctx, request.viewer!, request.params.id, true);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/topics/:id/follow',
    {
      onRequest: requireUser,
      schema: {
        tags: ['follows'],
        summary: 'Stop following the topic; remembered, so posting in it again does not follow it back (idempotent)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await setFollowing(ctx, request.viewer!, request.params.id, false);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/topics/:id/participants',
    {
      schema: {
        tags: ['follows'],
        summary:
          'Who an @mention in this topic may name: up to 8 participants with a published comment here who are shown by name, whose name or one of its words starts with `q` (any case), the most recently active first',
        params: IdParams,
        querystring: ParticipantQuery,
        response: { 200: ParticipantList, ...errors(400, 404) },
      },
    },
    async (request) => mentionableParticipants(ctx, request.viewer, request.params.id, request.query.q),
  );
}
