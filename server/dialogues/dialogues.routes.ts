import { Type } from 'typebox';
import { IdParams, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../../shared/common.ts';
import { CreateDialogueBody, CreateTopicBody, Dialogue, DialogueList, PatchDialogueBody, PatchTopicBody, SlugParams, Topic } from '../../shared/dialogues.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { dialogueOf } from '../moderation/rights.ts';
import { requireModeratorOf, requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { createDialogue, createTopic, getDialogue, getTopic, listDialogueSummaries, patchDialogue, patchTopic } from './dialogues.service.ts';

const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT })),
    after: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export async function dialogueRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get(
    '/api/dialogues',
    {
      schema: {
        tags: ['dialogues'],
        summary: 'Published dialogues, newest window first (organizers also see unpublished ones)',
        querystring: ListQuery,
        response: { 200: Type.Object({ ...DialogueList.properties, nextCursor: Type.Union([Type.String(), Type.Null()]) }), ...errors(400) },
      },
    },
    async (request) => listDialogueSummaries(ctx, request.viewer, { limit: request.query.limit ?? PAGE_LIMIT_DEFAULT, after: request.query.after }),
  );

  app.post(
    '/api/dialogues',
    {
      onRequest: requireRole('organizer'),
      schema: { tags: ['dialogues'], summary: 'Create a dialogue', body: CreateDialogueBody, response: { 201: Dialogue, ...errors(400, 401, 403, 409) } },
    },
    async (request, reply) => reply.status(201).send(await createDialogue(ctx, request.viewer!, request.body)),
  );

  app.get(
    '/api/dialogues/:slug',
    { schema: { tags: ['dialogues'], summary: 'A dialogue with its status and topics', params: SlugParams, response: { 200: Dialogue, ...errors(400, 404) } } },
    async (request) => getDialogue(ctx, request.viewer, request.params.slug),
  );

  app.patch(
    '/api/dialogues/:slug',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['dialogues'],
        summary:
          'Change a dialogue’s settings (the slug stays), its moderation among them: `moderation`, `reportsToHold`, `holdFirstComment`; audited with before and after',
        params: SlugParams,
        body: PatchDialogueBody,
        response: { 200: Dialogue, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => patchDialogue(ctx, request.viewer!, request.params.slug, request.body),
  );

  app.post(
    '/api/dialogues/:slug/topics',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['topics'],
        summary: 'Add a topic; its number defaults to the next free one',
        params: SlugParams,
        body: CreateTopicBody,
        response: { 201: Topic, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createTopic(ctx, request.viewer!, request.params.slug, request.body)),
  );

  app.get(
    '/api/topics/:id',
    { schema: { tags: ['topics'], summary: 'A topic', params: IdParams, response: { 200: Topic, ...errors(400, 404) } } },
    async (request) => getTopic(ctx, request.viewer, request.params.id),
  );

  app.patch(
    '/api/topics/:id',
    {
      onRequest: requireModeratorOf((request) => dialogueOf.topic(ctx, request.viewer, (request.params as { id: string }).id)),
      schema: {
        tags: ['topics'],
        summary: 'Organizers change wording and number; the dialogue’s moderators lock and unlock (audited, announced live as topic:changed)',
        params: IdParams,
        body: PatchTopicBody,
        response: { 200: Topic, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => patchTopic(ctx, request.viewer!, request.params.id, request.body),
  );
}
