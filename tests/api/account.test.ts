import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { MyData } from '../../shared/account.ts';
import type { Comment, CommentPage } from '../../shared/comments.ts';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { AuditLog } from '../../shared/moderation.ts';
import type { Practice, PracticeList } from '../../shared/practices.ts';
import type { DialogueQuotes } from '../../shared/quotes.ts';
import type { SearchResults } from '../../shared/search.ts';
import type { PeopleList, User } from '../../shared/users.ts';
import { hashToken } from '../../server/auth/one-time-tokens.ts';
import { passwordResetsSettled } from '../../server/auth/password-reset.ts';
import { HOUR, toIso } from '../../server/lib/time.ts';
import { insertNotification } from '../../server/notifications/notifications.repository.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import {
  PASSWORD,
  anonymous,
  call,
  createDialogue,
  createTopic,
  dialogueWithTopic,
  moderator,
  organizer,
  participant,
  postComment,
  sessionCookieOf,
  uniqueEmail,
  withRole,
  type Agent,
} from '../helpers/factories.ts';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../helpers/test-app.ts';

const NEW_PASSWORD = 'a brand new passphrase';

const login = (t: TestApp, email: string, password: string, remoteAddress?: string) =>
  call(t, 'POST', '/api/auth/login', { body: { email, password }, remoteAddress });

async function signInAgain(t: TestApp, agent: Agent): Promise<Agent> {
  const response = await login(t, agent.user.email, PASSWORD);
  expect(response.statusCode).toBe(200);
  return { ...agent, cookie: sessionCookieOf(response) };
}

const me = (t: TestApp, as: Agent | null) => call(t, 'GET', '/api/auth/me', { as });
const meUser = async (t: TestApp, as: Agent): Promise<User> => (await me(t, as)).json<{ user: User }>().user;

/** Every IP used once: the per-IP limit of reset requests never gets in the way of a test about something else. */
let lastOctet = 0;
const freshIp = (): string => {
  lastOctet += 1;
  return `10.${Math.floor(lastOctet / 250) % 250}.${lastOctet % 250}.7`;
};

async function askReset(t: TestApp, email: string, remoteAddress = freshIp()): Promise<LightMyRequestResponse> {
  return call(t, 'POST', '/api/auth/password-reset', { body: { email }, remoteAddress });
}

const confirmReset = (t: TestApp, token: string, newPassword = NEW_PASSWORD) =>
  call(t, 'POST', '/api/auth/password-reset/confirm', { body: { token, newPassword } });

const confirmVerify = (t: TestApp, token: string) => call(t, 'POST', '/api/auth/verify-email/confirm', { body: { token } });

/** The mails of this kind queued to an address, oldest first. */
async function outbox(t: TestApp, address: string, kind: 'password_reset' | 'verify_email') {
  return t.ctx.db
    .selectFrom('mail_outbox')
    .select(['text_body', 'html_body', 'subject', 'language', 'created_at', 'headers'])
    .where('to_address', '=', address.toLowerCase())
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute();
}

/** The token in the link of the latest mail of this kind to an address (the reset ones are queued after the 202: waited for). */
async function mailedToken(t: TestApp, address: string, kind: 'password_reset' | 'verify_email'): Promise<string> {
  await passwordResetsSettled(t.ctx);
  const mails = await outbox(t, address, kind);
  const text = mails.at(-1)?.text_body ?? '';
  const page = kind === 'password_reset' ? 'reset-password' : 'verify-email';
  const link = new RegExp(`${TEST_ORIGIN}/${page}\\?token=([a-z2-7]+)`).exec(text);
  if (!link) throw new Error(`no ${kind} link mailed to ${address}:\n${text}`);
  return link[1]!;
}

const expectError = (response: LightMyRequestResponse, status: number, code: string): void => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json<{ error: { code: string } }>().error.code).toBe(code);
};

const comments = async (t: TestApp, topicId: string, as: Agent | null = anonymous): Promise<Comment[]> =>
  (await call(t, 'GET', `/api/topics/${topicId}/comments`, { as })).json<CommentPage>().items;

const deleteMe = (t: TestApp, as: Agent | null, body: unknown) => call(t, 'DELETE', '/api/auth/me', { as, body });

