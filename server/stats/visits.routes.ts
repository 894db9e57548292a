import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SlugParams, VisitBody } from '../../shared/dialogues.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { randomToken } from '../lib/ids.ts';
import { ownRateLimit } from '../plugins/rate-limits.ts';
import type { App } from '../types.ts';
import { VISITOR_COOKIE, visitorIdFrom } from './visitor.ts';
import { recordVisit } from './visits.service.ts';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

const visitorOf = (request: FastifyRequest): string | null => visitorIdFrom(request.cookies);

export async function visitRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.post(
    '/api/dialogues/:slug/visits',
    {
      schema: {
        tags: ['stats'],
        summary: 'Count one page view; sets the first-party `vid` cookie on the first one',
        params: SlugParams,
        body: VisitBody,
        response: { 204: Type.Null(), ...errors(400, 404, 429) },
      },
      onRequest: ownRateLimit(app, {
        max: 60,
        timeWindow: '1 minute',
        keyGenerator: (request) => visitorOf(request) ?? request.ip,
        message: 'Too many page views from this visitor; try again in a minute.',
      }),
    },
    async (request, reply) => {
      let visitorId = visitorOf(request);
      if (!visitorId) {
        visitorId = randomToken();
        reply.setCookie(VISITOR_COOKIE, visitorId, {
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.publicOrigin.startsWith('https:'),
          path: '/',
          maxAge: YEAR_SECONDS,
        });
      }
      await recordVisit(ctx, request.viewer, request.params.slug, visitorId, request.body.path);
      return reply.status(204).send(null);
    },
  );
}
