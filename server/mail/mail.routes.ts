import { Type } from 'typebox';
import { IdParams } from '../../shared/common.ts';
import { OutboxItem } from '../../shared/mail.ts';
import { OutboxList, OutboxQuery, UnsubscribeQuery, UnsubscribeResult } from '../../shared/outbox.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { outboxPage, retryMail, unsubscribe } from './mail.service.ts';

/** What a mail program POSTs for one-click unsubscribe (RFC 8058); the token in the URL is what counts. */
const OneClickBody = Type.Object(
  { 'List-Unsubscribe': Type.Optional(Type.Literal('One-Click')) },
  { additionalProperties: false, description: '`List-Unsubscribe=One-Click`, as mail programs send it; optional' },
);

/** One-click unsubscribe and the organizers' view of the outbox. */
export async function mailRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  // Mail programs POST the one-click form (RFC 8058) url-encoded or as multipart: the first is
  // read, the second carries nothing the token does not say. Only the routes of this module take them.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.addContentTypeParser('multipart/form-data', { parseAs: 'string' }, (_request, _body, done) => done(null, {}));

  const summary =
    'One-click unsubscribe (RFC 8058), no session needed: the token of an e-mail’s link (its `List-Unsubscribe` header) names the person and what to stop — one kind of e-mail, the digest, or `all` — and turns it off in their e-mail settings. 400 `invalid_token` for a forged or broken token';
  const schema = { tags: ['mail'], summary, querystring: UnsubscribeQuery, response: { 200: UnsubscribeResult, ...errors(400) } };
  // A HEAD (a link checker) only checks the token.
  app.get('/api/unsubscribe', { schema }, async (request) => unsubscribe(ctx, request.query.token, { change: request.method !== 'HEAD' }));
  app.post(
    '/api/unsubscribe',
    {
      schema: { ...schema, body: OneClickBody, consumes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'] },
      // The unsubscribe page posts no body at all.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => unsubscribe(ctx, request.query.token, { change: true }),
  );

  const organizer = requireRole('organizer');
  app.get(
    '/api/mail/outbox',
    {
      onRequest: organizer,
      schema: {
        tags: ['mail'],
        summary:
          'The outbox, newest first: each message’s recipient, kind, subject, status, attempts and the SMTP server’s last refusal (never its body), with the number of messages in each status; `status` filters; cursor-paginated',
        querystring: OutboxQuery,
        response: { 200: OutboxList, ...errors(400, 401, 403) },
      },
    },
    async (request) => outboxPage(ctx, request.query),
  );

  app.post(
    '/api/mail/outbox/:id/retry',
    {
      onRequest: organizer,
      schema: {
        tags: ['mail'],
        summary: 'Queue a failed message again, to be sent at once with a fresh series of retries; 409 `mail_not_failed` for one that is not failed',
        params: IdParams,
        response: { 200: OutboxItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => retryMail(ctx, request.params.id),
  );
}