/** Submits a good practice (201), then has moderators take the decisions given, in order. */
async function practice(
  t: TestApp,
  as: Agent,
  fields: Record<string, unknown>,
  decisions: { by: Agent; action: 'publish' | 'return' | 'unpublish'; reason?: string }[] = [],
): Promise<Practice> {
  const body = { organization: 'Example Network', countries: ['ES'], themes: ['inclusion'], description: 'What it does.', language: 'en', ...fields };
  const created = await call(t, 'POST', '/api/practices', { as, body });
  expect(created.statusCode, created.body).toBe(201);
  let latest = created.json<Practice>();
  for (const { by, action, reason } of decisions) {
    const decided = await call(t, 'POST', `/api/practices/${latest.id}/moderation`, { as: by, body: reason === undefined ? { action } : { action, reason } });
    expect(decided.statusCode, decided.body).toBe(200);
    latest = decided.json<Practice>();
  }
  return latest;
}

const practiceIds = async (t: TestApp, as: Agent | null): Promise<string[]> =>
  (await call(t, 'GET', '/api/practices?limit=200', { as })).json<PracticeList>().items.map((item) => item.id);

const searchIds = async (t: TestApp, q: string, as: Agent | null): Promise<string[]> =>
  (await call(t, 'GET', `/api/search?type=practice&q=${encodeURIComponent(q)}`, { as })).json<SearchResults>().items.map((item) => item.id);

