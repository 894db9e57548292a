import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { AuditLog, QueueItem } from '../../shared/moderation.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { collect, connect, listen, nextEvent, pause, type ClientSocket } from '../helpers/sockets.ts';
import { useTestApp } from '../helpers/test-app.ts';

const queue = async (t: Parameters<typeof call>[0], as: Agent) => (await call(t, 'GET', '/api/moderation/queue', { as })).json<{ items: QueueItem[] }>().items;
const act = (t: Parameters<typeof call>[0], as: Agent, id: string, body: object) => call(t, 'POST', `/api/comments/${id}/moderation`, { as, body });
const publicThread = async (t: Parameters<typeof call>[0], topicId: string) =>
  (await call(t, 'GET', `/api/topics/${topicId}/comments`)).json<{ items: Comment[] }>().items;

describeOnEachDatabase('moderation', (kind) => {
  const t = useTestApp(kind);

  describe('watched words', () => {
    it('lets organizers set them (tidied) and moderators read them, nobody else', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const put = await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: ['  Invaders ', 'xeno**', 'invaders', '*'] } });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ words: ['invaders', 'xeno*'] });
      const mod = await moderator(t);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/watched-words`, { as: mod })).json()).toEqual({ words: ['invaders', 'xeno*'] });
      expect((await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: mod, body: { words: [] } })).statusCode).toBe(403);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/watched-words`, { as: await participant(t) })).statusCode).toBe(403);
      expect((await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: 'x' } })).statusCode).toBe(400);
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=dialogue.watched_words`, { as: mod })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({ before: { words: [] }, after: { words: ['invaders', 'xeno*'] } });
    });

    it('holds a matching comment under post-moderation (any case or accent) and publishes the others', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: ['étrangers', 'xenophob*'] } });
      const author = await participant(t);
      const held = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'Ces ETRANGERS…' } });
      expect([held.statusCode, held.json().status]).toEqual([202, 'pending']);
      const also = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'Plainly xenophobic.' } });
      expect(also.statusCode).toBe(202);
      expect((await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'A calm remark.' } })).statusCode).toBe(201);
      expect((await publicThread(t, topic.id)).map((c) => c.status)).toEqual(['published']);
      const items = await queue(t, await moderator(t));
      expect(items.find((item) => item.comment.id === held.json().id)).toMatchObject({ kind: 'held', heldReason: 'watched_word' });
    });
  });

  describe('reports', () => {
    it('holds a published comment once three distinct participants reported it, and lists the reports', async () => {
      const { topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      for (let i = 0; i < 2; i += 1) await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'offensive' } });
      expect((await publicThread(t, topic.id))[0]!.status).toBe('published');
      const mod = await moderator(t);
      expect((await queue(t, mod)).find((item) => item.comment.id === comment.id)).toMatchObject({ kind: 'reported', reports: [{ reason: 'offensive' }, { reason: 'offensive' }] });
      await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'spam', details: 'Repeated link.' } });
      expect(await publicThread(t, topic.id)).toEqual([]);
      const item = (await queue(t, mod)).find((entry) => entry.comment.id === comment.id)!;
      expect(item).toMatchObject({ kind: 'held', heldReason: 'reports' });
      expect(item.reports.map((report) => report.reason)).toEqual(['offensive', 'offensive', 'spam']);
      expect(JSON.stringify(item)).not.toMatch(/reporter/i);
    });

    it('closes the reports when a moderator keeps a reported comment', async () => {
      const { topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'off_topic' } });
      const mod = await moderator(t);
      const kept = await act(t, mod, comment.id, { action: 'approve' });
      expect([kept.statusCode, kept.json().status]).toEqual([200, 'published']);
      expect((await queue(t, mod)).some((item) => item.comment.id === comment.id)).toBe(false);
      expect((await act(t, mod, comment.id, { action: 'approve' })).statusCode).toBe(409);
    });
  });

  describe('POST /api/comments/:id/moderation', () => {
    it('approves a held comment, tells its author, and logs who did what, when and why', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const held = await postComment(t, author, topic.id, { body: 'Held first.' });
      const mod = await moderator(t);
      const approved = await act(t, mod, held.id, { action: 'approve', reason: 'Fine.' });
      expect([approved.statusCode, approved.json().status]).toEqual([200, 'published']);
      expect((await publicThread(t, topic.id)).map((c) => c.id)).toEqual([held.id]);
      const notes = await t.ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', author.user.id).execute();
      expect(notes.map((note) => note.kind)).toEqual(['comment.approve']);
      const log = (await call(t, 'GET', '/api/moderation/log?action=comment.approve', { as: mod })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({ actor: { id: mod.user.id }, targetId: held.id, reason: 'Fine.', before: { status: 'pending' }, after: { status: 'published' } });
    });

    it('lets exactly one of two moderators acting at once decide; the other gets 409', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const held = await postComment(t, await participant(t), topic.id);
      const [a, b] = [await moderator(t), await moderator(t)];
      const answers = await Promise.all([act(t, a, held.id, { action: 'approve' }), act(t, b, held.id, { action: 'decline', reason: 'Off topic.' })]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_moderated');
      const log = (await call(t, 'GET', '/api/moderation/log', { as: a })).json<AuditLog>();
      expect(log.items.filter((entry) => entry.targetId === held.id)).toHaveLength(1);
    });

    it('declines a held comment with a reason the author is told, never showing it to the public', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const held = await postComment(t, author, topic.id);
      const mod = await moderator(t);
      expect((await act(t, mod, held.id, { action: 'decline' })).json().error.code).toBe('reason_required');
      expect((await act(t, mod, held.id, { action: 'decline', reason: 'Personal data.' })).json().status).toBe('declined');
      expect(await publicThread(t, topic.id)).toEqual([]);
      const told = await call(t, 'GET', '/api/notifications', { as: author });
      expect(told.json()).toMatchObject({ unread: 1, items: [{ kind: 'comment.decline', commentId: held.id, reason: 'Personal data.', readAt: null }] });
      expect((await call(t, 'POST', '/api/notifications/read', { as: author })).statusCode).toBe(204);
      expect((await call(t, 'GET', '/api/notifications', { as: author })).json().unread).toBe(0);
      expect((await call(t, 'GET', '/api/notifications')).statusCode).toBe(401);
    });

    it('hides with a reason behind a public placeholder, keeps the replies, and restores', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'To be hidden.' });
      const reply = await postComment(t, await participant(t), topic.id, { body: 'A reply.', parentId: comment.id });
      const mod = await moderator(t);
      expect((await act(t, mod, comment.id, { action: 'hide' })).statusCode).toBe(400);
      expect((await act(t, mod, comment.id, { action: 'hide', reason: 'Insults.' })).json()).toMatchObject({ status: 'hidden', bodyHtml: '<p>To be hidden.</p>' });
      const thread = await publicThread(t, topic.id);
      expect(thread.map((c) => [c.id, c.status, c.bodyHtml])).toEqual([
        [comment.id, 'hidden', ''],
        [reply.id, 'published', '<p>A reply.</p>'],
      ]);
      expect((await act(t, mod, comment.id, { action: 'restore' })).json().status).toBe('published');
      expect((await publicThread(t, topic.id))[0]!.bodyHtml).toBe('<p>To be hidden.</p>');
      expect((await act(t, mod, comment.id, { action: 'restore' })).statusCode).toBe(409);
    });

    it('refuses participants, anonymous callers, unknown comments and unknown actions', async () => {
      const { topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      const someone = await participant(t);
      expect((await act(t, someone, comment.id, { action: 'hide', reason: 'x' })).statusCode).toBe(403);
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { body: { action: 'hide' } })).statusCode).toBe(401);
      expect((await call(t, 'GET', '/api/moderation/queue', { as: someone })).statusCode).toBe(403);
      expect((await call(t, 'GET', '/api/moderation/log')).statusCode).toBe(401);
      const mod = await moderator(t);
      expect((await act(t, mod, 'nosuchcomment', { action: 'approve' })).statusCode).toBe(404);
      expect((await act(t, mod, comment.id, { action: 'delete' })).statusCode).toBe(400);
      expect((await act(t, mod, comment.id, { action: 'hide', reason: 'x', extra: 1 })).statusCode).toBe(400);
    });

    it('survives a report arriving while a moderator hides the comment', async () => {
      const { topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      const mod = await moderator(t);
      const [hidden, report] = await Promise.all([
        act(t, mod, comment.id, { action: 'hide', reason: 'Spam.' }),
        call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'spam' } }),
      ]);
      expect(hidden.statusCode).toBe(200);
      expect([201, 404]).toContain(report.statusCode);
      expect((await publicThread(t, topic.id))[0]!.status).toBe('hidden');
    });
  });

  describe('suspensions', () => {
    it('stops a participant writing until the date, keeps them reading, and lifts it', async () => {
      const { topic } = await dialogueWithTopic(t);
      const someone = await participant(t);
      const mod = await moderator(t);
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const suspended = await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: mod, body: { until, reason: 'Repeated insults.' } });
      expect(suspended.statusCode).toBe(201);
      const refused = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: someone, body: { body: 'Still here?' } });
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'suspended']);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/comments`, { as: someone })).statusCode).toBe(200);
      expect((await call(t, 'GET', '/api/auth/me', { as: someone })).json().user.suspendedUntil).toBe(until);
      expect((await call(t, 'DELETE', `/api/users/${someone.user.id}/suspension`, { as: mod })).statusCode).toBe(204);
      expect((await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: someone, body: { body: 'Back.' } })).statusCode).toBe(201);
      expect((await call(t, 'DELETE', `/api/users/${someone.user.id}/suspension`, { as: mod })).statusCode).toBe(409);
      const actions = (await call(t, 'GET', `/api/moderation/log?actor=${mod.user.id}`, { as: mod })).json<AuditLog>().items.map((e) => e.action);
      expect(actions).toEqual(['user.unsuspend', 'user.suspend']);
    });

    it('refuses a past date, a missing reason, moderators as targets, and non-moderators as actors', async () => {
      const someone = await participant(t);
      const mod = await moderator(t);
      const past = new Date(Date.now() - 1000).toISOString();
      expect((await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: mod, body: { until: past, reason: 'x' } })).statusCode).toBe(400);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: mod, body: { until: future } })).statusCode).toBe(400);
      expect((await call(t, 'POST', `/api/users/${mod.user.id}/suspension`, { as: await moderator(t), body: { until: future, reason: 'x' } })).statusCode).toBe(403);
      expect((await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: await participant(t), body: { until: future, reason: 'x' } })).statusCode).toBe(403);
      expect((await call(t, 'POST', '/api/users/nosuchuser/suspension', { as: mod, body: { until: future, reason: 'x' } })).statusCode).toBe(404);
    });
  });

  describe('GET /api/moderation/log', () => {
    it('pages newest first with a cursor and rejects a forged one', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t);
      for (let i = 0; i < 3; i += 1) {
        const held = await postComment(t, await participant(t), topic.id);
        await act(t, mod, held.id, { action: 'approve' });
      }
      const first = (await call(t, 'GET', `/api/moderation/log?actor=${mod.user.id}&limit=2`, { as: mod })).json<AuditLog>();
      expect(first.items).toHaveLength(2);
      const second = (await call(t, 'GET', `/api/moderation/log?actor=${mod.user.id}&limit=2&after=${first.nextCursor}`, { as: mod })).json<AuditLog>();
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      const times = [...first.items, ...second.items].map((entry) => entry.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect((await call(t, 'GET', '/api/moderation/log?after=forged', { as: mod })).statusCode).toBe(400);
    });
  });

  describe('the live moderation feed', () => {
    let url: string;
    const sockets: ClientSocket[] = [];
    beforeAll(async () => {
      url = await listen(t.app);
    });
    afterAll(() => sockets.forEach((socket) => socket.disconnect()));

    it('shows a held comment in every moderator’s queue at once, and takes it out when one decides', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const [a, b, someone] = [await moderator(t), await moderator(t), await participant(t)];
      const [socketA, socketB, socketP] = await Promise.all([connect(url, a), connect(url, b), connect(url, someone)]);
      sockets.push(socketA, socketB, socketP);
      const seenByParticipant = collect(socketP, 'moderation:queued');
      const queuedA = nextEvent(socketA, 'moderation:queued');
      const queuedB = nextEvent(socketB, 'moderation:queued');
      const held = await postComment(t, await participant(t), topic.id, { body: 'Please review me.' });
      for (const item of await Promise.all([queuedA, queuedB])) expect(item).toMatchObject({ kind: 'held', comment: { id: held.id } });
      const resolved = nextEvent(socketB, 'moderation:resolved');
      await act(t, a, held.id, { action: 'approve' });
      expect(await resolved).toEqual({ commentId: held.id, action: 'approve', status: 'published' });

      // The author's open pages are told too.
      const author = await participant(t);
      const authorSocket = await connect(url, author);
      sockets.push(authorSocket);
      const another = await postComment(t, author, topic.id);
      const told = nextEvent(authorSocket, 'notification:created');
      await act(t, b, another.id, { action: 'decline', reason: 'Duplicate.' });
      await told;
      await pause(200);
      expect(seenByParticipant).toEqual([]);
    });
  });
});
