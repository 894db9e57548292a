import { describe, expect, it } from 'vitest';
import { passwordResetsSettled } from '../../server/auth/password-reset.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, participant, PASSWORD, postComment, sessionCookieOf, type Agent } from '../helpers/factories.ts';
import { joinTopic, nextEvent, type ClientSocket, useSockets } from '../helpers/sockets.ts';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../helpers/test-app.ts';

// A password reset and a deleted account end every session of the user: their sockets too, on
// the spot. A withdrawal by deletion reaches live readers like any withdrawal.

async function signInAgain(t: TestApp, agent: Agent): Promise<Agent> {
  const response = await call(t, 'POST', '/api/auth/login', { body: { email: agent.user.email, password: PASSWORD } });
  expect(response.statusCode).toBe(200);
  return { ...agent, cookie: sessionCookieOf(response) };
}

/** Why the server cut the socket, or a failure when it did not within a few seconds. */
const disconnected = (socket: ClientSocket): Promise<string> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket was not cut')), 5_000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

describeOnEachDatabase('realtime: accounts', (kind) => {
  const t = useTestApp(kind);
  const { open } = useSockets(t);

  describe('sessions ended by the account', () => {
    it('cuts the sockets of every session of the user when a reset sets a new password', async () => {
      const agent = await participant(t);
      const second = await signInAgain(t, agent);
      const [first, other] = await Promise.all([open(agent), open(second)]);
      const cut = [disconnected(first), disconnected(other)];

      expect((await call(t, 'POST', '/api/auth/password-reset', { body: { email: agent.user.email } })).statusCode).toBe(202);
      await passwordResetsSettled(t.ctx);
      const mail = await t.ctx.db
        .selectFrom('mail_outbox')
        .select('text_body')
        .where('to_address', '=', agent.user.email)
        .where('kind', '=', 'password_reset')
        .executeTakeFirstOrThrow();
      const token = new RegExp(`${TEST_ORIGIN}/reset-password\\?token=([a-z2-7]+)`).exec(mail.text_body)![1]!;
      expect((await call(t, 'POST', '/api/auth/password-reset/confirm', { body: { token, newPassword: 'a brand new passphrase' } })).statusCode).toBe(204);

      expect(await Promise.all(cut)).toEqual(['io server disconnect', 'io server disconnect']);
      expect((await call(t, 'GET', '/api/auth/me', { as: second })).statusCode).toBe(401);
    });

    it('cuts the sockets of a deleted account, and shows live readers its withdrawn comments as placeholders', async () => {
      const { topic } = await dialogueWithTopic(t);
      const agent = await participant(t);
      const posted = await postComment(t, agent, topic.id, { body: 'Soon withdrawn.' });
      const [own, reader] = await Promise.all([open(agent), open(null)]);
      await joinTopic(reader, topic.id);
      const cut = disconnected(own);
      const removed = nextEvent(reader, 'comment:removed', (comment) => comment.id === posted.id);

      const deleted = await call(t, 'DELETE', '/api/auth/me', { as: agent, body: { password: PASSWORD, comments: 'withdraw' } });
      expect(deleted.statusCode).toBe(204);
      expect(await cut).toBe('io server disconnect');
      expect(await removed).toMatchObject({ id: posted.id, status: 'withdrawn', bodyHtml: '', author: { former: true, displayName: null } });
    });
  });
});
