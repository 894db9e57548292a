import { SlugParams } from '../../shared/dialogues.ts';
import { DialogueModeratorList, DialogueModeratorParams } from '../../shared/moderation.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { appointModerator, listModerators, removeModerator } from './moderators.service.ts';

/** Organizers appoint and remove the moderators of each dialogue. */
export async function moderatorRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const organizer = requireRole('organizer');

  app.get(
    '/api/dialogues/:slug/moderators',
    {
      onRequest: organizer,
      schema: {
        tags: ['moderation'],
        summary: 'The moderators appointed to a dialogue, by name (organizers moderate every dialogue without being listed)',
        params: SlugParams,
        response: { 200: DialogueModeratorList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listModerators(ctx, request.viewer!, request.params.slug),
  );

  app.put(
    '/api/dialogues/:slug/moderators/:userId',
    {
      onRequest: organizer,
      schema: {
        tags: ['moderation'],
        summary:
          'Appoint a user to moderate this dialogue (a participant becomes a moderator); appointing again changes nothing. Answers the moderators; audited',
        params: DialogueModeratorParams,
        response: { 200: DialogueModeratorList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => appointModerator(ctx, request.viewer!, request.params.slug, request.params.userId),
  );

  app.delete(
    '/api/dialogues/:slug/moderators/:userId',
    {
      onRequest: organizer,
      schema: {
        tags: ['moderation'],
        summary:
          'Remove a moderator from this dialogue, at once also from its live moderation feed; without another dialogue they become a participant again (organizers stay organizers). Answers the moderators; audited',
        params: DialogueModeratorParams,
        response: { 200: DialogueModeratorList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => removeModerator(ctx, request.viewer!, request.params.slug, request.params.userId),
  );
}
