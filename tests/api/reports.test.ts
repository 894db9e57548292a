import { describe, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, participant, postComment } from '../helpers/factories.ts';
import { useTestApp } from '../helpers/test-app.ts';

describeOnEachDatabase('reports and previews', (kind) => {
  const t = useTestApp(kind);

  describe('POST /api/comments/:id/reports', () => {
    it('records one report per participant per comment, and answers a second with 409', async () => {
      const { topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      const reporter = await participant(t);
      const first = await call(t, 'POST', `/api/comments/${comment.id}/reports`, {
        as: reporter,
        body: { reason: 'offensive', details: ' Insults a group. ' },
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ commentId: comment.id, reason: 'offensive', details: 'Insults a group.' });
      const again = await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: reporter, body: { reason: 'spam' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('already_reported');
      const rows = await t.ctx.db.selectFrom('reports').selectAll().where('comment_id', '=', comment.id).execute();
      expect(rows).toHaveLength(1);
      // The thread shows nothing of who reported.
      expect((await call(t, 'GET', `/api/topics/${topic.id}/comments`)).body).not.toContain(reporter.user.id);
    });

    it('refuses reporting one’s own comment, anonymous callers, unknown comments and bad reasons', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id);
      const own = await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: author, body: { reason: 'spam' } });
      expect([own.statusCode, own.json().error.code]).toEqual([403, 'own_comment']);
      expect((await call(t, 'POST', `/api/comments/${comment.id}/reports`, { body: { reason: 'spam' } })).statusCode).toBe(401);
      const someone = await participant(t);
      expect((await call(t, 'POST', '/api/comments/nosuchcomment/reports', { as: someone, body: { reason: 'spam' } })).statusCode).toBe(404);
      for (const body of [{ reason: 'boring' }, { reason: 'spam', details: 'x'.repeat(501) }, { reason: 'spam', extra: 1 }, {}]) {
        const response = await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: someone, body });
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
      }
    });

    it('does not take reports on a withdrawn comment', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id);
      await call(t, 'DELETE', `/api/comments/${comment.id}`, { as: author });
      expect((await call(t, 'POST', `/api/comments/${comment.id}/reports`, { as: await participant(t), body: { reason: 'spam' } })).statusCode).toBe(404);
    });
  });

  describe('POST /api/comments/preview', () => {
    it('renders a draft as posting would, sanitized, and stores nothing', async () => {
      const writer = await participant(t);
      const before = await t.ctx.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const response = await call(t, 'POST', '/api/comments/preview', {
        as: writer,
        body: { body: '**Bold** <script>alert(1)</script> [link](javascript:alert(1)) [ok](https://iom.int)' },
      });
      expect(response.statusCode).toBe(200);
      const { bodyHtml } = response.json<{ bodyHtml: string }>();
      expect(bodyHtml).toContain('<strong>Bold</strong>');
      expect(bodyHtml).not.toMatch(/<script|href="javascript:/i);
      expect(bodyHtml).toContain('rel="nofollow ugc noopener"');
      const after = await t.ctx.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('is for signed-in participants, with the comment length limits', async () => {
      expect((await call(t, 'POST', '/api/comments/preview', { body: { body: 'hi' } })).statusCode).toBe(401);
      const writer = await participant(t);
      expect((await call(t, 'POST', '/api/comments/preview', { as: writer, body: { body: '' } })).statusCode).toBe(400);
      expect((await call(t, 'POST', '/api/comments/preview', { as: writer, body: { body: 'x'.repeat(10_001) } })).statusCode).toBe(400);
    });
  });
});
