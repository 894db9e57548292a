import { Type } from 'typebox';
import { pingDb } from '../../db/create-db.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import type { App } from '../types.ts';

const Status = Type.Object({ status: Type.String() });

export async function healthRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get('/healthz', { config: { rateLimit: false }, schema: { tags: ['health'], summary: 'Liveness', response: { 200: Status } } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/readyz',
    { config: { rateLimit: false }, schema: { tags: ['health'], summary: 'Readiness: the database answers', response: { 200: Status, ...errors(503) } } },
    async (request, reply) => {
      try {
        await pingDb(ctx.db);
        return { status: 'ready' };
      } catch (error) {
        request.log.error({ err: error }, 'database not reachable');
        return reply.status(503).send({ error: { code: 'not_ready', message: 'The database is not reachable.' } });
      }
    },
  );
}
