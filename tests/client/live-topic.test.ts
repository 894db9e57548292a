import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommentPage } from '../../shared/comments.ts';
import { Connection, type RealtimeSocket } from '../../client/src/lib/realtime.svelte.ts';
import { LiveTopic, type PageLoader } from '../../client/src/lib/state/live-topic.svelte.ts';
import { call, dialogueWithTopic, participant, postComment } from '../helpers/factories.ts';
import { connect, joinTopic, listen } from '../helpers/sockets.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('LiveTopic, the client’s live thread, against a real server', () => {
  let t: TestApp;
  let url: string;
  const cleanups: (() => void)[] = [];

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    url = await listen(t.app);
  });
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await t.close();
  });

  /** One page of the thread as the client reads it, `limit` comments at a time. */
  const pageOf =
    (topicId: string, limit = 200) =>
    async (after?: string): Promise<CommentPage> => {
      const response = await fetch(`${url}/api/topics/${topicId}/comments?limit=${limit}${after === undefined ? '' : `&after=${after}`}`);
      return (await response.json()) as CommentPage;
    };

  function liveTopic(topicId: string, loadPage: PageLoader = pageOf(topicId)) {
    const socket: RealtimeSocket = io(url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100 });
    const connection = new Connection(socket);
    const topic = new LiveTopic(topicId, loadPage);
    const stop = topic.follow(Promise.resolve(connection));
    cleanups.push(() => {
      stop();
      socket.disconnect();
    });
    return { topic, connection, socket };
  }

  it('loads the thread, then applies new comments as they are posted', async () => {
    const { topic: data } = await dialogueWithTopic(t);
    const author = await participant(t);
    await postComment(t, author, data.id, { body: 'One.' });
    const { topic, connection } = liveTopic(data.id);
    await waitFor(() => !topic.loading && topic.viewers === 1 && connection.state === 'online', 'the first load and join');
    expect(topic.comments.map((c) => c.bodyHtml)).toEqual(['<p>One.</p>']);
    await postComment(t, author, data.id, { body: 'Two.' });
    await waitFor(() => topic.comments.length === 2, 'the live comment');
    expect(topic.comments.map((c) => c.seq)).toEqual([1, 2]);
  });

  it('shows the first page at once, reads the others after it, and joins live once the thread is complete', async () => {
    const { topic: data } = await dialogueWithTopic(t);
    const author = await participant(t);
    for (const body of ['One.', 'Two.', 'Three.', 'Four.', 'Five.']) await postComment(t, author, data.id, { body });
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const firstPage = pageOf(data.id, 2);
    // The pages after the first wait until released.
    const { topic, connection } = liveTopic(data.id, async (after) => (after === undefined ? firstPage() : held.then(() => firstPage(after))));
    await waitFor(() => !topic.loading && connection.state === 'online', 'the first page');
    expect(topic.comments.map((c) => c.seq)).toEqual([1, 2]);
    expect(topic.complete).toBe(false);
    expect(topic.viewers).toBe(0);
    release();
    await waitFor(() => topic.complete && topic.viewers === 1, 'the other pages, then the join');
    expect(topic.comments.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(topic.arrivalSeq).toBe(5);
  });

  it('after a lost connection, catches up on exactly what it missed, edits included, with nothing doubled', async () => {
    const { topic: data } = await dialogueWithTopic(t);
    const author = await participant(t);
    const first = await postComment(t, author, data.id, { body: 'Before.' });
    const { topic, connection, socket } = liveTopic(data.id);
    await waitFor(() => !topic.loading && connection.state === 'online' && topic.viewers === 1, 'the first join');

    // Drop the transport as a lost network does, and keep it down while others write.
    socket.io.opts.reconnection = false;
    socket.io.engine.close();
    await waitFor(() => connection.state === 'offline', 'the disconnect');
    await call(t, 'PATCH', `/api/comments/${first.id}`, { as: author, body: { body: 'Before, edited.' } });
    const missed = [await postComment(t, author, data.id, { body: 'Missed one.' }), await postComment(t, author, data.id, { body: 'Missed two.' })];
    socket.io.opts.reconnection = true;
    socket.connect();

    await waitFor(() => topic.comments.length === 3, 'the catch-up');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(topic.comments.map((c) => c.id)).toEqual([first.id, ...missed.map((c) => c.id)]);
    expect(topic.comments[0]!.bodyHtml).toContain('Before, edited.');
  });

  it('tells its watcher when it joined, then of each comment new to the page, not of edits', async () => {
    const { topic: data } = await dialogueWithTopic(t);
    const author = await participant(t);
    const first = await postComment(t, author, data.id, { body: 'There on arrival.' });
    const { topic } = liveTopic(data.id);
    const arrived: string[] = [];
    let joined = 0;
    topic.watch({ joined: () => joined++, arrived: (comments) => arrived.push(...comments.map((c) => c.id)) });
    await waitFor(() => joined === 1, 'the first join');
    expect(topic.arrivalSeq).toBe(first.seq);
    expect(topic.lastReadSeq).toBeNull();
    await call(t, 'PATCH', `/api/comments/${first.id}`, { as: author, body: { body: 'Edited.' } });
    const second = await postComment(t, author, data.id, { body: 'New while open.' });
    await waitFor(() => topic.comments.length === 2 && topic.comments[0]!.bodyHtml.includes('Edited'), 'the edit and the new comment');
    expect(arrived).toEqual([second.id]);
    expect(joined).toBe(1);
  });

  it('shows who is typing, and forgets it when the notices stop', async () => {
    const { topic: data } = await dialogueWithTopic(t);
    const writer = await participant(t, { displayName: 'Lucía' });
    const { topic, connection } = liveTopic(data.id);
    await waitFor(() => !topic.loading && connection.state === 'online' && topic.viewers >= 1, 'the join');
    const writerSocket = await connect(url, writer);
    cleanups.push(() => writerSocket.disconnect());
    await joinTopic(writerSocket, data.id);
    await writerSocket.emitWithAck('topic:typing', { topicId: data.id });
    await waitFor(() => topic.typing.length === 1, 'the typing line');
    expect(topic.typing[0]).toMatchObject({ displayName: 'Lucía', country: 'ES' });
    await waitFor(() => topic.viewers === 2, 'two viewers');
    await waitFor(() => topic.typing.length === 0, 'the typing line to expire', 10_000);
  });

  it('drops the typing line even when its timer fires before the clock reaches the line’s end', async () => {
    const { topic: data } = await dialogueWithTopic(t);
    const writer = await participant(t, { displayName: 'Kofi' });
    const { topic, connection } = liveTopic(data.id);
    await waitFor(() => !topic.loading && connection.state === 'online' && topic.viewers >= 1, 'the join');
    const writerSocket = await connect(url, writer);
    cleanups.push(() => writerSocket.disconnect());
    await joinTopic(writerSocket, data.id);
    await writerSocket.emitWithAck('topic:typing', { topicId: data.id });
    await waitFor(() => topic.typing.length === 1, 'the typing line');
    // From now on the clock reads 50 ms behind the timers: when the sweep fires, the line has not
    // ended yet by the clock, as happens (by a millisecond) when a timer fires early.
    const realNow = Date.now.bind(Date);
    const lagging = vi.spyOn(Date, 'now').mockImplementation(() => realNow() - 50);
    try {
      await waitFor(() => topic.typing.length === 0, 'the typing line to expire', 10_000);
    } finally {
      lagging.mockRestore();
    }
  });
});
