import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../shared/common.ts';
import {
  CreatePracticeBody,
  PatchPracticeBody,
  Practice,
  PracticeExportQuery,
  PracticeExportRow,
  PracticeList,
  PracticeListQuery,
  PracticeModerationBody,
  PracticeStats,
  PracticeStatsQuery,
} from '../../shared/practices.ts';
import type { Ctx } from '../context.ts';
import type { ExportFile } from '../exports/exports.service.ts';
import { errors } from '../http.ts';
import { requireRole, requireUser } from '../plugins/auth.ts';
import { ownRateLimit } from '../plugins/rate-limits.ts';
import type { App } from '../types.ts';
import { exportPractices } from './practices-export.ts';
import {
  assertMayEdit,
  assertModeratesPractice,
  createPractice,
  getPractice,
  listPracticesFor,
  moderatePractice,
  patchPractice,
  practiceStats,
} from './practices.service.ts';

/** Submissions a participant may make in an hour: plenty for a real library, too few for a flood. */
const PRACTICES_PER_HOUR = 20;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The `:id` of the request, when it is one an id can be (anything else is left to the schema's 400). */
const idOf = (request: FastifyRequest): string | null => {
  const { id } = request.params as { id?: string };
  return id !== undefined && ID.test(id) ? id : null;
};

const ExportFileResponse = {
  description: 'Every published practice (of `dialogue`, when given), oldest first; named `practices[-<dialogue>].<format>`',
  content: {
    'text/csv': {
      schema: Type.String({
        description:
          "format=csv: RFC 4180, UTF-8 with a byte order mark, a header row; countries separated by spaces, themes by ' | '; cells starting with = + - @ tab or CR are prefixed with '",
      }),
    },
    'application/json': { schema: Type.Array(PracticeExportRow) },
  },
};

function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

export async function practiceRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  // Who may change or decide on a practice is settled before its body is read (401, 404, 403, then 400).
  const editor = async (request: FastifyRequest): Promise<void> => {
    await requireUser(request);
    const id = idOf(request);
    if (id !== null) await assertMayEdit(ctx, request.viewer!, id);
  };
  const moderatorRole = requireRole('moderator');
  const practiceModerator = async (request: FastifyRequest): Promise<void> => {
    await moderatorRole(request);
    const id = idOf(request);
    if (id !== null) await assertModeratesPractice(ctx, request.viewer!, id);
  };

  app.post(
    '/api/practices',
    {
      onRequest: [
        requireUser,
        ownRateLimit(app, {
          name: 'practice-submit',
          max: PRACTICES_PER_HOUR,
          timeWindow: '1 hour',
          keyGenerator: (request) => request.viewer?.id ?? request.ip,
          message: 'You have submitted many good practices this hour; please try again later.',
        }),
      ],
      schema: {
        tags: ['practices'],
        summary: 'Submit a good practice for review: 201 with `status:"submitted"`',
        description:
          'The continent, when absent or null, is the one most of the countries are on (400 `continent_required` when none is, e.g. Antarctica alone). `dialogueSlug` names a dialogue the submitter can see (404 otherwise). `sourceCommentId` names the published comment it is submitted from (404 for one the submitter cannot see, 409 `comment_not_published` for one held, hidden or withdrawn): its dialogue becomes the practice’s. Themes are trimmed, repeats dropped, and a theme of the dialogue’s list takes its spelling. The description is Markdown, rendered and sanitized like a comment. 403 `suspended` for a suspended participant; 429 after ' +
          `${PRACTICES_PER_HOUR} submissions in an hour.`,
        body: CreatePracticeBody,
        response: { 201: Practice, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await createPractice(ctx, request.viewer!, request.body)),
  );

  app.get(
    '/api/practices',
    {
      schema: {
        tags: ['practices'],
        summary: 'The library: published practices, newest first; a submitter also sees their own, a moderator every practice they moderate',
        description:
          'Filters combine (all must hold): `continent`, `country` (one of its countries), `theme` (one of its themes, exactly), `dialogue` (the slug of the dialogue that gathered it; one the viewer cannot see matches nothing), `language`, `q` (its words, full text as in /api/search), `status`, `mine` (the viewer’s own, in any status). `contact` is in an item only for organizers and its submitter, `returnReason` only for its submitter and its moderators. Paginated with `limit` and `after` (the `nextCursor` of the page before).',
        querystring: PracticeListQuery,
        response: { 200: PracticeList, ...errors(400) },
      },
    },
    async (request) => listPracticesFor(ctx, request.viewer, request.query),
  );

  app.get(
    '/api/practices/stats',
    {
      schema: {
        tags: ['practices'],
        summary: 'How many published practices pass the filters: in all, by continent (all six, zeros included), by country and by theme',
        description: 'Only published practices are counted. A practice counts once for each of its countries and each of its themes. Most first.',
        querystring: PracticeStatsQuery,
        response: { 200: PracticeStats, ...errors(400) },
      },
    },
    async (request) => practiceStats(ctx, request.viewer, request.query),
  );

  app.get(
    '/api/practices/export',
    {
      onRequest: requireRole('organizer'),
      schema: {
        tags: ['practices'],
        summary: 'Organizers: every published practice, contact included, as CSV (default) or JSON, as an attachment',
        querystring: PracticeExportQuery,
        response: { 200: ExportFileResponse, ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => sendFile(reply, await exportPractices(ctx, request.viewer!, request.query)),
  );

  app.get(
    '/api/practices/:id',
    {
      schema: {
        tags: ['practices'],
        summary: 'One practice: 404 unless it is published, or the viewer submitted it or moderates it',
        description: '`contact` only for organizers and the submitter; `returnReason` only for the submitter and the practice’s moderators.',
        params: IdParams,
        response: { 200: Practice, ...errors(400, 404) },
      },
    },
    async (request) => getPractice(ctx, request.viewer, request.params.id),
  );

  app.patch(
    '/api/practices/:id',
    {
      onRequest: editor,
      schema: {
        tags: ['practices'],
        summary:
          'Change a practice: its submitter while it is submitted or returned (409 `practice_not_editable` after), which submits a returned one again; its moderators at any time (audited)',
        description:
          '`continent: null` derives it from the countries again; `dialogueSlug: null` files it under no dialogue (its source comment is forgotten when its dialogue changes). Themes and description are treated as on submission.',
        params: IdParams,
        body: PatchPracticeBody,
        response: { 200: Practice, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => patchPractice(ctx, request.viewer!, request.params.id, request.body),
  );

  app.post(
    '/api/practices/:id/moderation',
    {
      onRequest: practiceModerator,
      schema: {
        tags: ['practices'],
        summary: 'Publish, return (with a reason: 400 `reason_required`) or unpublish a practice; audited, and its submitter is told in the app and by mail',
        description:
          'publish: from submitted, returned or unpublished; return: from submitted or unpublished; unpublish: from published. Any other starting status is 409 `already_moderated`. Who moderates a practice: organizers; the moderators of its dialogue; for a practice of no dialogue, anyone who moderates a dialogue.',
        params: IdParams,
        body: PracticeModerationBody,
        response: { 200: Practice, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => moderatePractice(ctx, request.viewer!, request.params.id, request.body),
  );
}
