import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { AuditLog, QueueItem } from '../../shared/moderation.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, organizer, participant, postComment, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const post = (t: TestApp, as: Agent, topicId: string, body = 'A remark on the topic.') =>
  call(t, 'POST', `/api/topics/${topicId}/comments`, { as, body: { body } });
const queue = async (t: TestApp, as: Agent) => (await call(t, 'GET', '/api/moderation/queue', { as })).json<{ items: QueueItem[] }>().items;
const act = (t: TestApp, as: Agent, commentId: string, body: object) => call(t, 'POST', `/api/comments/${commentId}/moderation`, { as, body });
const report = (t: TestApp, as: Agent, commentId: string) => call(t, 'POST', `/api/comments/${commentId}/reports`, { as, body: { reason: 'off_topic' } });

describeOnEachDatabase('holding and the dialogue’s own moderators', (kind) => {
  const t = useTestApp(kind);

  describe('POST /api/topics/:id/comments', () => {
    it('never holds the dialogue’s moderators and organizers under pre-moderation; holds everyone else', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      const elsewhere = await moderator(t, (await dialogueWithTopic(t)).dialogue);
      const otherOrganizer = await organizer(t);
      for (const agent of [mod, owner, otherOrganizer]) {
        const response = await post(t, agent, topic.id);
        expect([response.statusCode, response.json<Comment>().status]).toEqual([201, 'published']);
      }
      for (const agent of [await participant(t), elsewhere]) {
        const response = await post(t, agent, topic.id);
        expect([response.statusCode, response.json<Comment>().status]).toEqual([202, 'pending']);
      }
    });

    it('never holds them for a watched word or a first comment either', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t, { holdFirstComment: true });
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: ['invaders'] } });
      const mod = await moderator(t, dialogue);
      expect((await post(t, mod, topic.id, 'Calling people invaders is wrong.')).statusCode).toBe(201);
      expect((await post(t, owner, topic.id, 'The word invaders came up twice.')).statusCode).toBe(201);
      const newcomer = await participant(t);
      const first = await post(t, newcomer, topic.id);
      expect(first.json<Comment>()).toMatchObject({ status: 'pending' });
      expect((await queue(t, mod)).find((item) => item.comment.id === first.json<Comment>().id)).toMatchObject({ heldReason: 'first_comment' });
    });

    it('does not hold a moderator’s edit of their own comment under pre-moderation', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      const own = await postComment(t, mod, topic.id, { body: 'First words.' });
      const edited = await call(t, 'PATCH', `/api/comments/${own.id}`, { as: mod, body: { body: 'Better words.' } });
      expect([edited.statusCode, edited.json<Comment>().status]).toEqual([200, 'published']);
    });
  });

  describe('POST /api/comments/:id/moderation', () => {
    it('refuses a moderator’s decision on their own reported comment with 403 own_comment; another moderator keeps it', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const colleague = await moderator(t, dialogue);
      const own = await postComment(t, mod, topic.id, { body: 'A moderator speaking as a participant.' });
      expect((await report(t, await participant(t), own.id)).statusCode).toBe(201);

      for (const action of [{ action: 'approve' }, { action: 'hide', reason: 'Mine.' }]) {
        const refused = await act(t, mod, own.id, action);
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({ error: { code: 'own_comment', message: expect.any(String) as unknown } });
      }
      const mine = (await queue(t, mod)).find((item) => item.comment.id === own.id)!;
      expect(mine).toMatchObject({ kind: 'reported', own: true });
      expect((await queue(t, colleague)).find((item) => item.comment.id === own.id)).toMatchObject({ own: false });

      const kept = await act(t, colleague, own.id, { action: 'approve' });
      expect([kept.statusCode, kept.json<Comment>().status]).toEqual([200, 'published']);
    });

    it('refuses an organizer’s decision on their own held comment', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t, { reportsToHold: 1 });
      const own = await postComment(t, owner, topic.id, { body: 'An organizer’s remark.' });
      await report(t, await participant(t), own.id);
      const mod = await moderator(t, dialogue);
      expect((await queue(t, mod)).find((item) => item.comment.id === own.id)).toMatchObject({ kind: 'held', heldReason: 'reports', own: false });
      expect((await queue(t, owner)).find((item) => item.comment.id === own.id)).toMatchObject({ own: true });
      expect((await act(t, owner, own.id, { action: 'approve' })).json()).toMatchObject({ error: { code: 'own_comment' } });
      expect((await act(t, mod, own.id, { action: 'approve' })).statusCode).toBe(200);
    });

    it('records keeping a reported comment as comment.keep, and approving a held one as comment.approve', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const reported = await postComment(t, await participant(t), topic.id);
      await report(t, await participant(t), reported.id);
      expect((await act(t, mod, reported.id, { action: 'approve', reason: 'Within the rules.' })).statusCode).toBe(200);
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}`, { as: mod })).json<AuditLog>();
      expect(log.items.filter((entry) => entry.targetId === reported.id)).toMatchObject([
        { action: 'comment.keep', reason: 'Within the rules.', before: { status: 'published' }, after: { status: 'published' } },
      ]);
      const kept = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=comment.keep`, { as: mod })).json<AuditLog>();
      expect(kept.items.map((entry) => entry.targetId)).toEqual([reported.id]);
      expect((await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=comment.approve`, { as: mod })).json<AuditLog>().items).toEqual([]);
    });
  });

  describe('PATCH /api/comments/:id', () => {
    it('leaves a comment saved with the same text unmarked: no edited time, no revision, not held', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const held = await postComment(t, author, topic.id, { body: 'Same **words**.' });
      expect((await act(t, await moderator(t, dialogue), held.id, { action: 'approve' })).statusCode).toBe(200);

      const same = await call(t, 'PATCH', `/api/comments/${held.id}`, { as: author, body: { body: 'Same **words**.' } });
      expect(same.statusCode).toBe(200);
      expect(same.json<Comment>()).toMatchObject({ id: held.id, status: 'published', editedAt: null, bodyMarkdown: 'Same **words**.' });
      const revisions = await t.ctx.db.selectFrom('comment_revisions').select('id').where('comment_id', '=', held.id).execute();
      expect(revisions).toEqual([]);

      // A real change is an edit, held again under pre-moderation.
      const changed = await call(t, 'PATCH', `/api/comments/${held.id}`, { as: author, body: { body: 'Other words.' } });
      expect(changed.statusCode).toBe(202);
      expect(changed.json<Comment>().editedAt).not.toBeNull();
    });

    it('still records a moderator’s note on an unchanged text as an edit', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id, { body: 'Kept as written.' });
      const mod = await moderator(t, dialogue);
      const noted = await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: mod, body: { body: 'Kept as written.', note: 'Checked the link.' } });
      expect(noted.statusCode).toBe(200);
      expect(noted.json<Comment>()).toMatchObject({ editNote: 'Checked the link.', editedAt: expect.any(String) as unknown });
    });
  });
});
