import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { Dialogue, Topic } from '../../shared/dialogues.ts';
import type { AuditLog, QueueItem } from '../../shared/moderation.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, organizer, participant, postComment, type Agent } from '../helpers/factories.ts';
import { collect, connect, joinTopic, listen, nextEvent, pause, type ClientSocket } from '../helpers/sockets.ts';
import { useTestApp } from '../helpers/test-app.ts';

const queue = async (t: Parameters<typeof call>[0], as: Agent) => (await call(t, 'GET', '/api/moderation/queue', { as })).json<{ items: QueueItem[] }>().items;
const act = (t: Parameters<typeof call>[0], as: Agent, id: string, body: object) => call(t, 'POST', `/api/comments/${id}/moderation`, { as, body });
const publicThread = async (t: Parameters<typeof call>[0], topicId: string) =>
  (await call(t, 'GET', `/api/topics/${topicId}/comments`)).json<{ items: Comment[] }>().items;

describeOnEachDatabase('moderation', (kind) => {
  const t = useTestApp(kind);

  describe('watched words', () => {
    it('lets organizers set them (tidied) and the dialogue’s moderators read them, nobody else', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const put = await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, {
        as: owner,
        body: { words: ['  Invaders ', 'xeno**', 'invaders', '*'] },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ words: ['invaders', 'xeno*'] });
      const mod = await moderator(t, dialogue);
      const elsewhere = await moderator(t, (await dialogueWithTopic(t)).dialogue);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/watched-words`, { as: elsewhere })).statusCode).toBe(403);
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
      const items = await queue(t, await moderator(t, dialogue));
      expect(items.find((item) => item.comment.id === held.json().id)).toMatchObject({ kind: 'held', heldReason: 'watched_word' });
    });
  });

  describe('reports', () => {
    it('holds a published comment once three distinct participants reported it, and lists the reports', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      for (let i = 0; i < 2; i += 1) await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'offensive' } });
      expect((await publicThread(t, topic.id))[0]!.status).toBe('published');
      const mod = await moderator(t, dialogue);
      expect((await queue(t, mod)).find((item) => item.comment.id === comment.id)).toMatchObject({
        kind: 'reported',
        reports: [{ reason: 'offensive' }, { reason: 'offensive' }],
      });
      await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'spam', details: 'Repeated link.' } });
      expect(await publicThread(t, topic.id)).toEqual([]);
      const item = (await queue(t, mod)).find((entry) => entry.comment.id === comment.id)!;
      expect(item).toMatchObject({ kind: 'held', heldReason: 'reports' });
      expect(item.reports.map((report) => report.reason)).toEqual(['offensive', 'offensive', 'spam']);
      expect(JSON.stringify(item)).not.toMatch(/reporter/i);
    });

    it('closes the reports when a moderator keeps a reported comment', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'off_topic' } });
      const mod = await moderator(t, dialogue);
      const kept = await act(t, mod, comment.id, { action: 'approve' });
      expect([kept.statusCode, kept.json().status]).toEqual([200, 'published']);
      expect((await queue(t, mod)).some((item) => item.comment.id === comment.id)).toBe(false);
      expect((await act(t, mod, comment.id, { action: 'approve' })).statusCode).toBe(409);
    });
  });

  describe('POST /api/comments/:id/moderation', () => {
    it('approves a held comment, tells its author, and logs who did what, when and why', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const held = await postComment(t, author, topic.id, { body: 'Held first.' });
      const mod = await moderator(t, dialogue);
      const approved = await act(t, mod, held.id, { action: 'approve', reason: 'Fine.' });
      expect([approved.statusCode, approved.json().status]).toEqual([200, 'published']);
      expect((await publicThread(t, topic.id)).map((c) => c.id)).toEqual([held.id]);
      const notes = await t.ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', author.user.id).execute();
      expect(notes.map((note) => note.kind)).toEqual(['comment.approve']);
      const log = (await call(t, 'GET', '/api/moderation/log?action=comment.approve', { as: mod })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({
        actor: { id: mod.user.id },
        targetId: held.id,
        reason: 'Fine.',
        before: { status: 'pending' },
        after: { status: 'published' },
      });
    });

    it('lets exactly one of two moderators acting at once decide; the other gets 409', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const held = await postComment(t, await participant(t), topic.id);
      const [a, b] = [await moderator(t, dialogue), await moderator(t, dialogue)];
      const answers = await Promise.all([act(t, a, held.id, { action: 'approve' }), act(t, b, held.id, { action: 'decline', reason: 'Off topic.' })]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('already_moderated');
      const log = (await call(t, 'GET', '/api/moderation/log', { as: a })).json<AuditLog>();
      expect(log.items.filter((entry) => entry.targetId === held.id)).toHaveLength(1);
    });

    it('declines a held comment with a reason the author is told, never showing it to the public', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const held = await postComment(t, author, topic.id);
      const mod = await moderator(t, dialogue);
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
      const { topic, dialogue } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'To be hidden.' });
      const reply = await postComment(t, await participant(t), topic.id, { body: 'A reply.', parentId: comment.id });
      const mod = await moderator(t, dialogue);
      expect((await act(t, mod, comment.id, { action: 'hide' })).statusCode).toBe(400);
      expect((await act(t, mod, comment.id, { action: 'hide', reason: 'Insults.' })).json()).toMatchObject({
        status: 'hidden',
        bodyHtml: '<p>To be hidden.</p>',
      });
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
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      const someone = await participant(t);
      expect((await act(t, someone, comment.id, { action: 'hide', reason: 'x' })).statusCode).toBe(403);
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { body: { action: 'hide' } })).statusCode).toBe(401);
      expect((await call(t, 'GET', '/api/moderation/queue', { as: someone })).statusCode).toBe(403);
      expect((await call(t, 'GET', '/api/moderation/log')).statusCode).toBe(401);
      const mod = await moderator(t, dialogue);
      expect((await act(t, mod, 'nosuchcomment', { action: 'approve' })).statusCode).toBe(404);
      expect((await act(t, mod, comment.id, { action: 'delete' })).statusCode).toBe(400);
      expect((await act(t, mod, comment.id, { action: 'hide', reason: 'x', extra: 1 })).statusCode).toBe(400);
    });

    it('loses nothing when a report arrives while a moderator hides: the comment ends hidden, an accepted report is recorded and closed, the queue stays empty', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { reportsToHold: 1 });
      const mod = await moderator(t, dialogue);
      // Staggered by a few milliseconds either way, so the two requests interleave differently each round.
      for (const [hideDelay, reportDelay] of [
        [0, 0],
        [0, 2],
        [0, 8],
        [0, 20],
        [2, 0],
        [8, 0],
      ] as const) {
        const comment = await postComment(t, await participant(t), topic.id);
        const reporter = await participant(t);
        const [hidden, report] = await Promise.all([
          pause(hideDelay).then(() => act(t, mod, comment.id, { action: 'hide', reason: 'Spam.' })),
          pause(reportDelay).then(() => call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: reporter, body: { reason: 'spam' } })),
        ]);
        // The report came first (and may have held the comment, which the moderator then hid) or found it gone.
        expect(hidden.statusCode).toBe(200);
        expect([201, 404]).toContain(report.statusCode);
        expect((await publicThread(t, topic.id)).find((c) => c.id === comment.id)!.status).toBe('hidden');
        const reports = await t.ctx.db.selectFrom('reports').selectAll().where('comment_id', '=', comment.id).execute();
        expect(reports.map((row) => [row.reporter_id, row.resolved_at !== null])).toEqual(report.statusCode === 201 ? [[reporter.user.id, true]] : []);
        expect((await queue(t, mod)).some((item) => item.comment.id === comment.id)).toBe(false);
        const hides = (await call(t, 'GET', `/api/moderation/log?action=comment.hide&dialogue=${dialogue.slug}`, { as: mod })).json<AuditLog>();
        expect(hides.items.filter((entry) => entry.targetId === comment.id)).toHaveLength(1);
      }
    });

    it('lets exactly one of two moderators hiding one reported comment at once win; one audit entry, one notification', async () => {
      const { owner, topic, dialogue } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id);
      await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'offensive' } });
      const mod = await moderator(t, dialogue);
      const answers = await Promise.all([
        act(t, mod, comment.id, { action: 'hide', reason: 'Insult.' }),
        act(t, owner, comment.id, { action: 'hide', reason: 'Rude.' }),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=comment.hide`, { as: owner })).json<AuditLog>();
      expect(log.items.filter((entry) => entry.targetId === comment.id)).toHaveLength(1);
      const notes = await t.ctx.db.selectFrom('notifications').select('kind').where('user_id', '=', author.user.id).execute();
      expect(notes).toEqual([{ kind: 'comment.hide' }]);
      expect((await queue(t, mod)).some((item) => item.comment.id === comment.id)).toBe(false);
    });
  });

  describe('suspensions', () => {
    it('stops a participant writing until the date, keeps them reading, and lifts it', async () => {
      const { topic } = await dialogueWithTopic(t);
      const someone = await participant(t);
      // Suspensions are site-wide: a moderator of any dialogue may suspend, here one of another dialogue.
      const mod = await moderator(t, (await dialogueWithTopic(t)).dialogue);
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
      const { dialogue } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const past = new Date(Date.now() - 1000).toISOString();
      expect((await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: mod, body: { until: past, reason: 'x' } })).statusCode).toBe(400);
      const future = new Date(Date.now() + 60_000).toISOString();
      expect((await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: mod, body: { until: future } })).statusCode).toBe(400);
      expect(
        (await call(t, 'POST', `/api/users/${mod.user.id}/suspension`, { as: await moderator(t, dialogue), body: { until: future, reason: 'x' } })).statusCode,
      ).toBe(403);
      expect(
        (await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: await participant(t), body: { until: future, reason: 'x' } })).statusCode,
      ).toBe(403);
      // A moderator appointed to no dialogue moderates nothing.
      expect(
        (await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: await moderator(t), body: { until: future, reason: 'x' } })).statusCode,
      ).toBe(403);
      expect((await call(t, 'POST', '/api/users/nosuchuser/suspension', { as: mod, body: { until: future, reason: 'x' } })).statusCode).toBe(404);
    });
  });

  describe('GET /api/moderation/log', () => {
    it('pages newest first with a cursor and rejects a forged one', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
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

  describe('dialogue moderation settings', () => {
    it('holds a published comment after two reports when the organizer sets reportsToHold to 2', async () => {
      const { owner, topic, dialogue } = await dialogueWithTopic(t);
      const patched = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { reportsToHold: 2 } });
      expect([patched.statusCode, patched.json<Dialogue>().reportsToHold]).toEqual([200, 2]);
      const comment = await postComment(t, await participant(t), topic.id);
      await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'offensive' } });
      expect((await publicThread(t, topic.id))[0]!.status).toBe('published');
      await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'offensive' } });
      expect(await publicThread(t, topic.id)).toEqual([]);
      expect((await queue(t, await moderator(t, dialogue))).find((item) => item.comment.id === comment.id)).toMatchObject({
        kind: 'held',
        heldReason: 'reports',
      });
    });

    it('holds a participant’s first comment (first_comment) until a moderator approves it, then lets them post freely', async () => {
      const { owner, topic, dialogue } = await dialogueWithTopic(t);
      expect(
        (await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { holdFirstComment: true } })).json<Dialogue>().holdFirstComment,
      ).toBe(true);
      const newcomer = await participant(t);
      const first = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: newcomer, body: { body: 'My first words here.' } });
      expect([first.statusCode, first.json<Comment>().status]).toEqual([202, 'pending']);
      // Still no approved comment: the second waits too.
      expect((await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: newcomer, body: { body: 'Anyone there?' } })).statusCode).toBe(202);
      const mod = await moderator(t, dialogue);
      expect((await queue(t, mod)).find((item) => item.comment.id === first.json<Comment>().id)).toMatchObject({ kind: 'held', heldReason: 'first_comment' });
      expect(await publicThread(t, topic.id)).toEqual([]);
      expect((await act(t, mod, first.json<Comment>().id, { action: 'approve' })).statusCode).toBe(200);
      const later = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: newcomer, body: { body: 'Now I post freely.' } });
      expect([later.statusCode, later.json<Comment>().status]).toEqual([201, 'published']);
      // Per dialogue: in another dialogue that holds first comments, the newcomer is new again.
      const other = await dialogueWithTopic(t, { holdFirstComment: true });
      expect((await call(t, 'POST', `/api/topics/${other.topic.id}/comments`, { as: newcomer, body: { body: 'Hello.' } })).statusCode).toBe(202);
    });

    it('never holds a first comment of the dialogue’s moderators or organizers, nor while holdFirstComment is off', async () => {
      const { owner, topic, dialogue } = await dialogueWithTopic(t, { holdFirstComment: true });
      expect((await postComment(t, await moderator(t, dialogue), topic.id)).status).toBe('published');
      expect((await postComment(t, owner, topic.id)).status).toBe('published');
      expect((await postComment(t, await moderator(t), topic.id)).status).toBe('pending');
      await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { holdFirstComment: false } });
      expect((await postComment(t, await participant(t), topic.id)).status).toBe('published');
    });

    it('shows reportsToHold and holdFirstComment to the dialogue’s moderators and organizers only, validates them, and audits a change with before and after', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const read = async (as: Agent | null) => (await call(t, 'GET', `/api/dialogues/${dialogue.slug}`, { as })).json<Dialogue>();
      expect(await read(owner)).toMatchObject({ reportsToHold: 3, holdFirstComment: false, moderation: 'post' });
      expect(await read(await moderator(t, dialogue))).toMatchObject({ reportsToHold: 3, holdFirstComment: false });
      for (const reader of [null, await participant(t), await moderator(t, (await dialogueWithTopic(t)).dialogue)]) {
        const seen = await read(reader);
        expect(seen).not.toHaveProperty('reportsToHold');
        expect(seen).not.toHaveProperty('holdFirstComment');
      }
      for (const body of [{ reportsToHold: 0 }, { reportsToHold: 1.5 }, { reportsToHold: '2' }, { holdFirstComment: 'yes' }]) {
        expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body })).statusCode).toBe(400);
      }
      expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: await moderator(t, dialogue), body: { reportsToHold: 5 } })).statusCode).toBe(
        403,
      );
      const changed = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, {
        as: owner,
        body: { moderation: 'pre', reportsToHold: 5, holdFirstComment: true },
      });
      expect(changed.json<Dialogue>()).toMatchObject({ moderation: 'pre', reportsToHold: 5, holdFirstComment: true });
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=dialogue.update`, { as: owner })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({
        actor: { id: owner.user.id },
        before: { moderation: 'post', reportsToHold: 3, holdFirstComment: false },
        after: { moderation: 'pre', reportsToHold: 5, holdFirstComment: true },
      });
    });
  });

  describe('PATCH /api/comments/:id by a moderator (edit with a visible note)', () => {
    it('keeps the earlier text as a revision, shows the note to every reader and audits before and after', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id, { body: 'Write to me at someone@example.org' });
      const mod = await moderator(t, dialogue);
      const edited = await call(t, 'PATCH', `/api/comments/${comment.id}`, {
        as: mod,
        body: { body: 'Write to me at [address removed]', note: 'E-mail address removed' },
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json<Comment>()).toMatchObject({ editNote: 'E-mail address removed', editedAt: expect.any(String) });
      expect((await publicThread(t, topic.id))[0]).toMatchObject({ editNote: 'E-mail address removed', bodyHtml: '<p>Write to me at [address removed]</p>' });
      const revisions = await t.ctx.db.selectFrom('comment_revisions').selectAll().where('comment_id', '=', comment.id).execute();
      expect(revisions.map((row) => [row.body_markdown, row.edited_by, row.note])).toEqual([
        ['Write to me at someone@example.org', mod.user.id, 'E-mail address removed'],
      ]);
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=comment.edit`, { as: mod })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({
        actor: { id: mod.user.id },
        targetId: comment.id,
        reason: 'E-mail address removed',
        before: { bodyMarkdown: 'Write to me at someone@example.org' },
        after: { bodyMarkdown: 'Write to me at [address removed]' },
      });
    });

    it('requires a note from a moderator editing someone else’s comment (400 note_required)', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      const response = await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: await moderator(t, dialogue), body: { body: 'Silently changed' } });
      expect([response.statusCode, response.json().error.code]).toEqual([400, 'note_required']);
    });

    it('refuses a moderator of another dialogue: 403 on a published comment, 404 on a pending one', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const elsewhere = await moderator(t, (await dialogueWithTopic(t)).dialogue);
      const pending = await postComment(t, await participant(t), topic.id);
      expect((await call(t, 'PATCH', `/api/comments/${pending.id}`, { as: elsewhere, body: { body: 'x', note: 'x' } })).statusCode).toBe(404);
      const open = await dialogueWithTopic(t);
      const published = await postComment(t, await participant(t), open.topic.id);
      expect((await call(t, 'PATCH', `/api/comments/${published.id}`, { as: elsewhere, body: { body: 'x', note: 'x' } })).statusCode).toBe(403);
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
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const [a, b, someone] = [await moderator(t, dialogue), await moderator(t, dialogue), await participant(t)];
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

    it('sends dialogue A’s moderation:queued and moderation:resolved only to A’s moderators and organizers, never to a moderator of dialogue B', async () => {
      const a = await dialogueWithTopic(t, { moderation: 'pre' });
      const b = await dialogueWithTopic(t, { moderation: 'pre' });
      const [modA, modB, anOrganizer] = [await moderator(t, a.dialogue), await moderator(t, b.dialogue), await organizer(t)];
      const [socketA, socketB, socketO] = await Promise.all([connect(url, modA), connect(url, modB), connect(url, anOrganizer)]);
      sockets.push(socketA, socketB, socketO);
      const seenByB = collect(socketB, 'moderation:queued');
      const resolvedForB = collect(socketB, 'moderation:resolved');
      const toA = nextEvent(socketA, 'moderation:queued');
      const toOrganizer = nextEvent(socketO, 'moderation:queued');
      const held = await postComment(t, await participant(t), a.topic.id, { body: 'For dialogue A only.' });
      expect(await toA).toMatchObject({ comment: { id: held.id }, dialogueSlug: a.dialogue.slug });
      expect(await toOrganizer).toMatchObject({ comment: { id: held.id } });
      const resolvedForA = nextEvent(socketA, 'moderation:resolved');
      await act(t, anOrganizer, held.id, { action: 'approve' });
      expect(await resolvedForA).toMatchObject({ commentId: held.id });
      // B's own feed still works.
      const toB = nextEvent(socketB, 'moderation:queued');
      const heldInB = await postComment(t, await participant(t), b.topic.id);
      expect(await toB).toMatchObject({ comment: { id: heldInB.id } });
      expect(seenByB.map((item) => item.comment.id)).toEqual([heldInB.id]);
      expect(resolvedForB).toEqual([]);
    });

    it('gives a moderator of another dialogue no pending comment, neither live nor in topic:join catch-up', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const elsewhere = await moderator(t, (await dialogueWithTopic(t)).dialogue);
      const socket = await connect(url, elsewhere);
      sockets.push(socket);
      await joinTopic(socket, topic.id);
      const created = collect(socket, 'comment:created');
      const pending = await postComment(t, await participant(t), topic.id);
      const joined = await joinTopic(socket, topic.id, { afterSeq: 0 });
      expect(joined.missed).toEqual([]);
      await pause(300);
      expect(created.filter((comment) => comment.id === pending.id)).toEqual([]);
    });

    it('moves a user’s open sockets into a dialogue’s moderation feed when appointed and out of it when removed, without reconnecting', async () => {
      const { owner, topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const someone = await participant(t);
      const socket = await connect(url, someone);
      sockets.push(socket);
      await joinTopic(socket, topic.id);
      const queued = collect(socket, 'moderation:queued');
      const created = collect(socket, 'comment:created');
      expect((await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/moderators/${someone.user.id}`, { as: owner })).statusCode).toBe(200);
      const first = await postComment(t, await participant(t), topic.id, { body: 'Seen by the new moderator.' });
      await expect.poll(() => queued.map((item) => item.comment.id)).toEqual([first.id]);
      // The topic it was already viewing now shows it pending comments too.
      await expect.poll(() => created.map((comment) => [comment.id, comment.status])).toEqual([[first.id, 'pending']]);
      expect((await call(t, 'DELETE', `/api/dialogues/${dialogue.slug}/moderators/${someone.user.id}`, { as: owner })).statusCode).toBe(200);
      const second = await postComment(t, await participant(t), topic.id, { body: 'Not for a former moderator.' });
      const rejoined = await joinTopic(socket, topic.id, { afterSeq: first.seq });
      expect(rejoined.missed.map((comment) => comment.id)).not.toContain(second.id);
      await pause(300);
      expect(queued.map((item) => item.comment.id)).toEqual([first.id]);
      expect(created.map((comment) => comment.id)).toEqual([first.id]);
    });

    it('audits a topic lock and unlock by the dialogue’s moderator with before and after, and announces each as topic:changed', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const reader = await connect(url, null);
      sockets.push(reader);
      await joinTopic(reader, topic.id);
      const lockedLive = nextEvent(reader, 'topic:changed', (changed) => changed.id === topic.id && changed.locked);
      const locked = await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: mod, body: { locked: true } });
      expect(locked.json<Topic>().locked).toBe(true);
      await lockedLive;
      const refused = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: await participant(t), body: { body: 'Too late?' } });
      expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'topic_locked']);
      const unlockedLive = nextEvent(reader, 'topic:changed', (changed) => changed.id === topic.id && !changed.locked);
      expect((await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: mod, body: { locked: false } })).json<Topic>().locked).toBe(false);
      await unlockedLive;
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&actor=${mod.user.id}`, { as: mod })).json<AuditLog>();
      expect(log.items.map((entry) => [entry.action, entry.targetId, (entry.before as Topic).locked, (entry.after as Topic).locked])).toEqual([
        ['topic.unlock', topic.id, true, false],
        ['topic.lock', topic.id, false, true],
      ]);
    });
  });
});
