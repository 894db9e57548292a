import { describe, expect, it } from 'vitest';
import type { AuditLog } from '../../shared/moderation.ts';
import type { DialogueQuotes, Quote } from '../../shared/quotes.ts';
import type { RegisterBody } from '../../shared/users.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, createTopic, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const BODY = 'Language classes are **the first step** of integration.\n\nMigrants who learn the local language find work faster.';
const PLAIN = 'Language classes are the first step of integration.\n\nMigrants who learn the local language find work faster.';

const quote = (t: TestApp, as: Agent | null, commentId: string, body: object) => call(t, 'POST', `/api/comments/${commentId}/quotes`, { as, body });
const patch = (t: TestApp, as: Agent | null, quoteId: string, body: object) => call(t, 'PATCH', `/api/quotes/${quoteId}`, { as, body });
const list = async (t: TestApp, slug: string, as: Agent | null = null) =>
  (await call(t, 'GET', `/api/dialogues/${slug}/quotes`, { as })).json<DialogueQuotes>();
const topicQuotes = async (t: TestApp, slug: string, topicId: string, as: Agent | null = null) =>
  (await list(t, slug, as)).topics.find((topic) => topic.topicId === topicId)!.quotes;

/** A dialogue with a topic, one of its moderators and a published comment by an author with this profile. */
async function setUp(t: TestApp, author: Partial<RegisterBody> = {}) {
  const { owner, dialogue, topic } = await dialogueWithTopic(t);
  const mod = await moderator(t, dialogue);
  const writer = await participant(t, { displayName: 'Amina Diallo', country: 'SN', affiliation: 'ngo', quoteConsent: 'name', ...author });
  const comment = await postComment(t, writer, topic.id, { body: BODY });
  return { owner, dialogue, topic, mod, writer, comment };
}

async function created(t: TestApp, as: Agent, commentId: string, body: object = { attribution: 'none' }): Promise<Quote> {
  const response = await quote(t, as, commentId, body);
  if (response.statusCode !== 201) throw new Error(`quote failed: ${response.statusCode} ${response.body}`);
  return response.json<Quote>();
}

