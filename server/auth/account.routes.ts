import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DeleteAccountBody, MyData, PasswordResetBody, PasswordResetConfirmBody, VerifyEmailConfirmBody } from '../../shared/account.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireUser } from '../plugins/auth.ts';
import { ownRateLimit } from '../plugins/rate-limits.ts';
import type { App } from '../types.ts';
import { deleteAccount } from './account-deletion.ts';
import { normalizeEmail } from './auth.service.ts';
import { confirmVerification, requestVerification } from './email-verification.ts';
import { myData, myDataFilename } from './my-data.ts';
import { confirmPasswordReset, passwordResetsSettled, sendPasswordResetLater } from './password-reset.ts';
import { clearSessionCookie } from './session-cookie.ts';

// How often a reset may be asked for: per address whatever it is (known or not, so that a 429 tells
// nothing), and per IP; and how often a signed-in user may ask for a verification link.
const RESETS_PER_ADDRESS_PER_HOUR = 5;
const RESETS_PER_IP_PER_HOUR = 20;
const VERIFICATIONS_PER_USER_PER_HOUR = 5;

const Empty = Type.Null({ description: 'no content' });

/** 202 with an empty body: the request is taken, its mail is on its way. */
const accepted = (reply: FastifyReply): FastifyReply => reply.status(202).send();

/** Password reset, address verification, my data, deleting my account. */
export async function accountRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const origin = ctx.config.publicOrigin;

  // Reset mails are looked up and queued after the 202 has gone: the app waits for them before closing.
  app.addHook('onClose', () => passwordResetsSettled(ctx));

  app.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags: ['account'],
        summary: 'Mail a password reset link; 202 whatever the address, in the same time',
        description: `Answers 202 before the address is even looked up, so neither the answer nor its timing tells whether an account exists. When one does, it is mailed a link to \`/reset-password?token=…\`, valid one hour and usable once; a newer request replaces older links. At most ${RESETS_PER_ADDRESS_PER_HOUR} requests an hour per address and ${RESETS_PER_IP_PER_HOUR} per IP (429 with Retry-After).`,
        body: PasswordResetBody,
        response: { 202: Empty, ...errors(400, 429) },
      },
      onRequest: ownRateLimit(app, {
        name: 'reset-from',
        max: RESETS_PER_IP_PER_HOUR,
        timeWindow: '1 hour',
        message: 'Too many password resets were asked for from this address; try again later.',
      }),
      // After validation, so the address is known; counted for every address alike.
      preHandler: ownRateLimit(app, {
        name: 'reset-for',
        max: RESETS_PER_ADDRESS_PER_HOUR,
        timeWindow: '1 hour',
        keyGenerator: (request: FastifyRequest) => normalizeEmail((request.body as PasswordResetBody).email),
        message: 'A reset link was asked for this address several times already; check your mail, or try again later.',
      }),
    },
    async (request, reply) => {
      await accepted(reply);
      sendPasswordResetLater(ctx, request.body.email, request.log);
      return reply;
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Set a new password with a mailed token; every session of the account ends',
        description:
          'A used, expired or unknown token is 400 `invalid_token`. The token is used once, even by two requests at the same time. Every session of the account ends and its sockets are cut; the address counts as verified. The reply does not sign in.',
        body: PasswordResetConfirmBody,
        response: { 204: Empty, ...errors(400) },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(ctx, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      onRequest: [
        requireUser,
        ownRateLimit(app, {
          name: 'verify-email',
          max: VERIFICATIONS_PER_USER_PER_HOUR,
          timeWindow: '1 hour',
          keyGenerator: (request: FastifyRequest) => request.viewer?.id ?? request.ip,
          message: 'A verification link was sent several times already; check your mail, or try again later.',
        }),
      ],
      schema: {
        tags: ['account'],
        summary: 'Mail the signed-in user a link that verifies their address',
        description: `The link goes to \`/verify-email?token=…\` and is valid a week; 409 \`already_verified\` when the address is verified. At most ${VERIFICATIONS_PER_USER_PER_HOUR} an hour (429 with Retry-After).`,
        response: { 202: Empty, ...errors(401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      await requestVerification(ctx, request.viewer!);
      return accepted(reply);
    },
  );

  app.post(
    '/api/auth/verify-email/confirm',
    {
      schema: {
        tags: ['account'],
        summary: 'Verify the address a token was mailed to (`emailVerified` becomes true)',
        description:
          'Anyone holding the link may confirm it; a used, expired or unknown token, or one mailed to an address the account no longer has, is 400 `invalid_token`.',
        body: VerifyEmailConfirmBody,
        response: { 204: Empty, ...errors(400) },
      },
    },
    async (request, reply) => {
      await confirmVerification(ctx, request.body.token);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me/export',
    {
      onRequest: requireUser,
      schema: {
        tags: ['account'],
        summary: 'Everything stored about the signed-in user, as a JSON attachment',
        description:
          'Profile (no password), comments with their earlier versions, reports made, notifications, follows, read positions, quotes of their words with the state of their consent, the good practices they submitted in every status (with their private contact), suspensions, appointments and the mail sent to them. `Content-Disposition: attachment; filename="my-data-YYYY-MM-DD.json"`.',
        response: {
          200: { description: 'The data, as an attachment', content: { 'application/json': { schema: MyData } } },
          ...errors(401),
        },
      },
    },
    async (request, reply) => {
      const data = await myData(ctx, request.viewer!);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${myDataFilename(data.exportedAt)}"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.delete(
    '/api/auth/me',
    {
      onRequest: requireUser,
      schema: {
        tags: ['account'],
        summary: 'Delete the signed-in account; its comments stay as "former participant" or are withdrawn',
        description:
          '`{password, comments: "keep_anonymous"|"withdraw"}` → 204 and signed out. 403 `wrong_password`; 409 `last_organizer` for the only organizer. The account can never sign in again and its address may register anew; its sessions end and their sockets are cut. Kept comments show `author.former: true`; quotes of them may only be anonymous from then on. Good practices lose their `contact`; those never published are deleted, the others stay with `submitter.former: true`.',
        body: DeleteAccountBody,
        response: { 204: Empty, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await deleteAccount(ctx, request.viewer!, request.body);
      clearSessionCookie(reply, origin);
      return reply.status(204).send(null);
    },
  );
}
