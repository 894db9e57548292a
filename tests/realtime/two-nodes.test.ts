import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/create-db.ts';
import { buildApp } from '../../server/app.ts';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, participant, PASSWORD, postComment, sessionCookieOf } from '../helpers/factories.ts';
import { collect, connect, joinTopic, listen, nextEvent, pause, type ClientSocket } from '../helpers/sockets.ts';
import { testConfig, type TestApp } from '../helpers/test-app.ts';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL;
/** This run's keys in Redis (rate-limit counts last an hour): shared by both nodes, apart from any other run. */
const REDIS_PREFIX = `test-${process.pid}-${Date.now()}`;
const enabled = Boolean(TEST_DATABASE_URL && TEST_REDIS_URL);
const title = enabled
  ? 'two nodes on PostgreSQL and Redis'
  : 'two nodes on PostgreSQL and Redis (skipped: set TEST_DATABASE_URL=postgres://… and TEST_REDIS_URL=redis://… to run it)';

/** A second server process in all but name: its own pool on the same schema, its own Redis clients. */
async function node(testDb: TestDatabase, own: boolean): Promise<TestApp & { url: string }> {
  const database = own ? testDb.database : createDb({ url: testDb.url, ...(testDb.pgSchema ? { pgSchema: testDb.pgSchema } : {}) });
  const app = await buildApp({ config: testConfig({ redisUrl: TEST_REDIS_URL!, redisPrefix: REDIS_PREFIX }), database });
  const url = await listen(app);
  return {
    app,
    ctx: app.ctx,
    testDb,
    url,
    close: async () => {
      await app.close();
      if (!own) await database.db.destroy();
    },
  };
}