describeOnEachDatabase('quotes', (kind) => {
  const t = useTestApp(kind);

  describe('POST /api/comments/:id/quotes', () => {
    it('quotes the whole comment as plain text, names who chose it and logs it', async () => {
      const { dialogue, topic, mod, writer, comment } = await setUp(t);
      const response = await quote(t, mod, comment.id, { attribution: 'name' });
      expect(response.statusCode).toBe(201);
      const made = response.json<Quote>();
      expect(made).toMatchObject({
        topicId: topic.id,
        commentId: comment.id,
        text: PLAIN,
        excerpt: false,
        attribution: 'name',
        effectiveAttribution: 'name',
        attributionLabel: { name: 'Amina Diallo', country: 'SN', affiliation: 'ngo' },
        position: 1,
        chosenBy: { id: mod.user.id, displayName: mod.user.displayName },
        flagged: null,
      });
      expect(made.id).toEqual(expect.any(String));
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=quote.create`, { as: mod })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({
        actor: { id: mod.user.id },
        targetType: 'quote',
        targetId: made.id,
        after: { commentId: comment.id, attribution: 'name', position: 1 },
      });
      expect(writer.user.quoteConsent).toBe('name');
    });

    it('trims an excerpt with […] where it leaves text out', async () => {
      const { mod, comment } = await setUp(t);
      const start = await created(t, mod, comment.id, { attribution: 'none', excerpt: 'Language classes are the first step' });
      expect(start).toMatchObject({ excerpt: true, text: 'Language classes are the first step […]', position: 1 });
      const middle = await created(t, mod, comment.id, { attribution: 'none', excerpt: 'the **first step** of integration.' });
      expect(middle.text).toBe('[…] the first step of integration. […]');
      const passages = await created(t, mod, comment.id, { attribution: 'none', excerpt: 'Language classes\n[…]\nfind work faster.' });
      expect(passages.text).toBe('Language classes […] find work faster.');
      const spanning = await created(t, mod, comment.id, { attribution: 'none', excerpt: 'of integration. Migrants who learn' });
      expect(spanning.text).toBe('[…] of integration.\n\nMigrants who learn […]');
      expect(spanning.position).toBe(4);
    });

    it('quotes the whole comment when the excerpt covers all of it', async () => {
      const { mod, comment } = await setUp(t);
      expect(await created(t, mod, comment.id, { attribution: 'none', excerpt: PLAIN })).toMatchObject({ excerpt: false, text: PLAIN });
    });

    it('rejects an excerpt that is not in the comment with 400', async () => {
      const { mod, comment } = await setUp(t);
      const response = await quote(t, mod, comment.id, { attribution: 'none', excerpt: 'Language classes are pointless.' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('excerpt_not_in_comment');
      const outOfOrder = await quote(t, mod, comment.id, { attribution: 'none', excerpt: 'find work faster.\n[…]\nLanguage classes' });
      expect(outOfOrder.json().error.code).toBe('excerpt_not_in_comment');
    });

    it.each([
      ['name', ['none', 'country', 'name']],
      ['country', ['none', 'country']],
      ['anonymous', ['none']],
      ['none', []],
    ] as const)('enforces the author’s consent "%s" (409 quote_not_allowed otherwise)', async (consent, allowed) => {
      const { mod, comment } = await setUp(t, { quoteConsent: consent });
      for (const attribution of ['none', 'country', 'name'] as const) {
        const response = await quote(t, mod, comment.id, { attribution });
        if ((allowed as readonly string[]).includes(attribution)) {
          expect(response.statusCode, attribution).toBe(201);
        } else {
          expect(response.statusCode, attribution).toBe(409);
          expect(response.json().error.code).toBe('quote_not_allowed');
        }
      }
    });

    it('labels a country attribution with country and affiliation only, and an anonymous one with nothing', async () => {
      const { mod, comment } = await setUp(t);
      expect((await created(t, mod, comment.id, { attribution: 'country' })).attributionLabel).toEqual({ name: null, country: 'SN', affiliation: 'ngo' });
      expect((await created(t, mod, comment.id, { attribution: 'none' })).attributionLabel).toEqual({ name: null, country: null, affiliation: null });
    });

    it('only quotes a published comment (409 for a pending or hidden one)', async () => {
      const { topic, mod } = await setUp(t);
      const preDialogue = await dialogueWithTopic(t, { moderation: 'pre' });
      const preMod = await moderator(t, preDialogue.dialogue);
      const pending = await postComment(t, await participant(t, { quoteConsent: 'name' }), preDialogue.topic.id);
      expect(pending.status).toBe('pending');
      const refused = await quote(t, preMod, pending.id, { attribution: 'none' });
      expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'comment_not_published']);
      const hidden = await postComment(t, await participant(t, { quoteConsent: 'name' }), topic.id);
      await call(t, 'POST', `/api/comments/${hidden.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Off topic.' } });
      expect((await quote(t, mod, hidden.id, { attribution: 'none' })).statusCode).toBe(409);
    });

    it('answers 401 to anonymous visitors, 403 to participants and to moderators of other dialogues, 404 for no comment', async () => {
      const { comment } = await setUp(t);
      expect((await quote(t, null, comment.id, { attribution: 'none' })).statusCode).toBe(401);
      expect((await quote(t, await participant(t), comment.id, { attribution: 'none' })).statusCode).toBe(403);
      const elsewhere = await moderator(t, (await dialogueWithTopic(t)).dialogue);
      const refused = await quote(t, elsewhere, comment.id, { attribution: 'none' });
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'forbidden']);
      // Rights are decided before the body is validated.
      expect((await quote(t, await participant(t), comment.id, { attribution: 'everyone' })).statusCode).toBe(403);
      const { mod } = await setUp(t);
      expect((await quote(t, mod, 'no-such-comment', { attribution: 'none' })).statusCode).toBe(404);
    });

    it('validates the body strictly', async () => {
      const { mod, comment } = await setUp(t);
      expect((await quote(t, mod, comment.id, { attribution: 'everyone' })).statusCode).toBe(400);
      expect((await quote(t, mod, comment.id, {})).statusCode).toBe(400);
      expect((await quote(t, mod, comment.id, { attribution: 'none', extra: 1 })).statusCode).toBe(400);
      expect((await quote(t, mod, comment.id, { attribution: 'none', excerpt: '   ' })).statusCode).toBe(400);
    });
  });

  describe('GET /api/dialogues/:slug/quotes', () => {
    it('lists every topic in order with its quotes in curated order, for anyone', async () => {
      const { owner, dialogue, topic, mod, comment } = await setUp(t);
      const second = await createTopic(t, owner, dialogue.slug, 'How can we counter xenophobia?');
      const other = await postComment(t, await participant(t, { quoteConsent: 'name' }), second.id, { body: 'Media literacy helps.' });
      const a = await created(t, mod, comment.id);
      const b = await created(t, mod, other.id, { attribution: 'name' });
      const c = await created(t, mod, comment.id, { attribution: 'none', excerpt: 'find work faster.' });
      const reply = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/quotes`);
      expect(reply.statusCode).toBe(200);
      // Who chose a quote, and the author's withdrawal of consent, are for moderators only.
      const publicView = ({ chosenBy: _chosenBy, consentWithdrawn: _consentWithdrawn, ...rest }: Quote) => rest;
      expect(reply.json<DialogueQuotes>()).toEqual({
        topics: [
          { topicId: topic.id, number: 1, question: topic.question, quotes: [a, c].map(publicView) },
          { topicId: second.id, number: 2, question: 'How can we counter xenophobia?', quotes: [b].map(publicView) },
        ],
      });
      expect((await list(t, dialogue.slug, mod)).topics[0]!.quotes).toEqual([a, c]);
      expect((await call(t, 'GET', '/api/dialogues/no-such-dialogue/quotes')).statusCode).toBe(404);
    });

    it('flags a quote whose source was hidden or withdrawn, shows it only to moderators, and unflags it on restore', async () => {
      const { dialogue, topic, mod, writer, comment } = await setUp(t);
      const made = await created(t, mod, comment.id, { attribution: 'name' });
      await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Personal data.' } });
      expect((await topicQuotes(t, dialogue.slug, topic.id, mod)).map((q) => [q.id, q.flagged])).toEqual([[made.id, 'hidden']]);
      expect(await topicQuotes(t, dialogue.slug, topic.id)).toEqual([]);
      expect(await topicQuotes(t, dialogue.slug, topic.id, await participant(t))).toEqual([]);
      expect(await topicQuotes(t, dialogue.slug, topic.id, await moderator(t, (await dialogueWithTopic(t)).dialogue))).toEqual([]);
      await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'restore' } });
      expect((await topicQuotes(t, dialogue.slug, topic.id)).map((q) => q.flagged)).toEqual([null]);

      const withdrawn = await postComment(t, writer, topic.id, { body: 'Housing matters too.' });
      const second = await created(t, mod, withdrawn.id);
      expect((await call(t, 'DELETE', `/api/comments/${withdrawn.id}`, { as: writer })).statusCode).toBe(204);
      expect((await topicQuotes(t, dialogue.slug, topic.id, mod)).map((q) => [q.id, q.flagged])).toEqual([
        [made.id, null],
        [second.id, 'withdrawn'],
      ]);
      expect((await topicQuotes(t, dialogue.slug, topic.id)).map((q) => q.id)).toEqual([made.id]);
    });

    it('narrows the attribution when the author narrows consent, and flags the quote when they withdraw it', async () => {
      const { dialogue, topic, mod, writer, comment } = await setUp(t);
      await created(t, mod, comment.id, { attribution: 'name' });
      const consent = async (quoteConsent: string) =>
        expect((await call(t, 'PATCH', '/api/auth/me', { as: writer, body: { quoteConsent } })).statusCode).toBe(200);

      await consent('country');
      expect((await topicQuotes(t, dialogue.slug, topic.id))[0]).toMatchObject({
        attribution: 'name',
        effectiveAttribution: 'country',
        attributionLabel: { name: null, country: 'SN', affiliation: 'ngo' },
        flagged: null,
      });
      await consent('anonymous');
      expect((await topicQuotes(t, dialogue.slug, topic.id))[0]).toMatchObject({
        effectiveAttribution: 'none',
        attributionLabel: { name: null, country: null, affiliation: null },
      });
      await consent('none');
      expect(await topicQuotes(t, dialogue.slug, topic.id)).toEqual([]);
      expect((await topicQuotes(t, dialogue.slug, topic.id, mod))[0]).toMatchObject({
        effectiveAttribution: null,
        attributionLabel: { name: null, country: null, affiliation: null },
        flagged: 'consent_withdrawn',
      });
      await consent('name');
      expect((await topicQuotes(t, dialogue.slug, topic.id))[0]).toMatchObject({ effectiveAttribution: 'name', flagged: null });
    });

    it('keeps a whole-comment quote in step with edits of the comment', async () => {
      const { dialogue, topic, mod, writer, comment } = await setUp(t);
      await created(t, mod, comment.id);
      await created(t, mod, comment.id, { attribution: 'none', excerpt: 'Language classes' });
      await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: writer, body: { body: 'Language classes come *first*.' } });
      expect((await topicQuotes(t, dialogue.slug, topic.id)).map((q) => q.text)).toEqual(['Language classes come first.', 'Language classes […]']);
    });
  });

  describe('PATCH /api/quotes/:id', () => {
    it('moves a quote to a new place and keeps positions dense', async () => {
      const { dialogue, topic, mod, comment } = await setUp(t);
      const [a, b, c, d] = [
        await created(t, mod, comment.id),
        await created(t, mod, comment.id),
        await created(t, mod, comment.id),
        await created(t, mod, comment.id),
      ];
      const order = async () => (await topicQuotes(t, dialogue.slug, topic.id, mod)).map((q) => [q.id, q.position]);

      const moved = await patch(t, mod, d!.id, { position: 1 });
      expect([moved.statusCode, moved.json().position]).toEqual([200, 1]);
      expect(await order()).toEqual([
        [d!.id, 1],
        [a!.id, 2],
        [b!.id, 3],
        [c!.id, 4],
      ]);
      await patch(t, mod, d!.id, { position: 3 });
      expect(await order()).toEqual([
        [a!.id, 1],
        [b!.id, 2],
        [d!.id, 3],
        [c!.id, 4],
      ]);
      const last = await patch(t, mod, a!.id, { position: 99 });
      expect(last.json().position).toBe(4);
      expect(await order()).toEqual([
        [b!.id, 1],
        [d!.id, 2],
        [c!.id, 3],
        [a!.id, 4],
      ]);

      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=quote.update`, { as: mod })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({ targetId: a!.id, before: { position: 1 }, after: { position: 4 } });
    });

    it('changes the excerpt (null for the whole comment) and the attribution within the author’s consent', async () => {
      const { mod, comment } = await setUp(t, { quoteConsent: 'country' });
      const made = await created(t, mod, comment.id, { attribution: 'none', excerpt: 'Language classes' });
      const trimmed = await patch(t, mod, made.id, { excerpt: 'find work faster.', attribution: 'country' });
      expect(trimmed.statusCode).toBe(200);
      expect(trimmed.json()).toMatchObject({ text: '[…] find work faster.', excerpt: true, attribution: 'country', position: 1 });
      expect((await patch(t, mod, made.id, { excerpt: null })).json()).toMatchObject({ text: PLAIN, excerpt: false });
      const named = await patch(t, mod, made.id, { attribution: 'name' });
      expect([named.statusCode, named.json().error.code]).toEqual([409, 'quote_not_allowed']);
      const wrong = await patch(t, mod, made.id, { excerpt: 'Not in it.' });
      expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'excerpt_not_in_comment']);
    });

    it('validates, finds and guards like the other curation routes', async () => {
      const { mod, comment } = await setUp(t);
      const made = await created(t, mod, comment.id);
      expect((await patch(t, mod, made.id, {})).statusCode).toBe(400);
      expect((await patch(t, mod, made.id, { position: 0 })).statusCode).toBe(400);
      expect((await patch(t, mod, made.id, { position: '2' })).statusCode).toBe(400);
      expect((await patch(t, mod, 'no-such-quote', { position: 1 })).statusCode).toBe(404);
      expect((await patch(t, null, made.id, { position: 1 })).statusCode).toBe(401);
      expect((await patch(t, await participant(t), made.id, { position: 1 })).statusCode).toBe(403);
      expect((await patch(t, await moderator(t, (await dialogueWithTopic(t)).dialogue), made.id, { position: 1 })).statusCode).toBe(403);
    });
  });

  describe('DELETE /api/quotes/:id', () => {
    it('removes a quote, renumbers the rest and logs it', async () => {
      const { dialogue, topic, mod, comment } = await setUp(t);
      const [a, b, c] = [await created(t, mod, comment.id), await created(t, mod, comment.id), await created(t, mod, comment.id)];
      const removed = await call(t, 'DELETE', `/api/quotes/${b!.id}`, { as: mod });
      expect(removed.statusCode).toBe(204);
      expect((await topicQuotes(t, dialogue.slug, topic.id)).map((q) => [q.id, q.position])).toEqual([
        [a!.id, 1],
        [c!.id, 2],
      ]);
      expect((await call(t, 'DELETE', `/api/quotes/${b!.id}`, { as: mod })).statusCode).toBe(404);
      const next = await created(t, mod, comment.id);
      expect(next.position).toBe(3);
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=quote.delete`, { as: mod })).json<AuditLog>();
      expect(log.items[0]).toMatchObject({ targetId: b!.id, before: { commentId: comment.id, position: 2 } });
    });

    it('answers 401 to anonymous visitors and 403 to participants', async () => {
      const { mod, comment } = await setUp(t);
      const made = await created(t, mod, comment.id);
      expect((await call(t, 'DELETE', `/api/quotes/${made.id}`)).statusCode).toBe(401);
      expect((await call(t, 'DELETE', `/api/quotes/${made.id}`, { as: await participant(t) })).statusCode).toBe(403);
    });
  });
});
