import { describe, expect, it, vi } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import { toIso } from '../../server/lib/time.ts';
import { createTestDatabase, describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, PASSWORD, postComment, sessionCookieOf, type Agent } from '../helpers/factories.ts';
import { collect, connect, joinTopic, nextEvent, pause, useSockets, type ClientSocket } from '../helpers/sockets.ts';
import { testConfig, useTestApp, type TestApp } from '../helpers/test-app.ts';
import { buildApp } from '../../server/app.ts';
import type { App } from '../../server/types.ts';

/** Long enough for an event that was going to come to have come. */
const QUIET_MS = 300;

/** The same person signed in a second time: another session, another cookie. */
async function signInAgain(t: TestApp, agent: Agent): Promise<Agent> {
  const response = await call(t, 'POST', '/api/auth/login', { body: { email: agent.user.email, password: PASSWORD } });
  expect(response.statusCode).toBe(200);
  return { ...agent, cookie: sessionCookieOf(response) };
}

const sessionIdOf = (agent: Agent): string => agent.cookie!.slice('session='.length).split('.')[0]!;

async function expireSession(t: TestApp, agent: Agent): Promise<void> {
  await t.ctx.db
    .updateTable('sessions')
    .set({ expires_at: toIso(Date.now() - 1_000) })
    .where('id', '=', sessionIdOf(agent))
    .execute();
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

/** Every comment event a socket gets from now on. */
function commentEvents(socket: ClientSocket): Comment[] {
  const seen: Comment[] = [];
  for (const event of ['comment:created', 'comment:updated', 'comment:removed'] as const) socket.on(event, (comment) => seen.push(comment));
  return seen;
}

describeOnEachDatabase('realtime security', (kind) => {
  const t = useTestApp(kind);
  const { open } = useSockets(t);

  describe('a socket never outlives its session', () => {
    it('cuts the sockets of the other sessions when the password changes, and keeps the one that changed it', async () => {
      const { dialogue } = await dialogueWithTopic(t);
      const first = await moderator(t, dialogue);
      const second = await signInAgain(t, first);
      const [oldSocket, newSocket] = await Promise.all([open(first), open(second)]);
      const cut = disconnected(oldSocket);
      const changed = await call(t, 'PATCH', '/api/auth/me', { as: second, body: { password: 'a brand new passphrase', currentPassword: PASSWORD } });
      expect(changed.statusCode).toBe(200);
      expect(await cut).toBe('io server disconnect');
      await pause(QUIET_MS);
      expect(newSocket.connected).toBe(true);
      expect((await call(t, 'GET', '/api/auth/me', { as: first })).statusCode).toBe(401);
    });

    it('judges topic:join by the session as it stands now: an ended one catches up and listens as an anonymous reader', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      const socket = await open(mod);
      await postComment(t, await participant(t), topic.id, { body: 'Held for review.' });
      await expireSession(t, mod);
      const joined = await joinTopic(socket, topic.id, { afterSeq: 0 });
      expect(joined.missed).toEqual([]);
      const queued = collect(socket, 'moderation:queued');
      const created = commentEvents(socket);
      await postComment(t, await participant(t), topic.id, { body: 'Also held.' });
      await pause(QUIET_MS);
      expect(queued).toEqual([]);
      expect(created).toEqual([]);
    });

    it('drops the moderation feed of an idle socket when its session expires', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      // The check is due in weeks: catch the timer the handshake sets, and run it once the session is over.
      const timers = vi.spyOn(globalThis, 'setTimeout');
      let socket: ClientSocket;
      let expiryCheck: unknown;
      try {
        socket = await open(mod);
        expiryCheck = timers.mock.calls.find(([, delay]) => delay === 2 ** 31 - 1)?.[0];
      } finally {
        timers.mockRestore();
      }
      expect(expiryCheck).toBeTypeOf('function');
      await expireSession(t, mod);
      (expiryCheck as () => void)();
      await pause(QUIET_MS);
      const queued = collect(socket, 'moderation:queued');
      await postComment(t, await participant(t), topic.id, { body: 'Held after the session ended.' });
      await pause(QUIET_MS);
      expect(queued).toEqual([]);
      expect(socket.connected).toBe(true);
    });

    it('cuts the sockets of a participant at once when they are suspended', async () => {
      const { dialogue } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const someone = await participant(t);
      const socket = await open(someone);
      const cut = disconnected(socket);
      const until = toIso(Date.now() + 86_400_000);
      const suspended = await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: mod, body: { until, reason: 'Insults.' } });
      expect(suspended.statusCode).toBe(201);
      expect(await cut).toBe('io server disconnect');
    });
  });

  describe('held and unpublished content stays with those who may see it', () => {
    it('tells anonymous readers of a comment held by reports only that it went, without its text or its author’s name', async () => {
      const { topic, dialogue, owner } = await dialogueWithTopic(t);
      await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { reportsToHold: 1 } });
      const author = await participant(t, { displayName: 'Zora Quill' });
      const reader = await open(null);
      await joinTopic(reader, topic.id);
      const posted = await postComment(t, author, topic.id, { body: 'Words that get reported.' });
      const removed = nextEvent(reader, 'comment:removed', (c) => c.id === posted.id);
      const reported = await call(t, 'POST', `/api/comments/${posted.id}/reports`, { as: await participant(t), body: { reason: 'spam' } });
      expect(reported.statusCode).toBe(201);
      const event = await removed;
      expect(event).toMatchObject({ id: posted.id, status: 'pending', bodyHtml: '', author: { displayName: null } });
      expect(JSON.stringify(event)).not.toMatch(/reported|Zora/);
      expect(event).not.toHaveProperty('bodyMarkdown');
    });

    it('never shows the public a held comment withdrawn or hidden before it was published', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t, { displayName: 'Ulla Vesper' });
      const mod = await moderator(t, dialogue);
      const [anon, other] = await Promise.all([open(null), open(await participant(t))]);
      for (const socket of [anon, other]) await joinTopic(socket, topic.id);
      const seen = [...[anon, other].map(commentEvents)];
      const withdrawn = await postComment(t, author, topic.id, { body: 'Second thoughts.' });
      const hidden = await postComment(t, author, topic.id, { body: 'Never to be shown.' });
      expect((await call(t, 'DELETE', `/api/comments/${withdrawn.id}`, { as: author })).statusCode).toBe(204);
      const hide = await call(t, 'POST', `/api/comments/${hidden.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Off topic.' } });
      expect(hide.statusCode).toBe(200);
      await pause(QUIET_MS);
      expect(seen).toEqual([[], []]);

      // Nor through the thread or a catch-up: no placeholder, no name.
      const listed = await call(t, 'GET', `/api/topics/${topic.id}/comments`);
      expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
      const otherReader = await participant(t);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/comments`, { as: otherReader })).json<{ items: unknown[] }>().items).toEqual([]);
      const caughtUp = await joinTopic(await open(null), topic.id, { afterSeq: 0 });
      expect(caughtUp.missed).toEqual([]);
      expect(JSON.stringify(listed.json())).not.toMatch(/Ulla Vesper/);
      // Their author still sees both, as they are.
      const own = (await call(t, 'GET', `/api/topics/${topic.id}/comments`, { as: author })).json<{ items: { id: string; status: string }[] }>().items;
      expect(own.map((comment) => [comment.id, comment.status])).toEqual([
        [withdrawn.id, 'withdrawn'],
        [hidden.id, 'hidden'],
      ]);
    });

    it('keeps the placeholder of a comment hidden after it was approved, in the thread and in the live event', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t, { displayName: 'Ines Approved' });
      const mod = await moderator(t, dialogue);
      const posted = await postComment(t, author, topic.id, { body: 'Approved, then hidden.' });
      const approve = await call(t, 'POST', `/api/comments/${posted.id}/moderation`, { as: mod, body: { action: 'approve' } });
      expect(approve.statusCode).toBe(200);
      const anon = await open(null);
      await joinTopic(anon, topic.id);
      const removed = nextEvent(anon, 'comment:removed', (comment) => comment.id === posted.id);
      await call(t, 'POST', `/api/comments/${posted.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Personal data.' } });
      expect(await removed).toMatchObject({ id: posted.id, status: 'hidden' });
      const listed = (await call(t, 'GET', `/api/topics/${topic.id}/comments`)).json<{ items: { id: string; status: string }[] }>().items;
      expect(listed.map((comment) => [comment.id, comment.status])).toEqual([[posted.id, 'hidden']]);
    });

    it('takes everyone but organizers out of a dialogue’s rooms when it is unpublished', async () => {
      const { topic, dialogue, owner } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const [anon, reader, modSocket, organizerSocket] = await Promise.all([open(null), open(await participant(t)), open(mod), open(owner)]);
      for (const socket of [anon, reader, modSocket, organizerSocket]) {
        await joinTopic(socket, topic.id);
        expect(await socket.emitWithAck('dialogue:join', { dialogueId: dialogue.id })).toMatchObject({ ok: true });
      }
      expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { published: false } })).statusCode).toBe(200);
      await pause(QUIET_MS);
      const outsiders = [anon, reader, modSocket];
      const topicChanges = outsiders.map((socket) => collect(socket, 'topic:changed'));
      const comments = outsiders.map(commentEvents);
      const summaries = outsiders.map((socket) => collect(socket, 'summary:changed'));

      const reworded = nextEvent(organizerSocket, 'topic:changed', (x) => x.question === 'Reworded in private?');
      await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { question: 'Reworded in private?' } });
      await reworded;
      const posted = nextEvent(organizerSocket, 'comment:created');
      await postComment(t, owner, topic.id, { body: 'Behind closed doors.' });
      await posted;
      const summarized = nextEvent(organizerSocket, 'summary:changed', (x) => x.dialogueId === dialogue.id);
      t.ctx.realtime.summaryChanged(dialogue.id, null);
      await summarized;
      await pause(QUIET_MS);
      expect(topicChanges).toEqual([[], [], []]);
      expect(comments).toEqual([[], [], []]);
      expect(summaries).toEqual([[], [], []]);
      expect(await anon.emitWithAck('topic:join', { topicId: topic.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});

describeOnEachDatabase('realtime and visit limits', (kind) => {
  const t = useTestApp(kind, { rateLimitSocketsPerAddress: 3, rateLimitCatchUpPerMinute: 5, rateLimitNewVisitorsPerHour: 3 });
  const live = useSockets(t);
  const connectAnonymously = () => connect(live.url, null);

  it('refuses sockets past the per-address cap in the handshake, and takes one again once another closed', async () => {
    const allowed = await Promise.all([connectAnonymously(), connectAnonymously(), connectAnonymously()]);
    await expect(connectAnonymously()).rejects.toThrow(/Too many connections from this address/);
    allowed[0]!.disconnect();
    await pause(QUIET_MS);
    const again = await connectAnonymously();
    expect(again.connected).toBe(true);
    for (const socket of [...allowed, again]) socket.disconnect();
    await pause(QUIET_MS);
  });

  it('answers topic:join with rate_limited once the address used up its catch-up budget for the minute, on any socket', async () => {
    const { topic } = await dialogueWithTopic(t);
    const author = await participant(t);
    for (let i = 0; i < 3; i += 1) await postComment(t, author, topic.id, { body: `Comment ${i}.` });
    const socket = await connectAnonymously();
    try {
      expect((await joinTopic(socket, topic.id, { afterSeq: 0 })).missed).toHaveLength(3);
      // What is left of the budget (2 of 5) is sent, and `more` sends the client to the HTTP thread.
      expect(await joinTopic(socket, topic.id, { afterSeq: 0 })).toMatchObject({ missed: [expect.anything(), expect.anything()], more: true });
      expect(await socket.emitWithAck('topic:join', { topicId: topic.id, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      // Following the topic live costs nothing: only catch-up is budgeted.
      expect(await socket.emitWithAck('topic:join', { topicId: topic.id })).toMatchObject({ ok: true });
      // The budget is the address's: a fresh socket from it finds it spent.
      const fresh = await connectAnonymously();
      expect(await fresh.emitWithAck('topic:join', { topicId: topic.id, afterSeq: 0 })).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      fresh.disconnect();
    } finally {
      socket.disconnect();
    }
  });

  it('issues its own signed visitor id and trusts none a client made up or altered', async () => {
    const { dialogue } = await dialogueWithTopic(t);
    const visit = (cookie: string) => call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, { body: { path: '/' }, headers: { cookie } });
    const invented = await visit('vid=abcdefghijklmnopqrstuvwx');
    expect(invented.statusCode).toBe(204);
    const issued = invented.cookies.find((c) => c.name === 'vid')?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe('abcdefghijklmnopqrstuvwx');
    const returning = await visit(`vid=${issued}`);
    expect(returning.cookies.find((c) => c.name === 'vid')).toBeUndefined();
    const altered = await visit(`vid=${issued!.slice(0, 24)}.${'A'.repeat(issued!.length - 25)}`);
    expect(altered.cookies.find((c) => c.name === 'vid')?.value).not.toBe(issued);
    const rows = await t.ctx.db.selectFrom('visits').select('visitor_id').where('dialogue_id', '=', dialogue.id).execute();
    expect(rows.map((r) => r.visitor_id)).not.toContain('abcdefghijklmnopqrstuvwx');
    expect(rows.filter((r) => r.visitor_id === issued)).toHaveLength(2);
  });

  it('counts at most the configured number of new visitors from one address an hour, and still answers 204', async () => {
    const { dialogue } = await dialogueWithTopic(t);
    const statuses: number[] = [];
    const cookies: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, { body: { path: '/' }, remoteAddress: '203.0.113.7' });
      statuses.push(response.statusCode);
      const vid = response.cookies.find((c) => c.name === 'vid');
      if (vid) cookies.push(vid.value);
    }
    expect(statuses).toEqual([204, 204, 204, 204, 204]);
    expect(cookies).toHaveLength(3);
    const rows = await t.ctx.db.selectFrom('visits').select('visitor_id').where('dialogue_id', '=', dialogue.id).execute();
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.visitor_id)).size).toBe(4);
  });
});

describeOnEachDatabase('the visitor-id key', (kind) => {
  it('is kept in the database, so a restart or another node on it knows the visitors issued before', async () => {
    const testDb = await createTestDatabase(kind);
    const nodes = await Promise.all([0, 1].map(() => buildApp({ config: testConfig(), database: testDb.database })));
    try {
      const [first, second] = nodes as [App, App];
      expect(first.ctx.visitorSecret).toBe(second.ctx.visitorSecret);
      const owner = { app: first, ctx: first.ctx, testDb, close: async () => undefined };
      const { dialogue } = await dialogueWithTopic(owner);
      const visit = (app: App, cookie?: string) =>
        app.inject({ method: 'POST', url: `/api/dialogues/${dialogue.slug}/visits`, payload: { path: '/' }, headers: cookie ? { cookie } : {} });
      const issued = (await visit(first)).cookies.find((c) => c.name === 'vid')?.value;
      expect(issued).toBeDefined();
      const elsewhere = await visit(second, `vid=${issued}`);
      expect(elsewhere.statusCode).toBe(204);
      expect(elsewhere.cookies.find((c) => c.name === 'vid')).toBeUndefined();
    } finally {
      await Promise.all(nodes.map((app) => app.close()));
      await testDb.drop();
    }
  });
});

describeOnEachDatabase('the catch-up budget under a parallel burst', (kind) => {
  const t = useTestApp(kind, { rateLimitCatchUpPerMinute: 10 });
  const { open } = useSockets(t);

  it('never sends one address more than its budget, however many joins run at once', async () => {
    const { topic } = await dialogueWithTopic(t);
    const author = await participant(t);
    for (let i = 0; i < 4; i += 1) await postComment(t, author, topic.id, { body: `Comment ${i}.` });
    const sockets = await Promise.all([open(null), open(null), open(null)]);
    const replies = await Promise.all(
      sockets.flatMap((socket) => Array.from({ length: 8 }, () => socket.timeout(10_000).emitWithAck('topic:join', { topicId: topic.id, afterSeq: 0 }))),
    );
    const sent = replies.reduce((total, reply) => total + (reply.ok ? reply.missed.length : 0), 0);
    expect(sent).toBe(10);
    // Every join that got less than the 4 it missed was told to read the rest over HTTP, or refused.
    for (const reply of replies) {
      if (reply.ok && reply.missed.length < 4) expect(reply.more).toBe(true);
      if (!reply.ok) expect(reply.error.code).toBe('rate_limited');
    }
  });
});
