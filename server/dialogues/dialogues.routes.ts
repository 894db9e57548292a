import { Type } from 'typebox';
import { IdParams, PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from '../../shared/common.ts';
import {
  CopyDialogueBody,
  CreateDialogueBody,
  CreateTopicBody,
  Dialogue,
  DialogueList,
  PatchDialogueBody,
  PatchTopicBody,
  SlugParams,
  Topic,
  TopicList,
  TopicOrderBody,
} from '../../shared/dialogues.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { dialogueOf } from '../moderation/rights.ts';
import { requireModeratorOf, requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import {
  copyDialogue,
  createDialogue,
  createTopic,
  deleteDialogue,
  deleteTopic,
  getDialogue,
  getTopic,
  listDialogueSummaries,
  patchDialogue,
  patchTopic,
  reorderTopics,
} from './dialogues.service.ts';

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
        summary:
          'Published dialogues, newest window first; organizers also see unpublished ones (`published:false`) and, on each, `commentTotal`: every comment ever posted, in any status',
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
      schema: {
        tags: ['dialogues'],
        summary:
          'Create a dialogue; `translations` holds its texts in its other languages (only languages listed in `languages`, else 400; empty texts are dropped and fall back to the base text)',
        body: CreateDialogueBody,
        response: { 201: Dialogue, ...errors(400, 401, 403, 409) },
      },
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
          'Change any of a dialogue’s settings, its slug (409 when taken), window (also while it is open), moderation (`moderation`, `reportsToHold`, `holdFirstComment`), `editWindowMinutes`, `wallEnabled`, `quoteAttribution` and `published`. `translations` replaces the texts of each language it names (an empty text falls back to the base text; a language given no text is removed) and keeps the languages it does not name; texts in a language outside `languages` are a 400. Audited with before and after, as `dialogue.publish` or `dialogue.unpublish` when `published` changes',
        params: SlugParams,
        body: PatchDialogueBody,
        response: { 200: Dialogue, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => patchDialogue(ctx, request.viewer!, request.params.slug, request.body),
  );

  app.delete(
    '/api/dialogues/:slug',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['dialogues'],
        summary:
          'Delete a dialogue that never had a comment (in any status), with its topics, watched words, moderators and visits; 409 `dialogue_has_comments` otherwise (unpublish it instead). Audited',
        params: SlugParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteDialogue(ctx, request.viewer!, request.params.slug);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/dialogues/:slug/copy',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['dialogues'],
        summary:
          'A new, unpublished dialogue from this one, with its own slug, title and window: the source’s theme, texts and their translations (but not the title’s), languages, time zone, settings, watched words and topics; no comments, quotes, summaries, visits or moderators. Audited as `dialogue.copy`',
        params: SlugParams,
        body: CopyDialogueBody,
        response: { 201: Dialogue, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await copyDialogue(ctx, request.viewer!, request.params.slug, request.body)),
  );

  app.put(
    '/api/dialogues/:slug/topics/order',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['topics'],
        summary:
          'Put the topics in this order and number them 1…n; `topicIds` names every topic of the dialogue once, else 400 `invalid_topic_order`. Answers the topics; audited as `topic.reorder`',
        params: SlugParams,
        body: TopicOrderBody,
        response: { 200: TopicList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => reorderTopics(ctx, request.viewer!, request.params.slug, request.body),
  );

  app.post(
    '/api/dialogues/:slug/topics',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['topics'],
        summary: 'Add a topic; its number defaults to the next free one; `translations` holds its question and description in the dialogue’s other languages',
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
        summary:
          'Organizers change the question, description (Markdown), number and `translations` (each language named replaces that language’s texts, others are kept; empty texts fall back to the base text); the dialogue’s moderators lock and unlock (audited, announced live as topic:changed)',
        params: IdParams,
        body: PatchTopicBody,
        response: { 200: Topic, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => patchTopic(ctx, request.viewer!, request.params.id, request.body),
  );

  app.delete(
    '/api/topics/:id',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['topics'],
        summary:
          'Delete a topic that never had a comment (in any status); 409 `topic_has_comments` otherwise. The other topics are numbered 1…n again; audited as `topic.delete`',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await deleteTopic(ctx, request.viewer!, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
