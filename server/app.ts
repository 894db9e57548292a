import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Db } from '../db/create-db.ts';
import { accountRoutes } from './auth/account.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { commentRoutes } from './comments/comments.routes.ts';
import type { Config } from './config.ts';
import { createCtx } from './context.ts';
import { dialogueRoutes } from './dialogues/dialogues.routes.ts';
import { AppError, errorBody } from './errors.ts';
import { exportRoutes } from './exports/exports.routes.ts';
import { followRoutes } from './follows/follows.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { digestTask } from './mail/digest.ts';
import { mailRoutes } from './mail/mail.routes.ts';
import { startMailWorker, type MailWorker, type MailWorkerOptions } from './mail/worker.ts';
import { moderationRoutes } from './moderation/moderation.routes.ts';
import { moderatorRoutes } from './moderation/moderators.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { practiceRoutes } from './practices/practices.routes.ts';
import { quoteRoutes } from './quotes/quotes.routes.ts';
import { isApiRequest } from './plugins/api-request.ts';
import { authPlugin } from './plugins/auth.ts';
import { registerClient } from './plugins/client.ts';
import { installErrorHandler } from './plugins/errors.ts';
import { originCheckPlugin } from './plugins/origin-check.ts';
import { rateLimitRedis, redisRateLimitStore } from './plugins/rate-limit-store.ts';
import { createSocketServer, realtimePlugin } from './plugins/realtime.ts';
import { installValidation } from './plugins/validation.ts';
import { createBroadcaster } from './realtime/broadcast.ts';
import { createPresence } from './realtime/presence.ts';
import { searchRoutes } from './search/search.routes.ts';
import { statsRoutes } from './stats/stats.routes.ts';
import { summaryRoutes } from './summaries/summaries.routes.ts';
import { visitRoutes } from './stats/visits.routes.ts';
import type { App } from './types.ts';

export interface BuildOptions {
  config: Config;
  database: Db;
  logger?: FastifyServerOptions['logger'];
  /** the mail worker's timing (tests shorten it) and the periodic tasks run from its loop */
  mail?: MailWorkerOptions;
  /** send the followed topics' digests from the mail worker's loop (the server process does; test apps don't unless asked) */
  digests?: boolean;
}

export const BODY_LIMIT = 1024 * 1024;

/**
 * A URL Fastify cannot even decode never reaches the hooks, so this reply sets the error shape
 * and the security headers itself.
 */
const answerBadUrl: FastifyServerOptions['frameworkErrors'] = (_error, _request, reply) => {
  void (reply as FastifyReply)
    .status(400)
    .headers({
      'content-security-policy': "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
    })
    .send(errorBody('bad_url', 'The request URL is malformed.'));
};

/** Builds the whole application without listening or touching anything outside it. */
export async function buildApp({ config, database, logger = false, mail = {}, digests = false }: BuildOptions): Promise<App> {
  const app = Fastify({ logger, bodyLimit: BODY_LIMIT, trustProxy: config.trustProxy, frameworkErrors: answerBadUrl }).withTypeProvider<TypeBoxTypeProvider>();
  const io = createSocketServer(app.server, config);
  const ctx = await createCtx(database, config, createBroadcaster(io, database.db, app.log));
  app.decorate('ctx', ctx);
  // The mail worker runs while the app does; closing waits for the message being sent.
  let mailWorker: MailWorker | undefined;
  app.addHook('onReady', async () => {
    const tasks = [...(mail.tasks ?? []), ...(digests ? [digestTask(ctx)] : [])];
    mailWorker = startMailWorker(ctx, { ...mail, tasks, log: app.log });
    ctx.mail = mailWorker;
  });
  app.addHook('onClose', async () => mailWorker?.stop());
  installValidation(app);
  installErrorHandler(app);

  // External plugins.
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        ...(config.publicOrigin.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.publicOrigin.startsWith('https:'),
  });
  // With Redis, every node counts the same requests; without, each counts its own in memory.
  const sharedCounts = config.redisUrl ? await rateLimitRedis(app, config.redisUrl) : null;
  await app.register(rateLimit, {
    ...(sharedCounts ? { store: redisRateLimitStore(sharedCounts, `${config.redisPrefix}:rate`), skipOnError: true } : {}),
    global: false,
    max: config.rateLimitRequestsPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => !isApiRequest(request),
    errorResponseBuilder: (_request, context) => new AppError(429, 'rate_limited', `Too many requests; try again in ${context.after}.`),
  });
  // Every API request counts, the ones refused by a guard and the unknown ones too: as the first
  // onRequest hook it runs before the Origin check and the auth guards. Routes with a limit of
  // their own (sign-ups, visits) are counted by both.
  app.addHook('onRequest', app.rateLimit());
  await app.register(swagger, {
    openapi: {
      info: { title: 'Virtual Dialogue API', version: '0.1.0', description: 'The public HTTP contract of Virtual Dialogue.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  // Application plugins.
  await app.register(originCheckPlugin, { config });
  await app.register(authPlugin, { ctx });
  await app.register(realtimePlugin, { ctx, io, presence: createPresence(io, app.log) });

  // Routes.
  for (const routes of [
    healthRoutes,
    authRoutes,
    dialogueRoutes,
    commentRoutes,
    moderationRoutes,
    moderatorRoutes,
    peopleRoutes,
    notificationRoutes,
    visitRoutes,
    statsRoutes,
    exportRoutes,
    quoteRoutes,
    practiceRoutes,
    summaryRoutes,
    accountRoutes,
    followRoutes,
    mailRoutes,
    searchRoutes,
  ]) {
    await app.register(routes, { ctx });
  }
  const clientServed = await registerClient(app);

  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !isApiRequest(request) && clientServed;
    if (wantsPage) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send(errorBody('not_found', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
  return app;
}
