import { Type } from 'typebox';
import {
  Comment,
  CommentPage,
  CommentPageQuery,
  CreateCommentBody,
  CreateReportBody,
  PatchCommentBody,
  Preview,
  PreviewBody,
  ReadPositionBody,
  Report,
  UnreadList,
} from '../../shared/comments.ts';
import { IdParams } from '../../shared/common.ts';
import { SlugParams } from '../../shared/dialogues.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireUser } from '../plugins/auth.ts';
import { ownRateLimit } from '../plugins/rate-limits.ts';
import type { App } from '../types.ts';
import { editComment, getComment, listTopicComments, postComment, previewComment, publicCommentPageJson, withdrawComment } from './comments.service.ts';
import { reportComment } from './reports.service.ts';
import { PageCache } from './page-cache.ts';
import { dialogueUnread, markRead } from './reads.service.ts';

export async function commentRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const pageCache = new PageCache();

  app.get(
    '/api/topics/:id/comments',
    {
      schema: {
        tags: ['comments'],
        summary: 'Visible comments in posting order; `after` a seq for catch-up',
        params: IdParams,
        querystring: CommentPageQuery,
        response: { 200: CommentPage, ...errors(400, 404) },
      },
    },
    async (request, reply) => {
      if (request.viewer) return listTopicComments(ctx, request.viewer, request.params.id, request.query);
      const json = await publicCommentPageJson(ctx, pageCache, request.params.id, request.query);
      // Already JSON text: Fastify sends a string with a JSON content type as it is.
      return reply.type('application/json; charset=utf-8').send(json as unknown as CommentPage);
    },
  );

  app.post(
    '/api/topics/:id/comments',
    {
      onRequest: requireUser,
      schema: {
        tags: ['comments'],
        summary: 'Post a comment or reply: 201 published, 202 waiting for a moderator; a repeated clientKey returns the original',
        params: IdParams,
        body: CreateCommentBody,
        response: { 201: Comment, 202: Comment, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const { comment, httpStatus } = await postComment(ctx, request.viewer!, request.params.id, request.body);
      return reply.status(httpStatus).send(comment);
    },
  );

  app.get(
    '/api/comments/:id',
    {
      schema: {
        tags: ['comments'],
        summary:
          'One comment, as its topic’s thread shows it to the reader (a placeholder for a hidden or withdrawn one); 404 where the thread would not show it',
        params: IdParams,
        response: { 200: Comment, ...errors(400, 404) },
      },
    },
    async (request) => getComment(ctx, request.viewer, request.params.id),
  );

  app.patch(
    '/api/comments/:id',
    {
      onRequest: requireUser,
      schema: {
        tags: ['comments'],
        summary:
          'Edit: the author within the edit window, or a moderator of the dialogue with a `note` (required from them), shown to every reader as `editNote`; the earlier text is kept as a revision and the edit audited',
        description:
          'An author’s edit is held exactly as a new post with the new text would be (pre-moderation, a watched word): the comment goes back to `status:"pending"`, leaves the public thread and waits in the moderation queue, and the edit answers 202. 200 when the comment is published after the edit; 202 whenever it waits for a moderator. A moderator’s edit of someone else’s comment is not held. The same body without a note changes nothing: the comment comes back as it is, not marked edited and without a new revision.',
        params: IdParams,
        body: PatchCommentBody,
        response: { 200: Comment, 202: Comment, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { comment, httpStatus } = await editComment(ctx, request.viewer!, request.params.id, request.body);
      return reply.status(httpStatus).send(comment);
    },
  );

  app.delete(
    '/api/comments/:id',
    {
      onRequest: requireUser,
      schema: {
        tags: ['comments'],
        summary: 'Withdraw one’s own comment; a placeholder stays for its replies',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await withdrawComment(ctx, request.viewer!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/topics/:id/read',
    {
      onRequest: requireUser,
      schema: {
        tags: ['comments'],
        summary: 'Remember where the signed-in reader left off in a topic (it only ever moves forward)',
        params: IdParams,
        body: ReadPositionBody,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await markRead(ctx, request.viewer!, request.params.id, request.body.lastSeq);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/dialogues/:slug/unread',
    {
      onRequest: requireUser,
      schema: {
        tags: ['comments'],
        summary: 'For each topic: where the signed-in reader left off and how many comments by others are new since',
        params: SlugParams,
        response: { 200: UnreadList, ...errors(401, 404) },
      },
    },
    async (request) => dialogueUnread(ctx, request.viewer!, request.params.slug),
  );

  app.post(
    '/api/comments/:id/reports',
    {
      onRequest: requireUser,
      schema: {
        tags: ['comments'],
        summary: 'Report a published comment to the moderators, once per participant; the author never learns who reported it',
        params: IdParams,
        body: CreateReportBody,
        response: { 201: Report, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await reportComment(ctx, request.viewer!, request.params.id, request.body)),
  );

  app.post(
    '/api/comments/preview',
    {
      onRequest: [
        requireUser,
        ownRateLimit(app, {
          name: 'preview',
          max: 120,
          timeWindow: '1 minute',
          keyGenerator: (request) => request.viewer?.id ?? request.ip,
          message: 'Too many previews; the preview will catch up in a moment.',
        }),
      ],
      schema: {
        tags: ['comments'],
        summary:
          'Render a draft exactly as posting it would (Markdown to sanitized HTML), without storing anything; with `topicId` (a topic the viewer can see), the @mentions of its participants are marked as posting will mark them',
        body: PreviewBody,
        response: { 200: Preview, ...errors(400, 401, 404, 413, 429) },
      },
    },
    async (request) => previewComment(ctx, request.viewer!, request.body.body, request.body.topicId),
  );
}
