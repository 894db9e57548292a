import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SlugParams, VisitBody } from '../../shared/dialogues.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { namedRateLimit, ownRateLimit } from '../plugins/rate-limits.ts';
import type { App } from '../types.ts';
import { issueVisitorId, VISITOR_COOKIE, visitorIdFrom } from './visitor.ts';
import { recordVisit, UNTRACKED_VISITOR } from './visits.service.ts';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function visitRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const visitorOf = (request: FastifyRequest): string | null => visitorIdFrom(request.cookies, ctx.visitorSecret);
  // Counts the ids handed out per address, so a client that drops its cookie before each view
  // cannot pass for a crowd of new visitors.
  const newVisitorFrom = namedRateLimit(app, { name: 'new-visitor', max: ctx.config.rateLimitNewVisitorsPerHour, timeWindow: '1 hour' });
  const mayIssue = async (request: FastifyRequest): Promise<boolean> => {
    const limit = await newVisitorFrom(request);
    return limit.isAllowed || !limit.isExceeded;
  };

  app.post(
    '/api/dialogues/:slug/visits',
    {
      schema: {
        tags: ['stats'],
        summary: 'Count one page view; sets the first-party `vid` cookie on the first one',
        description:
          'The `vid` cookie is issued and signed by the server; a missing, invented or tampered one counts as a first view. ' +
          'One address is issued at most RATE_LIMIT_NEW_VISITORS_PER_HOUR new visitor ids an hour: beyond that the view still ' +
          'answers 204 and is counted, without a cookie and not as a new unique visitor.',
        params: SlugParams,
        body: VisitBody,
        response: { 204: Type.Null(), ...errors(400, 404, 429) },
      },
      onRequest: ownRateLimit(app, {
        name: 'views',
        max: 60,
        timeWindow: '1 minute',
        keyGenerator: (request) => visitorOf(request) ?? request.ip,
        message: 'Too many page views from this visitor; try again in a minute.',
      }),
    },
    async (request, reply) => {
      let visitorId = visitorOf(request);
      if (!visitorId && (await mayIssue(request))) {
        visitorId = issueVisitorId(ctx.visitorSecret);
        reply.setCookie(VISITOR_COOKIE, visitorId, {
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.publicOrigin.startsWith('https:'),
          path: '/',
          maxAge: YEAR_SECONDS,
        });
      }
      await recordVisit(ctx, request.viewer, request.params.slug, visitorId ?? UNTRACKED_VISITOR, request.body.path);
      return reply.status(204).send(null);
    },
  );
}