describeOnEachDatabase('accounts', (kind) => {
  const t = useTestApp(kind);

  describe('POST /api/auth/password-reset', () => {
    it('answers 202 with nothing for an unknown address and a known one alike, and mails only the known one', async () => {
      const known = await participant(t, { language: 'fr' });
      const unknown = uniqueEmail('nobody');
      const [forKnown, forUnknown] = [await askReset(t, known.user.email.toUpperCase()), await askReset(t, unknown)];
      for (const response of [forKnown, forUnknown]) {
        expect(response.statusCode).toBe(202);
        expect(response.body).toBe('');
        expect(response.cookies).toEqual([]);
      }
      expect(Object.keys(forKnown.headers).sort()).toEqual(Object.keys(forUnknown.headers).sort());

      const token = await mailedToken(t, known.user.email, 'password_reset');
      expect(await outbox(t, unknown, 'password_reset')).toEqual([]);
      const [mail] = await outbox(t, known.user.email, 'password_reset');
      expect(mail!.language).toBe('fr');
      expect(mail!.html_body).toContain(`${TEST_ORIGIN}/reset-password?token=${token}`);
      // No setting turns account mail off: its unsubscribe link (every mail has one) says it turns off everything else.
      expect(JSON.parse(mail!.headers)).toMatchObject({ 'List-Unsubscribe': expect.stringContaining(`<${TEST_ORIGIN}/api/unsubscribe?token=`) });
      expect(mail!.text_body).toContain(`Ne plus recevoir aucun avis ni résumé par courriel\u00a0: ${TEST_ORIGIN}/unsubscribe?token=`);
      expect(mail!.text_body).toContain(`Vos réglages de courriel\u00a0: ${TEST_ORIGIN}/profile#email`);

      // Only the token's SHA-256 is stored, and it lives an hour.
      const rows = await t.ctx.db.selectFrom('auth_tokens').selectAll().where('user_id', '=', known.user.id).where('purpose', '=', 'password_reset').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.token_hash).toBe(hashToken(token));
      expect(rows[0]!.token_hash).not.toContain(token);
      expect(Date.parse(rows[0]!.expires_at) - Date.parse(rows[0]!.created_at)).toBe(HOUR);
      expect(token.length).toBeGreaterThanOrEqual(32);
    });

    it('validates the body (400) and takes a well-formed address it does not know', async () => {
      expectError(await call(t, 'POST', '/api/auth/password-reset', { body: {}, remoteAddress: freshIp() }), 400, 'validation_failed');
      expectError(
        await call(t, 'POST', '/api/auth/password-reset', { body: { email: 'a@b.c', extra: 1 }, remoteAddress: freshIp() }),
        400,
        'validation_failed',
      );
      expect((await askReset(t, 'not even an address')).statusCode).toBe(202);
    });

    it('limits requests per address, known or not, and per IP: 429 with Retry-After', async () => {
      const known = await participant(t);
      for (const address of [known.user.email, uniqueEmail('ghost')]) {
        for (let i = 0; i < 5; i++) expect((await askReset(t, address)).statusCode).toBe(202);
        const refused = await askReset(t, address);
        expectError(refused, 429, 'rate_limited');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      await passwordResetsSettled(t.ctx);
      expect(await outbox(t, known.user.email, 'password_reset')).toHaveLength(5);

      const ip = freshIp();
      for (let i = 0; i < 20; i++) expect((await askReset(t, uniqueEmail('many'), ip)).statusCode).toBe(202);
      const refused = await askReset(t, uniqueEmail('many'), ip);
      expectError(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });
  });

  describe('POST /api/auth/password-reset/confirm', () => {
    it('sets the new password, ends every session, verifies the address, and takes the token once', async () => {
      const agent = await participant(t);
      const second = await signInAgain(t, agent);
      expect((await meUser(t, agent)).emailVerified).toBe(false);
      await askReset(t, agent.user.email);
      const token = await mailedToken(t, agent.user.email, 'password_reset');

      const confirmed = await confirmReset(t, token);
      expect(confirmed.statusCode).toBe(204);
      expect(confirmed.body).toBe('');
      expect(confirmed.cookies).toEqual([]);
      for (const session of [agent, second]) expect((await me(t, session)).statusCode).toBe(401);
      expectError(await login(t, agent.user.email, PASSWORD, freshIp()), 401, 'invalid_credentials');
      const signedIn = await login(t, agent.user.email, NEW_PASSWORD, freshIp());
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json<{ user: User }>().user.emailVerified).toBe(true);

      expectError(await confirmReset(t, token, 'yet another passphrase'), 400, 'invalid_token');
      expect((await login(t, agent.user.email, NEW_PASSWORD, freshIp())).statusCode).toBe(200);
    });

    it('lets exactly one of two simultaneous confirmations with the same token through', async () => {
      const agent = await participant(t);
      await askReset(t, agent.user.email);
      const token = await mailedToken(t, agent.user.email, 'password_reset');
      const answers = await Promise.all([confirmReset(t, token, 'first new passphrase'), confirmReset(t, token, 'second new passphrase')]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([204, 400]);
      const winner = answers[0]!.statusCode === 204 ? 'first new passphrase' : 'second new passphrase';
      expect((await login(t, agent.user.email, winner, freshIp())).statusCode).toBe(200);
    });

    it('refuses an expired, an unknown, a superseded or a malformed token with 400 invalid_token', async () => {
      const agent = await participant(t);
      await askReset(t, agent.user.email);
      const older = await mailedToken(t, agent.user.email, 'password_reset');
      await askReset(t, agent.user.email);
      const newer = await mailedToken(t, agent.user.email, 'password_reset');
      expect(newer).not.toBe(older);
      expectError(await confirmReset(t, older), 400, 'invalid_token');

      await t.ctx.db
        .updateTable('auth_tokens')
        .set({ expires_at: toIso(Date.now() - 1_000) })
        .where('token_hash', '=', hashToken(newer))
        .execute();
      expectError(await confirmReset(t, newer), 400, 'invalid_token');
      expectError(await confirmReset(t, 'a'.repeat(32)), 400, 'invalid_token');
      expectError(await confirmReset(t, '../../etc/passwd'), 400, 'invalid_token');
      expect((await login(t, agent.user.email, PASSWORD, freshIp())).statusCode).toBe(200);

      // A verification token is no reset token.
      const verification = await mailedToken(t, agent.user.email, 'verify_email');
      expectError(await confirmReset(t, verification), 400, 'invalid_token');
    });

    it('checks the body: a short password or an unknown field is 400 validation_failed', async () => {
      expectError(await confirmReset(t, 'a'.repeat(32), 'short'), 400, 'validation_failed');
      expectError(
        await call(t, 'POST', '/api/auth/password-reset/confirm', { body: { token: 'x', newPassword: NEW_PASSWORD, email: 'a@b.c' } }),
        400,
        'validation_failed',
      );
    });
  });

  describe('verifying the address', () => {
    it('mails a link on registration; confirming it verifies the address, once', async () => {
      const agent = await participant(t, { language: 'es' });
      expect(agent.user.emailVerified).toBe(false);
      const [mail] = await outbox(t, agent.user.email, 'verify_email');
      expect(mail!.language).toBe('es');
      const token = await mailedToken(t, agent.user.email, 'verify_email');
      const row = await t.ctx.db.selectFrom('auth_tokens').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirstOrThrow();
      expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(7 * 24 * HOUR);

      // Confirmed from anywhere: the link may be opened in a browser that is not signed in.
      expect((await confirmVerify(t, token)).statusCode).toBe(204);
      expect((await meUser(t, agent)).emailVerified).toBe(true);
      expectError(await confirmVerify(t, token), 400, 'invalid_token');
      expectError(await call(t, 'POST', '/api/auth/verify-email', { as: agent }), 409, 'already_verified');
    });

    it('mails a new link on request; earlier links stay valid; each answers 202', async () => {
      const agent = await participant(t);
      const first = await mailedToken(t, agent.user.email, 'verify_email');
      const asked = await call(t, 'POST', '/api/auth/verify-email', { as: agent });
      expect(asked.statusCode).toBe(202);
      expect(asked.body).toBe('');
      expect(await outbox(t, agent.user.email, 'verify_email')).toHaveLength(2);
      const second = await mailedToken(t, agent.user.email, 'verify_email');
      expect(second).not.toBe(first);
      expect((await confirmVerify(t, first)).statusCode).toBe(204);
      expect((await meUser(t, agent)).emailVerified).toBe(true);
    });

    it('refuses an expired token, and one mailed to an address the account no longer has', async () => {
      const agent = await participant(t);
      const token = await mailedToken(t, agent.user.email, 'verify_email');
      await t.ctx.db
        .updateTable('auth_tokens')
        .set({ expires_at: toIso(Date.now() - 1_000) })
        .where('token_hash', '=', hashToken(token))
        .execute();
      expectError(await confirmVerify(t, token), 400, 'invalid_token');

      const other = await participant(t);
      const otherToken = await mailedToken(t, other.user.email, 'verify_email');
      await t.ctx.db
        .updateTable('users')
        .set({ email: uniqueEmail('moved') })
        .where('id', '=', other.user.id)
        .execute();
      expectError(await confirmVerify(t, otherToken), 400, 'invalid_token');
      expect((await meUser(t, other)).emailVerified).toBe(false);
    });

    it('limits requests for a link per user: 429 with Retry-After', async () => {
      const agent = await participant(t);
      for (let i = 0; i < 5; i++) expect((await call(t, 'POST', '/api/auth/verify-email', { as: agent })).statusCode).toBe(202);
      const refused = await call(t, 'POST', '/api/auth/verify-email', { as: agent });
      expectError(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Someone else still may.
      expect((await call(t, 'POST', '/api/auth/verify-email', { as: await participant(t) })).statusCode).toBe(202);
    });

    it('asks anonymous callers to sign in first (401), and validates the confirmation body (400)', async () => {
      expectError(await call(t, 'POST', '/api/auth/verify-email'), 401, 'not_signed_in');
      expectError(await call(t, 'POST', '/api/auth/verify-email/confirm', { body: {} }), 400, 'validation_failed');
      expectError(await confirmVerify(t, 'z'.repeat(32)), 400, 'invalid_token');
    });
  });

  describe('dialogues that require a verified address', () => {
    it('is off by default, set by organizers, shown to everyone, kept by a copy; unverified participants get 403 until they verify', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      expect(dialogue.requireVerifiedEmail).toBe(false);
      const patched = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { requireVerifiedEmail: true } });
      expect(patched.statusCode).toBe(200);
      expect(patched.json<Dialogue>().requireVerifiedEmail).toBe(true);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}`)).json<Dialogue>().requireVerifiedEmail).toBe(true);
      expectError(await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { requireVerifiedEmail: 'yes' } }), 400, 'validation_failed');

      const agent = await participant(t);
      expectError(await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: agent, body: { requireVerifiedEmail: false } }), 403, 'forbidden');
      const refused = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: agent, body: { body: 'Hello.' } });
      expectError(refused, 403, 'email_not_verified');
      expect(refused.json<{ error: { message: string } }>().error.message).toMatch(/verify/i);

      expect((await confirmVerify(t, await mailedToken(t, agent.user.email, 'verify_email'))).statusCode).toBe(204);
      expect((await postComment(t, agent, topic.id, { body: 'Verified now.' })).status).toBe('published');

      // The dialogue's moderators are not asked; a dialogue that does not require it asks no one.
      const mod = await moderator(t, dialogue);
      expect((await postComment(t, mod, topic.id)).status).toBe('published');
      const open = await dialogueWithTopic(t);
      expect((await postComment(t, await participant(t), open.topic.id)).status).toBe('published');

      const copy = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/copy`, {
        as: owner,
        body: { slug: `${dialogue.slug}-copy`, title: 'Copy', opensAt: dialogue.opensAt, closesAt: dialogue.closesAt },
      });
      expect(copy.statusCode).toBe(201);
      expect(copy.json<Dialogue>().requireVerifiedEmail).toBe(true);
      const created = await createDialogue(t, owner, { requireVerifiedEmail: true });
      expect(created.requireVerifiedEmail).toBe(true);
    });
  });

  describe('GET /api/auth/me/export', () => {
    it('sends everything stored about the user as a dated JSON attachment, and nothing of anyone else', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const agent = await participant(t, { displayName: 'Exporting Person', organization: 'Diaspora Forum' });
      const other = await participant(t, { displayName: 'Someone Else' });
      const theirs = await postComment(t, other, topic.id, { body: 'Their words.' });
      const mine = await postComment(t, agent, topic.id, { body: 'My first words.' });
      expect((await call(t, 'PATCH', `/api/comments/${mine.id}`, { as: agent, body: { body: 'My better words.' } })).statusCode).toBe(200);
      expect((await call(t, 'POST', `/api/comments/${theirs.id}/reports`, { as: agent, body: { reason: 'spam', details: 'Adverts.' } })).statusCode).toBe(201);
      const quote = await call(t, 'POST', `/api/comments/${mine.id}/quotes`, { as: owner, body: { attribution: 'none' } });
      expect(quote.statusCode).toBe(201);
      const now = toIso(Date.now());
      await insertNotification(t.ctx.db, { userId: agent.user.id, kind: 'comment.reply', commentId: theirs.id, topicId: topic.id, message: 'A reply.', now });
      await insertNotification(t.ctx.db, { userId: other.user.id, kind: 'comment.reply', commentId: mine.id, topicId: topic.id, message: 'Not mine.', now });
      // Posting may have followed the topic already.
      await t.ctx.db
        .insertInto('topic_follows')
        .values({ user_id: agent.user.id, topic_id: topic.id, created_at: now })
        .onConflict((conflict) => conflict.columns(['user_id', 'topic_id']).doNothing())
        .execute();

      const response = await call(t, 'GET', '/api/auth/me/export', { as: agent });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="my-data-${new Date().toISOString().slice(0, 10)}.json"`);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).not.toMatch(/argon2|password/i);
      expect(response.body).not.toContain('Their words.');
      expect(response.body).not.toContain('Not mine.');
      const data = response.json<MyData>();

      expect(data.profile).toMatchObject({
        id: agent.user.id,
        email: agent.user.email,
        displayName: 'Exporting Person',
        organization: 'Diaspora Forum',
        emailVerifiedAt: null,
        role: 'participant',
      });
      expect(data.comments).toHaveLength(1);
      expect(data.comments[0]).toMatchObject({ id: mine.id, dialogue: dialogue.slug, topicId: topic.id, body: 'My better words.', status: 'published' });
      expect(data.comments[0]!.revisions).toEqual([expect.objectContaining({ body: 'My first words.', byModerator: false })]);
      expect(data.reports).toEqual([expect.objectContaining({ commentId: theirs.id, reason: 'spam', details: 'Adverts.' })]);
      // (Quoting them, say, may have notified them too.)
      expect(data.notifications).toContainEqual(expect.objectContaining({ kind: 'comment.reply', message: 'A reply.', commentId: theirs.id }));
      expect(data.follows).toEqual([expect.objectContaining({ topicId: topic.id, following: true })]);
      expect(data.quotes).toEqual([expect.objectContaining({ commentId: mine.id, attribution: 'none', consentWithdrawn: false })]);
      expect(data.mail).toContainEqual(expect.objectContaining({ kind: 'verify_email' }));
      expect(data.moderates).toEqual([]);
      expect(data.suspensions).toEqual([]);
    });

    it('lists the good practices submitted, in every status, with all their fields and their private contact', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const agent = await participant(t);
      const source = await postComment(t, agent, topic.id, { body: 'We run language cafés.' });
      const published = await practice(
        t,
        agent,
        {
          title: 'Language cafés',
          countries: ['ES', 'PT'],
          themes: ['language learning'],
          description: 'Volunteers meet **newcomers** every week.',
          link: 'https://example.org/cafes',
          contact: 'cafes@example.org',
          language: 'es',
          sourceCommentId: source.id,
        },
        [{ by: owner, action: 'publish' }],
      );
      const returned = await practice(t, agent, { title: 'Mentoring', contact: 'mentors@example.org' }, [
        { by: owner, action: 'return', reason: 'Say where.' },
      ]);
      const waiting = await practice(t, agent, { title: 'Job fairs', countries: ['SN'] });
      await practice(t, await participant(t), { title: 'Someone else’s practice', contact: 'other@example.org' });

      const response = await call(t, 'GET', '/api/auth/me/export', { as: agent });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('other@example.org');
      const data = response.json<MyData>();
      expect(data.practices.map((p) => p.id)).toEqual([published.id, returned.id, waiting.id]);
      expect(data.practices[0]).toEqual({
        id: published.id,
        title: 'Language cafés',
        organization: 'Example Network',
        countries: ['ES', 'PT'],
        continent: 'europe',
        themes: ['language learning'],
        description: 'Volunteers meet **newcomers** every week.',
        link: 'https://example.org/cafes',
        contact: 'cafes@example.org',
        language: 'es',
        dialogue: dialogue.slug,
        sourceCommentId: source.id,
        status: 'published',
        returnReason: null,
        createdAt: published.createdAt,
        updatedAt: published.updatedAt,
        publishedAt: published.publishedAt,
      });
      expect(data.practices[0]!.publishedAt).toEqual(expect.any(String));
      expect(data.practices[1]).toMatchObject({ status: 'returned', returnReason: 'Say where.', contact: 'mentors@example.org', publishedAt: null });
      expect(data.practices[2]).toMatchObject({
        status: 'submitted',
        continent: 'africa',
        contact: null,
        link: null,
        dialogue: null,
        sourceCommentId: null,
        returnReason: null,
      });
    });

    it('asks anonymous callers to sign in (401)', async () => {
      expectError(await call(t, 'GET', '/api/auth/me/export'), 401, 'not_signed_in');
    });
  });

  describe('DELETE /api/auth/me', () => {
    it('keeps the comments as a former participant’s: the account is gone, its address free, its sessions ended', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const agent = await participant(t, { displayName: 'Leaving Person', quoteConsent: 'name', organization: 'Org' });
      const second = await signInAgain(t, agent);
      const reader = await participant(t);
      const kept = await postComment(t, agent, topic.id, { body: 'Words that stay.' });
      const reply = await postComment(t, reader, topic.id, { body: 'An answer.', parentId: kept.id });
      const quote = await call(t, 'POST', `/api/comments/${kept.id}/quotes`, { as: owner, body: { attribution: 'name' } });
      expect(quote.statusCode).toBe(201);
      await call(t, 'PUT', `/api/topics/${topic.id}/follow`, { as: agent });

      const deleted = await deleteMe(t, agent, { password: PASSWORD, comments: 'keep_anonymous' });
      expect(deleted.statusCode).toBe(204);
      expect(deleted.cookies.find((cookie) => cookie.name === 'session')?.value).toBe('');
      for (const session of [agent, second]) expect((await me(t, session)).statusCode).toBe(401);
      expectError(await login(t, agent.user.email, PASSWORD, freshIp()), 401, 'invalid_credentials');

      for (const as of [anonymous, reader, owner]) {
        const shown = (await comments(t, topic.id, as)).find((comment) => comment.id === kept.id)!;
        expect(shown.status).toBe('published');
        expect(shown.bodyHtml).toContain('Words that stay.');
        expect(shown.author).toMatchObject({ id: agent.user.id, displayName: null, affiliation: null, former: true });
      }
      const answer = (await comments(t, topic.id)).find((comment) => comment.id === reply.id)!;
      expect(answer.author.former).toBeUndefined();

      // Nothing left that names them: the row is emptied, its links to them gone.
      const row = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', agent.user.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        email: `deleted-${agent.user.id}@invalid`,
        display_name: '',
        organization: null,
        role: 'participant',
        quote_consent: 'anonymous',
      });
      expect(row.deleted_at).not.toBeNull();
      expect(row.password_hash).not.toMatch(/^\$argon2/);
      for (const table of ['sessions', 'auth_tokens', 'topic_follows', 'notifications', 'topic_reads'] as const) {
        const left = await t.ctx.db.selectFrom(table).select('user_id').where('user_id', '=', agent.user.id).execute();
        expect(left, table).toEqual([]);
      }
      // Only a message a mail worker was sending at that very moment may remain, without the address.
      const mail = await t.ctx.db.selectFrom('mail_outbox').select('to_address').where('user_id', '=', agent.user.id).execute();
      expect(mail.filter((row) => row.to_address !== `deleted-${agent.user.id}@invalid`)).toEqual([]);
      const people = (await call(t, 'GET', `/api/users?q=${encodeURIComponent('deleted-')}`, { as: owner })).json<PeopleList>();
      expect(people.items.map((person) => person.id)).not.toContain(agent.user.id);

      // Their quote may only be anonymous now.
      const quotes = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/quotes`)).json<DialogueQuotes>();
      const shownQuote = quotes.topics.flatMap((entry) => entry.quotes).find((q) => q.commentId === kept.id)!;
      expect(shownQuote.effectiveAttribution).toBe('none');
      expect(shownQuote.attributionLabel).toEqual({ name: null, country: null, affiliation: null });
      expectError(await call(t, 'POST', `/api/comments/${kept.id}/quotes`, { as: owner, body: { attribution: 'country' } }), 409, 'quote_not_allowed');

      // The address may register again, as someone new.
      const again = await call(t, 'POST', '/api/auth/register', {
        body: { email: agent.user.email, password: PASSWORD, displayName: 'Back Again', country: 'ES' },
      });
      expect(again.statusCode).toBe(201);
      expect(again.json<{ user: User }>().user.id).not.toBe(agent.user.id);
      // Nor does a reset reach the deleted account.
      await askReset(t, agent.user.email);
      await passwordResetsSettled(t.ctx);
      expect(await t.ctx.db.selectFrom('auth_tokens').select('id').where('user_id', '=', agent.user.id).execute()).toEqual([]);
    });

    it('withdraws every comment on request: placeholders stay for the replies', async () => {
      const { topic } = await dialogueWithTopic(t);
      const agent = await participant(t);
      const reader = await participant(t);
      const first = await postComment(t, agent, topic.id, { body: 'First words.' });
      const second = await postComment(t, agent, topic.id, { body: 'Second words.' });
      const reply = await postComment(t, reader, topic.id, { body: 'An answer.', parentId: first.id });

      expect((await deleteMe(t, agent, { password: PASSWORD, comments: 'withdraw' })).statusCode).toBe(204);
      const shown = await comments(t, topic.id);
      for (const id of [first.id, second.id]) {
        const placeholder = shown.find((comment) => comment.id === id)!;
        expect(placeholder).toMatchObject({ status: 'withdrawn', bodyHtml: '' });
        expect(placeholder.author.former).toBe(true);
      }
      expect(shown.find((comment) => comment.id === reply.id)).toMatchObject({ status: 'published', parentId: first.id });
    });

    it('keeps published practices as a former participant’s without their contact, and deletes those never published', async () => {
      const owner = await organizer(t);
      const agent = await participant(t, { displayName: 'Leaving Person', affiliation: 'ngo' });
      const kept = await practice(t, agent, { title: 'Tandem libraries', contact: 'tandem@example.org' }, [{ by: owner, action: 'publish' }]);
      const pulled = await practice(t, agent, { title: 'Evening courses', contact: 'courses@example.org' }, [
        { by: owner, action: 'publish' },
        { by: owner, action: 'unpublish', reason: 'Outdated.' },
      ]);
      const waiting = await practice(t, agent, { title: 'Quokka welcome desks', contact: 'desk@example.org' });
      const returned = await practice(t, agent, { title: 'Quokka job mentors', contact: 'jobs@example.org' }, [
        { by: owner, action: 'return', reason: 'Say where it runs.' },
      ]);
      expect(await practiceIds(t, owner)).toEqual(expect.arrayContaining([kept.id, pulled.id, waiting.id, returned.id]));
      expect((await searchIds(t, 'quokka', owner)).sort()).toEqual([waiting.id, returned.id].sort());

      expect((await deleteMe(t, agent, { password: PASSWORD, comments: 'keep_anonymous' })).statusCode).toBe(204);

      for (const as of [anonymous, owner]) {
        const response = await call(t, 'GET', `/api/practices/${kept.id}`, { as });
        expect(response.statusCode).toBe(200);
        const shown = response.json<Practice>();
        expect(shown).toMatchObject({ title: 'Tandem libraries', status: 'published' });
        expect(shown.submitter).toMatchObject({ id: agent.user.id, displayName: null, affiliation: null, former: true });
        expect(response.body).not.toContain('tandem@example.org');
      }
      expect((await call(t, 'GET', `/api/practices/${kept.id}`, { as: owner })).json<Practice>().contact).toBeNull();
      expect((await call(t, 'GET', `/api/practices/${pulled.id}`, { as: owner })).json<Practice>()).toMatchObject({ status: 'unpublished', contact: null });
      expect(await searchIds(t, 'tandem', anonymous)).toEqual([kept.id]);

      // What never was public is gone, for organizers too, from the list, its page and the search.
      const listed = await practiceIds(t, owner);
      expect(listed).toEqual(expect.arrayContaining([kept.id, pulled.id]));
      expect(listed).not.toContain(waiting.id);
      expect(listed).not.toContain(returned.id);
      for (const gone of [waiting, returned]) expectError(await call(t, 'GET', `/api/practices/${gone.id}`, { as: owner }), 404, 'not_found');
      expect(await searchIds(t, 'quokka', owner)).toEqual([]);
      const docs = await t.ctx.db
        .selectFrom('search_docs')
        .select('ref_id')
        .where('kind', '=', 'practice')
        .where('ref_id', 'in', [waiting.id, returned.id])
        .execute();
      expect(docs).toEqual([]);
      const contacts = await t.ctx.db.selectFrom('practices').select('contact').where('submitted_by', '=', agent.user.id).execute();
      expect(contacts).toEqual([{ contact: null }, { contact: null }]);

      // The audit log keeps its entries about the deleted practice; it no longer names the practice.
      const log = (await call(t, 'GET', '/api/moderation/log?limit=200', { as: owner })).json<AuditLog>();
      const entry = log.items.find((item) => item.targetId === returned.id);
      expect(entry).toMatchObject({ action: 'practice.return', targetType: 'practice', reason: 'Say where it runs.' });
      expect(entry!.practice).toBeUndefined();
    });

    it('refuses a request with a session cookie from another origin (403), before anything else', async () => {
      const agent = await participant(t);
      const forged = await call(t, 'DELETE', '/api/auth/me', { as: agent, origin: 'https://evil.example', body: { password: PASSWORD, comments: 'withdraw' } });
      expectError(forged, 403, 'origin_mismatch');
      expect((await me(t, agent)).statusCode).toBe(200);
    });

    it('refuses a wrong password (403), a bad body (400), and anonymous callers (401)', async () => {
      const agent = await participant(t);
      expectError(await deleteMe(t, agent, { password: 'not the password', comments: 'withdraw' }), 403, 'wrong_password');
      expectError(await deleteMe(t, agent, { password: PASSWORD }), 400, 'validation_failed');
      expectError(await deleteMe(t, agent, { password: PASSWORD, comments: 'delete' }), 400, 'validation_failed');
      expectError(await deleteMe(t, anonymous, { password: PASSWORD, comments: 'withdraw' }), 401, 'not_signed_in');
      expect((await me(t, agent)).statusCode).toBe(200);
    });

    it('lets an organizer leave while another organizer remains', async () => {
      await organizer(t);
      const leaving = await withRole(t, 'organizer');
      expect((await deleteMe(t, leaving, { password: PASSWORD, comments: 'keep_anonymous' })).statusCode).toBe(204);
    });
  });
});