describe.skipIf(!enabled)(title, () => {
  let testDb: TestDatabase;
  let a: TestApp & { url: string };
  let b: TestApp & { url: string };
  const sockets: ClientSocket[] = [];
  const open = async (url: string) => {
    const socket = await connect(url, null);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    a = await node(testDb, true);
    b = await node(testDb, false);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await b?.close();
    await a?.close();
    await testDb?.drop();
  });

  it('counts rate limits across the nodes: an address gets its password resets once, not once per node', async () => {
    const reset = (node: TestApp, email: string) => call(node, 'POST', '/api/auth/password-reset', { body: { email }, remoteAddress: '203.0.113.9' });
    // Per address asked for: 5 an hour, wherever they land.
    const sameAddress = [];
    for (let i = 0; i < 8; i++) sameAddress.push((await reset(i % 2 === 0 ? a : b, 'someone@example.org')).statusCode);
    expect(sameAddress).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    // Per sending address: 20 an hour across both nodes, in a parallel burst (the 8 above count too).
    const responses = await Promise.all(Array.from({ length: 24 }, (_, i) => reset(i % 2 === 0 ? a : b, `person${i}@example.org`)));
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 202)).toHaveLength(20 - 8);
    expect(statuses.filter((status) => status === 429)).toHaveLength(24 - 12);
    // Another address is counted apart.
    expect((await call(b, 'POST', '/api/auth/password-reset', { body: { email: 'other@example.org' }, remoteAddress: '203.0.113.10' })).statusCode).toBe(202);
  });

  it('delivers a comment posted over HTTP to node A to a viewer connected to node B', async () => {
    const { topic } = await dialogueWithTopic(a);
    const author = await participant(a);
    const onB = await open(b.url);
    await joinTopic(onB, topic.id);
    const arrived = nextEvent(onB, 'comment:created');
    const posted = await postComment(a, author, topic.id, { body: 'Posted on node A.' });
    expect(await arrived).toMatchObject({ id: posted.id, seq: posted.seq });
  });

  it('adds up viewer counts across nodes', async () => {
    const { topic } = await dialogueWithTopic(a);
    const onA = await open(a.url);
    await joinTopic(onA, topic.id);
    const onB = await open(b.url);
    const seenOnA = nextEvent(onA, 'topic:viewers', (v) => v.viewers === 2);
    expect((await joinTopic(onB, topic.id)).viewers).toBe(2);
    expect(await seenOnA).toEqual({ topicId: topic.id, viewers: 2 });
    const backToOne = nextEvent(onA, 'topic:viewers', (v) => v.viewers === 1);
    onB.disconnect();
    expect(await backToOne).toEqual({ topicId: topic.id, viewers: 1 });
  });

  it('catches up a client that reconnects to the other node, missing nothing and repeating nothing', async () => {
    const { topic } = await dialogueWithTopic(a);
    const author = await participant(a);
    const before = await postComment(a, author, topic.id, { body: 'Seen before the cut.' });
    const onA = await open(a.url);
    await joinTopic(onA, topic.id);
    onA.disconnect();
    const missed = [];
    for (let i = 0; i < 5; i += 1) missed.push(await postComment(i % 2 ? a : b, author, topic.id, { body: `While away ${i}.` }));
    const onB = await open(b.url);
    const joined = await joinTopic(onB, topic.id, { afterSeq: before.seq, afterChange: before.changeSeq });
    expect(joined.missed.map((c) => c.id)).toEqual(missed.map((c) => c.id));
    expect(joined.missed.map((c) => c.seq)).toEqual(missed.map((_, i) => before.seq + 1 + i));
  });

  it('moves a socket on node B into and out of a dialogue’s moderation feed when an organizer on node A appoints and removes its user', async () => {
    const { owner, topic, dialogue } = await dialogueWithTopic(a, { moderation: 'pre' });
    const someone = await participant(a);
    const onB = await connect(b.url, someone);
    sockets.push(onB);
    const queued = collect(onB, 'moderation:queued');
    expect((await call(a, 'PUT', `/api/dialogues/${dialogue.slug}/moderators/${someone.user.id}`, { as: owner })).statusCode).toBe(200);
    // The room change travels through Redis like any event: give it the moment a broadcast takes.
    await pause(300);
    const first = await postComment(a, await participant(a), topic.id);
    await expect.poll(() => queued.map((item) => item.comment.id)).toEqual([first.id]);
    expect((await call(a, 'DELETE', `/api/dialogues/${dialogue.slug}/moderators/${someone.user.id}`, { as: owner })).statusCode).toBe(200);
    await pause(300);
    await postComment(a, await participant(a), topic.id);
    await pause(300);
    expect(queued.map((item) => item.comment.id)).toEqual([first.id]);
  });

  it('cuts a socket on node B at once when a password change on node A ends its session', async () => {
    const someone = await participant(a);
    const again = await call(a, 'POST', '/api/auth/login', { body: { email: someone.user.email, password: PASSWORD } });
    const second = { ...someone, cookie: sessionCookieOf(again) };
    const onB = await connect(b.url, someone);
    sockets.push(onB);
    const cut = new Promise<string>((resolve) => onB.once('disconnect', resolve));
    const changed = await call(a, 'PATCH', '/api/auth/me', { as: second, body: { password: 'a brand new passphrase', currentPassword: PASSWORD } });
    expect(changed.statusCode).toBe(200);
    expect(await cut).toBe('io server disconnect');
  });

  it('takes readers on node B out of a dialogue that an organizer on node A unpublishes', async () => {
    const { owner, topic, dialogue } = await dialogueWithTopic(a);
    const onB = await open(b.url);
    await joinTopic(onB, topic.id);
    expect(await onB.emitWithAck('dialogue:join', { dialogueId: dialogue.id })).toMatchObject({ ok: true });
    expect((await call(a, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { published: false } })).statusCode).toBe(200);
    await pause(300);
    const changes = collect(onB, 'topic:changed');
    await call(a, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { question: 'Reworded in private?' } });
    await pause(500);
    expect(changes).toEqual([]);
  });
});
