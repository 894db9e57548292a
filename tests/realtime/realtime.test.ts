import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { Ack } from '../../shared/realtime.ts';
import { updateComment } from '../../server/comments/comments.repository.ts';
import { EVENT_BUDGET } from '../../server/realtime/socket.handlers.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, postComment } from '../helpers/factories.ts';
import { collect, connect, joinTopic, nextEvent, pause, useSockets } from '../helpers/sockets.ts';
import { TEST_ORIGIN, useTestApp } from '../helpers/test-app.ts';

/** Long enough for an event that was going to come to have come. */
const QUIET_MS = 300;

describeOnEachDatabase('realtime threads', (kind) => {
  const t = useTestApp(kind);
  const live = useSockets(t);
  const open = live.open;

  describe('live comments', () => {
    it('delivers a new comment to anonymous and signed-in viewers, the body source only to its author', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const [reader, authorSocket] = await Promise.all([open(null), open(author)]);
      await joinTopic(reader, topic.id);
      await joinTopic(authorSocket, topic.id);
      const toReader = nextEvent(reader, 'comment:created');
      const toAuthor = nextEvent(authorSocket, 'comment:created');
      const posted = await postComment(t, author, topic.id, { body: 'Remittances **change** villages.' });
      const [seen, own] = await Promise.all([toReader, toAuthor]);
      expect(seen).toMatchObject({ id: posted.id, seq: posted.seq, status: 'published', bodyHtml: posted.bodyHtml });
      expect(seen).not.toHaveProperty('bodyMarkdown');
      expect(own.bodyMarkdown).toBe('Remittances **change** villages.');
    });

    it('sends edits as comment:updated and a withdrawal as a placeholder in comment:removed', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const reader = await open(null);
      await joinTopic(reader, topic.id);
      const posted = await postComment(t, author, topic.id);
      const updated = nextEvent(reader, 'comment:updated', (c) => c.id === posted.id);
      await call(t, 'PATCH', `/api/comments/${posted.id}`, { as: author, body: { body: 'Edited with care.' } });
      expect((await updated).bodyHtml).toContain('Edited with care.');
      const removed = nextEvent(reader, 'comment:removed', (c) => c.id === posted.id);
      expect((await call(t, 'DELETE', `/api/comments/${posted.id}`, { as: author })).statusCode).toBe(204);
      expect(await removed).toMatchObject({ id: posted.id, status: 'withdrawn', bodyHtml: '' });
    });

    it('replaces a hidden comment by its placeholder for readers and restores it, the body staying visible to moderators', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const author = await participant(t);
      const mod = await moderator(t, dialogue);
      const [reader, modSocket] = await Promise.all([open(null), open(mod)]);
      await joinTopic(reader, topic.id);
      await joinTopic(modSocket, topic.id);
      const posted = await postComment(t, author, topic.id, { body: 'Something to hide.' });
      const hidden = nextEvent(reader, 'comment:removed', (c) => c.id === posted.id);
      const hiddenForMod = nextEvent(modSocket, 'comment:removed', (c) => c.id === posted.id);
      await t.ctx.write((trx) => updateComment(trx, posted.id, { status: 'hidden' }));
      t.ctx.realtime.commentChanged(posted.id, 'published');
      expect(await hidden).toMatchObject({ status: 'hidden', bodyHtml: '' });
      expect((await hiddenForMod).bodyHtml).toContain('Something to hide.');
      const restored = nextEvent(reader, 'comment:updated', (c) => c.id === posted.id);
      await t.ctx.write((trx) => updateComment(trx, posted.id, { status: 'published' }));
      t.ctx.realtime.commentChanged(posted.id, 'hidden');
      expect(await restored).toMatchObject({ status: 'published' });
      expect((await restored).bodyHtml).toContain('Something to hide.');
    });

    it('shows a pending comment only to its author and moderators, and never to other readers', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const other = await participant(t);
      const mod = await moderator(t, dialogue);
      const [anon, otherSocket, authorSocket, modSocket] = await Promise.all([open(null), open(other), open(author), open(mod)]);
      for (const socket of [anon, otherSocket, authorSocket, modSocket]) await joinTopic(socket, topic.id);
      const anonSeen = collect(anon, 'comment:created');
      const otherSeen = collect(otherSocket, 'comment:created');
      const toAuthor = nextEvent(authorSocket, 'comment:created');
      const toMod = nextEvent(modSocket, 'comment:created');
      const posted = await postComment(t, author, topic.id, { body: 'Waiting for review.' });
      expect(posted.status).toBe('pending');
      expect(await toAuthor).toMatchObject({ id: posted.id, status: 'pending' });
      expect(await toMod).toMatchObject({ id: posted.id, status: 'pending' });
      await pause(QUIET_MS);
      expect(anonSeen).toEqual([]);
      expect(otherSeen).toEqual([]);

      // Approval: readers who could not see it get it as new, its author and moderators as an update.
      const createdForAnon = nextEvent(anon, 'comment:created', (c) => c.id === posted.id);
      const updatedForAuthor = nextEvent(authorSocket, 'comment:updated', (c) => c.id === posted.id);
      await t.ctx.write((trx) => updateComment(trx, posted.id, { status: 'published' }));
      t.ctx.realtime.commentChanged(posted.id, 'pending');
      expect(await createdForAnon).toMatchObject({ status: 'published' });
      expect(await updatedForAuthor).toMatchObject({ status: 'published' });
    });

    it('tells the topic and its dialogue when a topic is locked', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const [inTopic, onDialogue] = await Promise.all([open(null), open(null)]);
      await joinTopic(inTopic, topic.id);
      const joined = await onDialogue.emitWithAck('dialogue:join', { dialogueId: dialogue.id });
      expect(joined).toMatchObject({ ok: true, viewers: [{ topicId: topic.id, viewers: 1 }] });
      const changed = [nextEvent(inTopic, 'topic:changed', (x) => x.locked), nextEvent(onDialogue, 'topic:changed', (x) => x.locked)];
      await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { locked: true } });
      for (const event of await Promise.all(changed)) expect(event).toMatchObject({ id: topic.id, locked: true });
    });
  });

  describe('viewers and typing', () => {
    it('counts distinct viewers and counts down after an abrupt disconnect', async () => {
      const { topic } = await dialogueWithTopic(t);
      const someone = await participant(t);
      const first = await open(null);
      const firstJoin = await joinTopic(first, topic.id);
      expect(firstJoin.viewers).toBe(1);
      const [second, secondTab] = await Promise.all([open(someone), open(someone)]);
      const two = nextEvent(first, 'topic:viewers', (v) => v.viewers === 2);
      await joinTopic(second, topic.id);
      await joinTopic(secondTab, topic.id);
      expect(await two).toEqual({ topicId: topic.id, viewers: 2 });
      const one = nextEvent(first, 'topic:viewers', (v) => v.viewers === 1);
      // Cut the transport without a goodbye, as a lost network does.
      second.io.engine.close();
      secondTab.io.engine.close();
      expect(await one).toEqual({ topicId: topic.id, viewers: 1 });
    });

    it('shows who is typing to the others, throttled, and refuses anonymous typists', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t, { displayName: 'Amina' });
      const [reader, writerSocket, anon] = await Promise.all([open(null), open(writer), open(null)]);
      for (const socket of [reader, writerSocket, anon]) await joinTopic(socket, topic.id);
      const notices = collect(reader, 'topic:typing');
      const echoed = collect(writerSocket, 'topic:typing');
      expect(await writerSocket.emitWithAck('topic:typing', { topicId: topic.id })).toEqual({ ok: true });
      expect(await writerSocket.emitWithAck('topic:typing', { topicId: topic.id })).toEqual({ ok: true });
      await pause(QUIET_MS);
      expect(notices).toEqual([{ topicId: topic.id, displayName: 'Amina', country: 'ES' }]);
      expect(echoed).toEqual([]);
      expect(await anon.emitWithAck('topic:typing', { topicId: topic.id })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    });

    it('still takes the deprecated name typing as topic:typing: same checks, one throttle and one budget for both names', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t, { displayName: 'Amina' });
      const [reader, writerSocket, anon] = await Promise.all([open(null), open(writer), open(null)]);
      expect(await writerSocket.emitWithAck('typing', { topicId: topic.id })).toMatchObject({ ok: false, error: { code: 'not_joined' } });
      for (const socket of [reader, writerSocket, anon]) await joinTopic(socket, topic.id);
      const notices = collect(reader, 'topic:typing');
      const echoed = collect(writerSocket, 'topic:typing');
      expect(await writerSocket.emitWithAck('typing', { topicId: topic.id })).toEqual({ ok: true });
      expect(await writerSocket.emitWithAck('topic:typing', { topicId: topic.id })).toEqual({ ok: true });
      expect(await writerSocket.emitWithAck('typing', { topicId: topic.id })).toEqual({ ok: true });
      await pause(QUIET_MS);
      expect(notices).toEqual([{ topicId: topic.id, displayName: 'Amina', country: 'ES' }]);
      expect(echoed).toEqual([]);
      expect(await anon.emitWithAck('typing', { topicId: topic.id })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
      const malformed = { topicId: 5 } as unknown as { topicId: string };
      expect(await writerSocket.emitWithAck('typing', malformed)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });

      // Six commands so far on the writer's socket (the join included): the rest of its budget goes under either name, then both are refused.
      const rest = EVENT_BUDGET.events - 6;
      const replies = await Promise.all(
        Array.from({ length: rest + 2 }, (_, i) => writerSocket.timeout(5_000).emitWithAck(i % 2 === 0 ? 'typing' : 'topic:typing', { topicId: topic.id })),
      );
      expect(replies.slice(0, rest).every((reply) => reply.ok)).toBe(true);
      expect(replies.slice(rest)).toEqual([
        { ok: false, error: { code: 'rate_limited', message: expect.any(String) } },
        { ok: false, error: { code: 'rate_limited', message: expect.any(String) } },
      ]);
    });

    it('refuses typing in a locked topic, from a participant suspended since connecting, and cuts one who signed out', async () => {
      const { owner, topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      const socket = await open(writer);
      await joinTopic(socket, topic.id);
      await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { locked: true } });
      expect(await socket.emitWithAck('topic:typing', { topicId: topic.id })).toMatchObject({ ok: false, error: { code: 'topic_locked' } });

      // Suspended after connecting: the next notice is refused, without a new handshake.
      const suspended = await participant(t);
      const { owner: host, topic: openTopic } = await dialogueWithTopic(t);
      const suspendedSocket = await open(suspended);
      await joinTopic(suspendedSocket, openTopic.id);
      await t.ctx.db
        .insertInto('suspensions')
        .values({
          id: `s${Date.now()}`,
          user_id: suspended.user.id,
          until: new Date(Date.now() + 86_400_000).toISOString(),
          reason: 'test',
          created_by: host.user.id,
          created_at: new Date().toISOString(),
          lifted_at: null,
          lifted_by: null,
        })
        .execute();
      expect(await suspendedSocket.emitWithAck('topic:typing', { topicId: openTopic.id })).toMatchObject({ ok: false, error: { code: 'suspended' } });

      const leaving = await participant(t);
      const { topic: open2 } = await dialogueWithTopic(t);
      const leavingSocket = await open(leaving);
      await joinTopic(leavingSocket, open2.id);
      const cut = new Promise<string>((resolve) => leavingSocket.once('disconnect', resolve));
      await call(t, 'POST', '/api/auth/logout', { as: leaving });
      expect(await cut).toBe('io server disconnect');
    });
  });

  describe('catch-up', () => {
    it('returns exactly what a disconnected client missed: new comments and older ones changed meanwhile', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const early = await postComment(t, author, topic.id, { body: 'First.' });
      const second = await postComment(t, author, topic.id, { body: 'Second.' });
      const reader = await open(null);
      await joinTopic(reader, topic.id);
      reader.disconnect();

      await call(t, 'PATCH', `/api/comments/${early.id}`, { as: author, body: { body: 'First, edited while you were away.' } });
      const later = [];
      for (let i = 0; i < 3; i += 1) later.push(await postComment(t, author, topic.id, { body: `Later ${i}.` }));

      const back = await open(null);
      const joined = await joinTopic(back, topic.id, { afterSeq: second.seq, afterChange: second.changeSeq });
      expect(joined.missed.map((c: Comment) => c.id)).toEqual([early.id, ...later.map((c) => c.id)]);
      expect(joined.missed[0]!.bodyHtml).toContain('edited while you were away');
      expect(joined.more).toBe(false);

      const nothingNew = await joinTopic(await open(null), topic.id, { afterSeq: later.at(-1)!.seq, afterChange: later.at(-1)!.changeSeq + 1 });
      expect(nothingNew.missed).toEqual([]);
    });

    it('never catches a reader up on comments it may not see', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      await postComment(t, author, topic.id, { body: 'Pending.' });
      const anon = await joinTopic(await open(null), topic.id, { afterSeq: 0 });
      expect(anon.missed).toEqual([]);
      const own = await joinTopic(await open(author), topic.id, { afterSeq: 0 });
      expect(own.missed.map((c: Comment) => c.status)).toEqual(['pending']);
    });

    it('remembers where a signed-in reader left off, for "N new since your last visit"', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const reader = await participant(t);
      const author = await participant(t);
      const first = await postComment(t, author, topic.id);
      expect((await joinTopic(await open(reader), topic.id)).lastReadSeq).toBeNull();
      expect((await call(t, 'PUT', `/api/topics/${topic.id}/read`, { as: reader, body: { lastSeq: first.seq } })).statusCode).toBe(204);
      await postComment(t, author, topic.id);
      await postComment(t, reader, topic.id);
      expect((await joinTopic(await open(reader), topic.id)).lastReadSeq).toBe(first.seq);
      const unread = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/unread`, { as: reader });
      expect(unread.json()).toEqual({ items: [{ topicId: topic.id, lastReadSeq: first.seq, unread: 1 }] });
      // An older tab never moves the marker back.
      await call(t, 'PUT', `/api/topics/${topic.id}/read`, { as: reader, body: { lastSeq: 0 } });
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/unread`, { as: reader })).json().items[0].lastReadSeq).toBe(first.seq);
    });

    it('rejects a read position beyond the thread, and unread counts for anonymous readers', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const reader = await participant(t);
      const beyond = await call(t, 'PUT', `/api/topics/${topic.id}/read`, { as: reader, body: { lastSeq: 99 } });
      expect(beyond.statusCode).toBe(400);
      expect(beyond.json().error.code).toBe('invalid_seq');
      expect((await call(t, 'PUT', `/api/topics/${topic.id}/read`, { as: reader, body: { lastSeq: '1' } })).statusCode).toBe(400);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/unread`)).statusCode).toBe(401);
    });
  });

  describe('hostile clients', () => {
    it('answers malformed commands with an error ack and keeps serving', async () => {
      const { topic } = await dialogueWithTopic(t);
      const socket = await open(null);
      const bad: unknown[] = [{ topicId: 5 }, { topicId: topic.id, extra: true }, { topicId: topic.id, afterSeq: -1 }, 'text', null, [1, 2]];
      for (const payload of bad) {
        const reply = (await socket.timeout(2_000).emitWithAck('topic:join', payload as never)) as Ack;
        expect(reply).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      }
      const noPayload = (await new Promise((resolve) => (socket as unknown as { emit: (e: string, a: unknown) => void }).emit('topic:join', resolve))) as Ack;
      expect(noPayload).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(await socket.emitWithAck('topic:join', { topicId: 'nosuchtopic' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      socket.emit('topic:leave', { topicId: topic.id });
      (socket as unknown as { emit: (e: string, a: unknown) => void }).emit('no:such:event', { x: 1 });
      expect((await joinTopic(socket, topic.id)).viewers).toBeGreaterThanOrEqual(1);
      expect((await call(t, 'GET', '/healthz')).statusCode).toBe(200);
    });

    it('refuses events past the per-socket budget, and cuts a socket that keeps flooding', async () => {
      const { topic } = await dialogueWithTopic(t);
      const socket = await open(null);
      const replies = await Promise.all(
        Array.from({ length: EVENT_BUDGET.events + 5 }, () => socket.timeout(5_000).emitWithAck('topic:join', { topicId: topic.id })),
      );
      expect(replies.filter((r) => r.ok)).toHaveLength(EVENT_BUDGET.events);
      expect(replies.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'rate_limited')).toBe(true);
      const cut = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      for (let i = 0; i < 3 * EVENT_BUDGET.events; i += 1) socket.emit('topic:leave', { topicId: topic.id });
      expect(await cut).toBe('io server disconnect');
    });

    it('refuses a handshake from another site, and drops an oversized frame without harm', async () => {
      await expect(connect(live.url, null, { origin: 'https://evil.example' })).rejects.toThrow();
      expect((await live.open(null, { origin: TEST_ORIGIN })).connected).toBe(true);
      const socket = await open(null);
      const cut = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      socket.emit('topic:join', { topicId: 'x'.repeat(100_000) } as never, () => undefined);
      expect(await cut).toBe('transport close');
      expect((await call(t, 'GET', '/healthz')).statusCode).toBe(200);
    });

    it('keeps unpublished dialogues and their topics out of reach', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t, { published: false });
      const socket = await open(await participant(t));
      expect(await socket.emitWithAck('topic:join', { topicId: topic.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await socket.emitWithAck('dialogue:join', { dialogueId: dialogue.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});
