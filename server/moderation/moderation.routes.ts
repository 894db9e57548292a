import { Comment } from '../../shared/comments.ts';
import { IdParams } from '../../shared/common.ts';
import { SlugParams } from '../../shared/dialogues.ts';
import { Type } from 'typebox';
import { AuditLog, AuditQuery, ModerationActionBody, Queue, QueueQuery, Suspension, SuspensionBody, WatchedWords } from '../../shared/moderation.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireModeratorOf, requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { auditLog, getWatchedWords, moderateComment, moderationQueue, setWatchedWords } from './moderation.service.ts';
import { dialogueOf } from './rights.ts';
import { liftSuspension, suspend } from './suspensions.service.ts';

/**
 * Moderation rights are per dialogue: organizers moderate every dialogue, moderators the ones they
 * are appointed to; a moderator of another dialogue is refused (403) before the body is read.
 */
export async function moderationRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const moderator = requireRole('moderator');

  app.get(
    '/api/moderation/queue',
    {
      onRequest: moderator,
      schema: {
        tags: ['moderation'],
        summary:
          'Held and reported comments of the dialogues the viewer moderates (or of `dialogue`), the longest-waiting first, with reports and the author’s history',
        querystring: QueueQuery,
        response: { 200: Queue, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => moderationQueue(ctx, request.viewer!, request.query),
  );

  app.post(
    '/api/comments/:id/moderation',
    {
      onRequest: requireModeratorOf((request) => dialogueOf.comment(ctx, request.viewer, (request.params as { id: string }).id)),
      schema: {
        tags: ['moderation'],
        summary: 'Approve, decline, hide (with a reason) or restore a comment; 409 when another moderator already did; 403 `own_comment` on one’s own comment',
        description:
          'Approving a published comment that participants reported keeps it published and closes its reports; the audit log records it as `comment.keep`.',
        params: IdParams,
        body: ModerationActionBody,
        response: { 200: Comment, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => moderateComment(ctx, request.viewer!, request.params.id, request.body),
  );

  app.get(
    '/api/moderation/log',
    {
      onRequest: moderator,
      schema: {
        tags: ['moderation'],
        summary:
          'The append-only audit log, newest first; filter by dialogue slug, action or actor. Moderators read the entries of their dialogues and the site-wide ones (suspensions)',
        querystring: AuditQuery,
        response: { 200: AuditLog, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => auditLog(ctx, request.viewer!, request.query),
  );

  app.get(
    '/api/dialogues/:slug/watched-words',
    {
      onRequest: requireModeratorOf((request) => dialogueOf.slug(ctx, request.viewer, (request.params as { slug: string }).slug)),
      schema: {
        tags: ['moderation'],
        summary: 'The words that hold a comment for review (the dialogue’s moderators and organizers)',
        params: SlugParams,
        response: { 200: WatchedWords, ...errors(401, 403, 404) },
      },
    },
    async (request) => getWatchedWords(ctx, request.viewer!, request.params.slug),
  );

  app.put(
    '/api/dialogues/:slug/watched-words',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['moderation'],
        summary: 'Replace the watched words: whole words, `*` for any letters, case and accents ignored',
        params: SlugParams,
        body: WatchedWords,
        response: { 200: WatchedWords, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => setWatchedWords(ctx, request.viewer!, request.params.slug, request.body),
  );

  app.post(
    '/api/users/:id/suspension',
    {
      onRequest: moderator,
      schema: {
        tags: ['moderation'],
        summary: 'Suspend a participant until a date, with a reason: they can read, not write. Site-wide, so a moderator of any dialogue may do it',
        params: IdParams,
        body: SuspensionBody,
        response: { 201: Suspension, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await suspend(ctx, request.viewer!, request.params.id, request.body)),
  );

  app.delete(
    '/api/users/:id/suspension',
    {
      onRequest: moderator,
      schema: { tags: ['moderation'], summary: 'Lift a suspension', params: IdParams, response: { 204: Type.Null(), ...errors(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await liftSuspension(ctx, request.viewer!, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
