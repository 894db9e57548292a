import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../../shared/common.ts';
import { SlugParams } from '../../shared/dialogues.ts';
import { ConsentWithdrawalBody, CreateQuoteBody, DialogueQuotes, PatchQuoteBody, Quote, QuoteDetail } from '../../shared/quotes.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { dialogueOf } from '../moderation/rights.ts';
import { requireModeratorOf, requireUser } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { assertQuotedAuthor, createQuote, dialogueOfQuote, dialogueQuotes, patchQuote, quoteDetail, removeQuote, withdrawConsent } from './quotes.service.ts';

const idOf = (request: FastifyRequest): string => (request.params as { id: string }).id;

/** Curating is moderating: a moderator of another dialogue is refused (403) before the body is read. */
export async function quoteRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const moderatorOfComment = requireModeratorOf((request) => dialogueOf.comment(ctx, request.viewer, idOf(request)));
  const moderatorOfQuote = requireModeratorOf((request) => dialogueOfQuote(ctx, request.viewer, idOf(request)));
  // Only the quoted author withdraws consent: anyone else, moderators included, is refused before the body is read.
  const quotedAuthor = async (request: FastifyRequest): Promise<void> => {
    await requireUser(request);
    await assertQuotedAuthor(ctx, request.viewer!, idOf(request));
  };

  app.get(
    '/api/dialogues/:slug/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Every topic with its quotes in curated order; moderators also get flagged quotes (source taken down, consent withdrawn)',
        params: SlugParams,
        response: { 200: DialogueQuotes, ...errors(400, 404) },
      },
    },
    async (request) => dialogueQuotes(ctx, request.viewer, request.params.slug),
  );

  app.post(
    '/api/comments/:id/quotes',
    {
      onRequest: moderatorOfComment,
      schema: {
        tags: ['quotes'],
        summary:
          'Quote a published comment, or passages of it, as the last quote of its topic; 409 `quote_not_allowed` when the author’s consent forbids the attribution, 400 `excerpt_not_in_comment`',
        params: IdParams,
        body: CreateQuoteBody,
        response: { 201: Quote, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await createQuote(ctx, request.viewer!, request.params.id, request.body)),
  );

  app.patch(
    '/api/quotes/:id',
    {
      onRequest: moderatorOfQuote,
      schema: {
        tags: ['quotes'],
        summary: 'Change a quote’s excerpt (null: the whole comment) or attribution, or move it to a 1-based place in its topic',
        params: IdParams,
        body: PatchQuoteBody,
        response: { 200: Quote, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => patchQuote(ctx, request.viewer!, request.params.id, request.body),
  );

  app.delete(
    '/api/quotes/:id',
    {
      onRequest: moderatorOfQuote,
      schema: {
        tags: ['quotes'],
        summary: 'Remove a quote; the quotes after it move up',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeQuote(ctx, request.viewer!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/quotes/:id',
    {
      onRequest: requireUser,
      schema: {
        tags: ['quotes'],
        summary:
          'One quote with its topic and dialogue, whatever its flag: for the quoted author (their consent page, with `consentWithdrawn`) and the dialogue’s moderators; anyone else gets 403 `not_quoted_author`',
        params: IdParams,
        response: { 200: QuoteDetail, ...errors(401, 403, 404) },
      },
    },
    async (request) => quoteDetail(ctx, request.viewer!, request.params.id),
  );

  app.post(
    '/api/quotes/:id/consent-withdrawal',
    {
      onRequest: quotedAuthor,
      // One click from the bell or the mail may send no body at all: that is no reason given.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['quotes'],
        summary:
          'The quoted author withdraws consent for this quote, for good (the body and its `reason` are optional): every export leaves it out from then on and the curators see it flagged (`consent_withdrawn`). 403 `not_quoted_author` for anyone else, moderators included; 409 `consent_already_withdrawn` the second time',
        params: IdParams,
        body: ConsentWithdrawalBody,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await withdrawConsent(ctx, request.viewer!, request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