describe('the account routes in the OpenAPI document', () => {
  const t = useTestApp('sqlite');

  it('are documented with a summary, their body and their answers', async () => {
    const document = (await call(t, 'GET', '/docs/json')).json<{
      paths: Record<
        string,
        Record<
          string,
          { summary?: string; requestBody?: unknown; responses: Record<string, { content?: Record<string, { schema?: { properties?: object } }> }> }
        >
      >;
    }>();
    const routes = [
      ['post', '/api/auth/password-reset', '202'],
      ['post', '/api/auth/password-reset/confirm', '204'],
      ['post', '/api/auth/verify-email', '202'],
      ['post', '/api/auth/verify-email/confirm', '204'],
      ['get', '/api/auth/me/export', '200'],
      ['delete', '/api/auth/me', '204'],
    ] as const;
    for (const [method, path, status] of routes) {
      const operation = document.paths[path]?.[method];
      expect(operation?.summary, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(operation!.responses)).toContain(status);
    }
    const exported = document.paths['/api/auth/me/export']!.get!.responses['200']!.content!['application/json']!.schema!;
    expect(Object.keys(exported.properties!)).toEqual(expect.arrayContaining(['profile', 'comments', 'reports', 'notifications', 'follows', 'quotes']));
  });
});

describeOnEachDatabase('deleting the last organizer', (kind) => {
  const t = useTestApp(kind);

  it('is refused with 409 last_organizer', async () => {
    const only = await organizer(t);
    const topicOwner = only;
    const dialogue = await createDialogue(t, topicOwner);
    await createTopic(t, topicOwner, dialogue.slug);
    expectError(await deleteMe(t, only, { password: PASSWORD, comments: 'keep_anonymous' }), 409, 'last_organizer');
    expect((await me(t, only)).statusCode).toBe(200);
  });
});
