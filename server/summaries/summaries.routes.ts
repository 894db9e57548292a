import type { FastifyRequest } from 'fastify';
import { IdParams } from '../../shared/common.ts';
import { SlugParams } from '../../shared/dialogues.ts';
import {
  Citations,
  CitationsBody,
  DialogueSummaryVersionParams,
  PutSummaryBody,
  Suggestions,
  SuggestionsQuery,
  Summary,
  SummaryDiff,
  SummaryDiffQuery,
  SummaryVersion,
  SummaryVersionList,
  SummaryVersionParams,
  SummaryVersionsQuery,
} from '../../shared/summaries.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { dialogueOf } from '../moderation/rights.ts';
import { requireModeratorOf } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import {
  getSummary,
  putSummary,
  suggestKeyPoints,
  summaryCitations,
  summaryDiff,
  summaryVersion,
  summaryVersions,
  type SummaryTarget,
} from './summaries.service.ts';

/** The two places a summary lives: `/api/dialogues/:slug/summary` and `/api/topics/:id/summary`. */
const SCOPES = [
  {
    prefix: '/api/dialogues/:slug/summary',
    what: 'the dialogue’s summary',
    params: SlugParams,
    versionParams: DialogueSummaryVersionParams,
    target: (params: unknown): SummaryTarget => ({ slug: (params as { slug: string }).slug }),
    dialogueOf: (ctx: Ctx, request: FastifyRequest) => dialogueOf.slug(ctx, request.viewer, (request.params as { slug: string }).slug),
  },
  {
    prefix: '/api/topics/:id/summary',
    what: 'a topic’s summary',
    params: IdParams,
    versionParams: SummaryVersionParams,
    target: (params: unknown): SummaryTarget => ({ topicId: (params as { id: string }).id }),
    dialogueOf: (ctx: Ctx, request: FastifyRequest) => dialogueOf.topic(ctx, request.viewer, (request.params as { id: string }).id),
  },
] as const;

/** Drafts, versions and suggestions are for the dialogue's moderators: others get 403 before the body is read. */
export async function summaryRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  for (const scope of SCOPES) {
    const target = (request: FastifyRequest) => scope.target(request.params);
    const moderator = requireModeratorOf((request) => scope.dialogueOf(ctx, request));

    app.get(
      scope.prefix,
      {
        schema: {
          tags: ['summaries'],
          summary: `Read ${scope.what}: the public gets the latest approved version, moderators the latest version; version 0 and an empty body when there is none`,
          params: scope.params,
          response: { 200: Summary, ...errors(400, 404) },
        },
      },
      async (request) => getSummary(ctx, request.viewer, target(request)),
    );

    app.put(
      scope.prefix,
      {
        onRequest: moderator,
        schema: {
          tags: ['summaries'],
          summary: `Save a new version of ${scope.what} (Markdown, up to 20,000 characters); only organizers approve`,
          params: scope.params,
          body: PutSummaryBody,
          response: { 200: Summary, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (request) => putSummary(ctx, request.viewer!, target(request), request.body),
    );

    app.get(
      `${scope.prefix}/versions`,
      {
        onRequest: moderator,
        schema: {
          tags: ['summaries'],
          summary: `Every saved version of ${scope.what}, newest first`,
          params: scope.params,
          querystring: SummaryVersionsQuery,
          response: { 200: SummaryVersionList, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => summaryVersions(ctx, request.viewer!, target(request), request.query),
    );

    app.get(
      `${scope.prefix}/versions/:version`,
      {
        onRequest: moderator,
        schema: {
          tags: ['summaries'],
          summary: `One version of ${scope.what}, with its body`,
          params: scope.versionParams,
          response: { 200: SummaryVersion, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => summaryVersion(ctx, request.viewer!, target(request), (request.params as { version: number }).version),
    );

    app.get(
      `${scope.prefix}/diff`,
      {
        onRequest: moderator,
        schema: {
          tags: ['summaries'],
          summary: `What changed between two versions of ${scope.what}, word by word`,
          params: scope.params,
          querystring: SummaryDiffQuery,
          response: { 200: SummaryDiff, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => summaryDiff(ctx, request.viewer!, target(request), request.query.from, request.query.to),
    );
  }

  const topicModerator = requireModeratorOf((request) => dialogueOf.topic(ctx, request.viewer, (request.params as { id: string }).id));

  app.get(
    '/api/topics/:id/summary/suggestions',
    {
      onRequest: topicModerator,
      schema: {
        tags: ['summaries'],
        summary: 'Suggest key points: the most representative sentences of the topic’s published comments (extractive, offline, deterministic)',
        description:
          'Full sentences only: headings, sentences under five words and sentences without a verb-like word are skipped. Each sentence carries its comment and its author as the thread shows them (`lang` words "participant from COUNTRY").',
        params: IdParams,
        querystring: SuggestionsQuery,
        response: { 200: Suggestions, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => suggestKeyPoints(ctx, request.viewer!, request.params.id, request.query),
  );

  app.post(
    '/api/topics/:id/summary/citations',
    {
      onRequest: topicModerator,
      schema: {
        tags: ['summaries'],
        summary: 'For each sentence of a draft summary, the published comments that support it; an empty list marks a sentence that cites no comment',
        params: IdParams,
        body: CitationsBody,
        response: { 200: Citations, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => summaryCitations(ctx, request.viewer!, request.params.id, request.body.body),
  );
}
