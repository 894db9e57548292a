import { SlugParams } from '../../shared/dialogues.ts';
import { Stats } from '../../shared/stats.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { dialogueStats } from './stats.service.ts';

export async function statsRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get(
    '/api/dialogues/:slug/stats',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['stats'],
        summary: 'The dashboard’s numbers, counted inside the dialogue’s window (published comments only)',
        description:
          'The first five are totals. `byTopic` and `byDay` count comments; `byCountry`, `byAffiliation` and `byContinent` count participants (people with a published comment in the window). Days are calendar days in the dialogue’s `timeZone`.',
        params: SlugParams,
        response: { 200: Stats, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => dialogueStats(ctx, request.viewer!, request.params.slug),
  );
}
