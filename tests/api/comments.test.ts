import { describe, expect, it } from 'vitest';
import type { Comment, CommentPage } from '../../shared/comments.ts';
import type { Dialogue } from '../../shared/dialogues.ts';
import { DAY, HOUR, toIso } from '../../server/lib/time.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const list = async (t: TestApp, topicId: string, as: Agent | null = null, query = ''): Promise<CommentPage> =>
  (await call(t, 'GET', `/api/topics/${topicId}/comments${query}`, { as })).json<CommentPage>();

const getOne = (t: TestApp, commentId: string, as: Agent | null = null) => call(t, 'GET', `/api/comments/${commentId}`, { as });

/** The comment as the thread lists it to this reader, for comparing with what GET /api/comments/:id answers. */
const listed = async (t: TestApp, topicId: string, commentId: string, as: Agent | null = null): Promise<Comment | undefined> =>
  (await list(t, topicId, as)).items.find((comment) => comment.id === commentId);

function expectError(response: { statusCode: number; json: <T>() => T }, status: number, code: string): void {
  expect(response.statusCode).toBe(status);
  expect(response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
}

describeOnEachDatabase('comments', (kind) => {
  const t = useTestApp(kind);

  describe('POST /api/topics/:id/comments', () => {
    it('publishes a comment at once under post-moderation and answers 201 with it', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t, { displayName: 'Amina', country: 'SN', affiliation: 'ngo' });
      const response = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'Hello **world**', language: 'fr' } });
      expect(response.statusCode).toBe(201);
      const comment = response.json<Comment>();
      expect(comment).toMatchObject({
        seq: 1,
        topicId: topic.id,
        parentId: null,
        replyTo: null,
        author: { id: author.user.id, displayName: 'Amina', country: 'SN', affiliation: 'ngo' },
        bodyHtml: '<p>Hello <strong>world</strong></p>',
        bodyMarkdown: 'Hello **world**',
        language: 'fr',
        status: 'published',
        editedAt: null,
      });
      const publicView = await list(t, topic.id);
      expect(publicView.items).toHaveLength(1);
      expect(publicView.items[0]!.bodyMarkdown).toBeUndefined();
    });

    it('shows "participant from COUNTRY" authors without their name', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t, { displayName: 'Hidden Name', nameDisplay: 'country' });
      const comment = await postComment(t, author, topic.id);
      expect(comment.author.displayName).toBeNull();
      expect(JSON.stringify(await list(t, topic.id))).not.toContain('Hidden Name');
    });

    it('holds comments under pre-moderation: 202 pending, seen only by the author and moderators', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const response = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'Waiting for review' } });
      expect(response.statusCode).toBe(202);
      expect(response.json<Comment>().status).toBe('pending');
      expect((await list(t, topic.id)).items).toHaveLength(0);
      expect((await list(t, topic.id, await participant(t))).items).toHaveLength(0);
      expect((await list(t, topic.id, author)).items.map((c) => c.status)).toEqual(['pending']);
      expect((await list(t, topic.id, await moderator(t, dialogue))).items.map((c) => c.status)).toEqual(['pending']);
      expect((await list(t, topic.id, await moderator(t))).items).toHaveLength(0);
      const counted = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}`)).json<Dialogue>();
      expect(counted.topics[0]!.commentCount).toBe(0);
    });

    it('answers 401 to anonymous posters before looking at the body', async () => {
      const { topic } = await dialogueWithTopic(t);
      const response = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { body: { nonsense: true } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('not_signed_in');
    });

    it('answers 403 to a suspended participant', async () => {
      const { topic, owner } = await dialogueWithTopic(t);
      const author = await participant(t);
      await t.ctx.db
        .insertInto('suspensions')
        .values({
          id: `s${Date.now()}`,
          user_id: author.user.id,
          until: toIso(Date.now() + DAY),
          reason: 'test',
          created_by: owner.user.id,
          created_at: toIso(Date.now()),
          lifted_at: null,
          lifted_by: null,
        })
        .execute();
      const response = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'Let me in' } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('suspended');
    });

    it('answers 409 before the dialogue opens, after it closes and on a locked topic', async () => {
      const author = await participant(t);
      const announced = await dialogueWithTopic(t, { opensAt: toIso(Date.now() + HOUR), closesAt: toIso(Date.now() + DAY) });
      const closed = await dialogueWithTopic(t, { opensAt: toIso(Date.now() - DAY), closesAt: toIso(Date.now() - HOUR) });
      const lockedOne = await dialogueWithTopic(t);
      await call(t, 'PATCH', `/api/topics/${lockedOne.topic.id}`, { as: lockedOne.owner, body: { locked: true } });
      const cases = [
        [announced.topic.id, 'dialogue_not_open'],
        [closed.topic.id, 'dialogue_closed'],
        [lockedOne.topic.id, 'topic_locked'],
      ] as const;
      for (const [topicId, code] of cases) {
        const response = await call(t, 'POST', `/api/topics/${topicId}/comments`, { as: author, body: { body: 'Too early or too late' } });
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe(code);
      }
    });

    it('keeps replies one level deep and names whom a reply to a reply answers', async () => {
      const { topic } = await dialogueWithTopic(t);
      const [a, b, c] = [await participant(t, { displayName: 'Ana' }), await participant(t, { displayName: 'Ben' }), await participant(t)];
      const root = await postComment(t, a, topic.id);
      const reply = await postComment(t, b, topic.id, { body: 'A reply', parentId: root.id });
      const replyToReply = await postComment(t, c, topic.id, { body: 'Answering Ben', parentId: reply.id });
      expect(reply).toMatchObject({ parentId: root.id, replyTo: null });
      expect(replyToReply).toMatchObject({ parentId: root.id, replyTo: { id: reply.id, displayName: 'Ben' } });
    });

    it('rejects a parent from another topic or an unknown parent with 400', async () => {
      const one = await dialogueWithTopic(t);
      const two = await dialogueWithTopic(t);
      const author = await participant(t);
      const elsewhere = await postComment(t, author, two.topic.id);
      for (const parentId of [elsewhere.id, 'unknown-comment']) {
        const response = await call(t, 'POST', `/api/topics/${one.topic.id}/comments`, { as: author, body: { body: 'x', parentId } });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('invalid_parent');
      }
    });

    it('returns the original comment for a repeated clientKey, even when retried concurrently', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const body = { body: 'Posted once', clientKey: 'retry-key-0001' };
      const first = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body });
      const again = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body });
      expect(again.statusCode).toBe(201);
      expect(again.json<Comment>().id).toBe(first.json<Comment>().id);

      const burst = await Promise.all(
        Array.from({ length: 6 }, () =>
          call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'Burst', clientKey: 'retry-key-0002' } }),
        ),
      );
      expect(new Set(burst.map((r) => r.statusCode))).toEqual(new Set([201]));
      expect(new Set(burst.map((r) => r.json<Comment>().id)).size).toBe(1);
      expect((await list(t, topic.id)).items).toHaveLength(2);

      const other = await postComment(t, await participant(t), topic.id, { body: 'Same key, other author', clientKey: 'retry-key-0001' });
      expect(other.id).not.toBe(first.json<Comment>().id);
    });

    it('answers a repeated clientKey of a pending comment with 202 and the pending comment', async () => {
      const { topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const body = { body: 'Held', clientKey: 'pending-key-01' };
      await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body });
      const again = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body });
      expect(again.statusCode).toBe(202);
      expect(again.json<Comment>().status).toBe('pending');
    });

    it('gives concurrent posts distinct, increasing seqs', async () => {
      const { topic } = await dialogueWithTopic(t);
      const authors = await Promise.all(Array.from({ length: 8 }, () => participant(t)));
      const posted = await Promise.all(authors.map((a, i) => postComment(t, a, topic.id, { body: `Comment ${i}` })));
      expect(posted.map((c) => c.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await list(t, topic.id)).items.map((c) => c.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });

    it.each([
      ['an empty body', { body: '' }, 'validation_failed'],
      ['a body over 10,000 characters', { body: 'x'.repeat(10_001) }, 'validation_failed'],
      ['a body of blank space only', { body: '   \n  ' }, 'empty_body'],
      ['a number for the body', { body: 12 }, 'validation_failed'],
      ['an unknown language', { body: 'x', language: 'de' }, 'validation_failed'],
      ['an unknown field', { body: 'x', topicId: 'y' }, 'validation_failed'],
      ['a clientKey with odd characters', { body: 'x', clientKey: 'has spaces in it' }, 'validation_failed'],
    ])('rejects %s with 400', async (_name, body, code) => {
      const { topic } = await dialogueWithTopic(t);
      const response = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: await participant(t), body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe(code);
    });

    it('accepts exactly 10,000 characters', async () => {
      const { topic } = await dialogueWithTopic(t);
      const response = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: await participant(t), body: { body: 'y'.repeat(10_000) } });
      expect(response.statusCode).toBe(201);
    });

    it('renders Markdown to sanitized HTML with safe links', async () => {
      const { topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id, {
        body: '<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> [IOM](https://www.iom.int)',
      });
      expect(comment.bodyHtml).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript:/i);
      expect(comment.bodyHtml).toContain('<a href="https://www.iom.int" rel="nofollow ugc noopener">IOM</a>');
      expect(comment.bodyHtml).toContain('&lt;script&gt;');
    });

    it('answers 404 for an unknown topic and for a topic of an unpublished dialogue', async () => {
      const author = await participant(t);
      expect((await call(t, 'POST', '/api/topics/nope/comments', { as: author, body: { body: 'x' } })).statusCode).toBe(404);
      const draft = await dialogueWithTopic(t, { published: false });
      expect((await call(t, 'POST', `/api/topics/${draft.topic.id}/comments`, { as: author, body: { body: 'x' } })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/topics/${draft.topic.id}/comments`)).statusCode).toBe(404);
    });
  });

  describe('GET /api/topics/:id/comments', () => {
    it('pages by seq with nextCursor, and catches up after a seq', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      for (let i = 1; i <= 5; i += 1) await postComment(t, author, topic.id, { body: `Comment ${i}` });
      const first = await list(t, topic.id, null, '?limit=2');
      expect(first.items.map((c) => c.seq)).toEqual([1, 2]);
      expect(first.nextCursor).toBe('2');
      const second = await list(t, topic.id, null, `?limit=2&after=${first.nextCursor}`);
      expect(second.items.map((c) => c.seq)).toEqual([3, 4]);
      const rest = await list(t, topic.id, null, '?after=4');
      expect(rest.items.map((c) => c.seq)).toEqual([5]);
      expect(rest.nextCursor).toBeNull();
      expect((await list(t, topic.id, null, '?after=5')).items).toEqual([]);
    });

    it.each(['abc', '-1', '1.5', '01', '99999999999999999999'])('rejects the malformed cursor %s with 400', async (after) => {
      const { topic } = await dialogueWithTopic(t);
      const response = await call(t, 'GET', `/api/topics/${topic.id}/comments?after=${after}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    });

    it('rejects limits outside 1 to 200', async () => {
      const { topic } = await dialogueWithTopic(t);
      for (const limit of ['0', '201', 'many']) {
        expect((await call(t, 'GET', `/api/topics/${topic.id}/comments?limit=${limit}`)).statusCode).toBe(400);
      }
    });

    it('shows hidden comments to the public only as placeholders without a body', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id, { body: 'Something offensive' });
      await t.ctx.db.updateTable('comments').set({ status: 'hidden' }).where('id', '=', comment.id).execute();
      for (const viewer of [null, await participant(t)]) {
        const page = await list(t, topic.id, viewer);
        expect(page.items).toHaveLength(1);
        expect(page.items[0]).toMatchObject({ id: comment.id, status: 'hidden', bodyHtml: '' });
        expect(JSON.stringify(page)).not.toContain('offensive');
      }
      expect((await list(t, topic.id, await moderator(t, dialogue))).items[0]!.bodyHtml).toContain('offensive');
      expect((await list(t, topic.id, await moderator(t))).items[0]!.bodyHtml).toBe('');
    });
  });

  describe('the anonymous page cache', () => {
    it('never serves an anonymous reader a thread older than the last post, edit, withdrawal or name change', async () => {
      const { topic, dialogue, owner } = await dialogueWithTopic(t);
      const author = await participant(t, { displayName: 'Before' });
      const bodies = async () => (await list(t, topic.id)).items.map((c) => [c.author.displayName, c.status, c.bodyHtml]);
      expect(await bodies()).toEqual([]);
      const comment = await postComment(t, author, topic.id, { body: 'first' });
      expect(await bodies()).toEqual([['Before', 'published', '<p>first</p>']]);
      await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: author, body: { body: 'second' } });
      expect(await bodies()).toEqual([['Before', 'published', '<p>second</p>']]);
      await call(t, 'PATCH', '/api/auth/me', { as: author, body: { displayName: 'After' } });
      expect(await bodies()).toEqual([['After', 'published', '<p>second</p>']]);
      await call(t, 'DELETE', `/api/comments/${comment.id}`, { as: author });
      expect(await bodies()).toEqual([['After', 'withdrawn', '']]);
      await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { published: false } });
      expect((await call(t, 'GET', `/api/topics/${topic.id}/comments`)).statusCode).toBe(404);
    });
  });

  describe('GET /api/comments/:id', () => {
    it('answers a published comment to anonymous readers as the thread lists it, without its Markdown', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t, { displayName: 'Amina' });
      const comment = await postComment(t, author, topic.id, { body: 'Hello **world**' });
      const response = await getOne(t, comment.id);
      expect(response.statusCode).toBe(200);
      const shown = response.json<Comment>();
      expect(shown).toMatchObject({ id: comment.id, topicId: topic.id, status: 'published', bodyHtml: '<p>Hello <strong>world</strong></p>' });
      expect(shown.author.displayName).toBe('Amina');
      expect(shown.bodyMarkdown).toBeUndefined();
      expect(shown).toEqual(await listed(t, topic.id, comment.id));
      // Its author reads the Markdown they may edit.
      expect((await getOne(t, comment.id, author)).json<Comment>().bodyMarkdown).toBe('Hello **world**');
    });

    it('shows a pending comment to its author, with its text, and to nobody else but the dialogue’s moderators', async () => {
      const { topic, dialogue, owner } = await dialogueWithTopic(t, { moderation: 'pre' });
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'Waiting for review' });
      expect(comment.status).toBe('pending');

      const own = await getOne(t, comment.id, author);
      expect(own.statusCode).toBe(200);
      expect(own.json<Comment>()).toMatchObject({ status: 'pending', bodyHtml: '<p>Waiting for review</p>', bodyMarkdown: 'Waiting for review' });
      expect(own.json<Comment>()).toEqual(await listed(t, topic.id, comment.id, author));

      for (const reader of [null, await participant(t), await moderator(t)]) {
        const response = await getOne(t, comment.id, reader);
        expectError(response, 404, 'not_found');
        expect(response.body).not.toContain('Waiting for review');
      }
      for (const reader of [await moderator(t, dialogue), owner]) {
        const response = await getOne(t, comment.id, reader);
        expect(response.statusCode).toBe(200);
        expect(response.json<Comment>()).toMatchObject({ status: 'pending', bodyHtml: '<p>Waiting for review</p>', bodyMarkdown: 'Waiting for review' });
      }
    });

    it('shows a hidden comment to the public as the thread’s placeholder, and with its body to the dialogue’s moderators', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const author = await participant(t);
      const mod = await moderator(t, dialogue);
      const comment = await postComment(t, author, topic.id, { body: 'Something offensive' });
      const hidden = await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Insults' } });
      expect(hidden.statusCode).toBe(200);

      for (const reader of [null, await participant(t), author, await moderator(t)]) {
        const response = await getOne(t, comment.id, reader);
        expect(response.statusCode).toBe(200);
        const shown = response.json<Comment>();
        expect(shown).toMatchObject({ id: comment.id, status: 'hidden', bodyHtml: '' });
        expect(shown.bodyMarkdown).toBeUndefined();
        expect(response.body).not.toContain('offensive');
        expect(shown).toEqual(await listed(t, topic.id, comment.id, reader));
      }
      const moderated = (await getOne(t, comment.id, mod)).json<Comment>();
      expect(moderated).toMatchObject({ status: 'hidden', bodyHtml: '<p>Something offensive</p>', bodyMarkdown: 'Something offensive' });
      expect(moderated).toEqual(await listed(t, topic.id, comment.id, mod));
    });

    it('answers 404 to the public for a comment hidden before anyone saw it, which moderators still read', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      const comment = await postComment(t, await participant(t), topic.id, { body: 'Never shown' });
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Spam' } })).statusCode).toBe(200);
      for (const reader of [null, await participant(t)]) expectError(await getOne(t, comment.id, reader), 404, 'not_found');
      expect((await getOne(t, comment.id, mod)).json<Comment>()).toMatchObject({ status: 'hidden', bodyHtml: '<p>Never shown</p>' });
    });

    it('shows a withdrawn comment as a placeholder', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'I take it back' });
      expect((await call(t, 'DELETE', `/api/comments/${comment.id}`, { as: author })).statusCode).toBe(204);
      const response = await getOne(t, comment.id);
      expect(response.statusCode).toBe(200);
      expect(response.json<Comment>()).toMatchObject({ status: 'withdrawn', bodyHtml: '' });
      expect(response.body).not.toContain('take it back');
    });

    it('answers 404 for a comment in an unpublished dialogue to all but organizers', async () => {
      const { topic, dialogue, owner } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'Before the dialogue was withdrawn' });
      expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { published: false } })).statusCode).toBe(200);
      for (const reader of [null, author, await participant(t)]) {
        const response = await getOne(t, comment.id, reader);
        expectError(response, 404, 'not_found');
        expect(response.body).not.toContain('Before the dialogue');
      }
      expect((await getOne(t, comment.id, owner)).statusCode).toBe(200);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expectError(await getOne(t, 'unknown'), 404, 'not_found');
      expectError(await getOne(t, 'unknown', await participant(t)), 404, 'not_found');
      for (const malformed of ['not.an.id', 'x'.repeat(65), '%20']) expectError(await getOne(t, malformed), 400, 'validation_failed');
    });
  });

  describe('PATCH /api/comments/:id', () => {
    it('lets the author edit within the window and keeps the earlier text as a revision', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'First wording' });
      const response = await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: author, body: { body: 'Second wording' } });
      expect(response.statusCode).toBe(200);
      expect(response.json<Comment>()).toMatchObject({ bodyHtml: '<p>Second wording</p>', editedAt: expect.any(String), editNote: null });
      const revisions = await t.ctx.db.selectFrom('comment_revisions').selectAll().where('comment_id', '=', comment.id).execute();
      expect(revisions.map((r) => r.body_markdown)).toEqual(['First wording']);
    });

    it('refuses other participants with 403 and anonymous callers with 401', async () => {
      const { topic } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      expect((await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: await participant(t), body: { body: 'Mine now' } })).statusCode).toBe(403);
      expect((await call(t, 'PATCH', `/api/comments/${comment.id}`, { body: { body: 'Anyone?' } })).statusCode).toBe(401);
      expect((await call(t, 'PATCH', '/api/comments/unknown', { as: await participant(t), body: { body: 'x' } })).statusCode).toBe(404);
    });

    it('lets a moderator edit with a visible note, recorded in the audit log', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id, { body: 'Call me at +41 00 000 00 00' });
      const mod = await moderator(t, dialogue);
      const response = await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: mod, body: { body: 'Call me at [removed]', note: 'Phone number removed' } });
      expect(response.statusCode).toBe(200);
      expect(response.json<Comment>().editNote).toBe('Phone number removed');
      expect((await list(t, topic.id)).items[0]!.editNote).toBe('Phone number removed');
      const audit = await t.ctx.db.selectFrom('moderation_actions').selectAll().where('target_id', '=', comment.id).executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_id: mod.user.id, action: 'comment.edit', reason: 'Phone number removed' });
    });

    it('refuses an edit after the dialogue has closed with 409', async () => {
      const { topic, dialogue, owner } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id);
      await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, {
        as: owner,
        body: { opensAt: toIso(Date.now() - 2 * DAY), closesAt: toIso(Date.now() - 1000) },
      });
      const response = await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: author, body: { body: 'Too late' } });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('dialogue_closed');
    });
  });

  describe('DELETE /api/comments/:id', () => {
    it('withdraws the author’s comment and leaves a placeholder that keeps its replies', async () => {
      const { topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const root = await postComment(t, author, topic.id, { body: 'I will take this back' });
      const reply = await postComment(t, await participant(t), topic.id, { body: 'A reply', parentId: root.id });
      const response = await call(t, 'DELETE', `/api/comments/${root.id}`, { as: author });
      expect(response.statusCode).toBe(204);
      const page = await list(t, topic.id);
      expect(page.items.map((c) => [c.id, c.status, c.bodyHtml === ''])).toEqual([
        [root.id, 'withdrawn', true],
        [reply.id, 'published', false],
      ]);
      expect(JSON.stringify(page)).not.toContain('take this back');
      const again = await call(t, 'DELETE', `/api/comments/${root.id}`, { as: author });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('already_withdrawn');
    });

    it('refuses anyone but the author', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t);
      const comment = await postComment(t, await participant(t), topic.id);
      expect((await call(t, 'DELETE', `/api/comments/${comment.id}`, { as: await participant(t) })).statusCode).toBe(403);
      expect((await call(t, 'DELETE', `/api/comments/${comment.id}`, { as: await moderator(t, dialogue) })).statusCode).toBe(403);
      expect((await call(t, 'DELETE', `/api/comments/${comment.id}`)).statusCode).toBe(401);
    });
  });
});

describeOnEachDatabase('comment limits', (kind) => {
  const t = useTestApp(kind, { rateLimitPostsPerMinute: 2, editWindowMinutes: 0 });

  it('answers the third post in a minute with 429 and Retry-After, and a retried clientKey still gets its comment', async () => {
    const { topic } = await dialogueWithTopic(t);
    const author = await participant(t);
    const first = await postComment(t, author, topic.id, { body: 'one', clientKey: 'limit-key-001' });
    await postComment(t, author, topic.id, { body: 'two' });
    const third = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'three' } });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('rate_limited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const retried = await call(t, 'POST', `/api/topics/${topic.id}/comments`, { as: author, body: { body: 'one', clientKey: 'limit-key-001' } });
    expect(retried.statusCode).toBe(201);
    expect(retried.json<Comment>().id).toBe(first.id);
    expect((await postComment(t, await participant(t), topic.id)).status).toBe('published');
  });

  it('closes the edit and withdraw window after EDIT_WINDOW_MINUTES, but not for moderators', async () => {
    const { topic, dialogue } = await dialogueWithTopic(t);
    const author = await participant(t);
    const comment = await postComment(t, author, topic.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edit = await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: author, body: { body: 'Later' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('edit_window_closed');
    expect((await call(t, 'DELETE', `/api/comments/${comment.id}`, { as: author })).statusCode).toBe(409);
    expect(
      (await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: await moderator(t, dialogue), body: { body: 'Fixed', note: 'typo' } })).statusCode,
    ).toBe(200);
  });
});
