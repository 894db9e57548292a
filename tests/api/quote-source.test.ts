import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { AnnexWarning } from '../../shared/exports.ts';
import type { DialogueQuotes, Quote } from '../../shared/quotes.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const BODY = 'Schools open their doors in the evening.\n\nParents learn the **language** beside their children. Teachers stay late.';
const MIDDLE = 'Parents learn the language beside their children.';

async function setUp(t: TestApp) {
  const { owner, dialogue, topic } = await dialogueWithTopic(t);
  const mod = await moderator(t, dialogue);
  const writer = await participant(t, { displayName: 'Amina Diallo', country: 'SN', quoteConsent: 'name' });
  const comment = await postComment(t, writer, topic.id, { body: BODY });
  return { owner, dialogue, topic, mod, writer, comment };
}

async function quoteOf(t: TestApp, as: Agent, commentId: string, excerpt?: string): Promise<Quote> {
  const response = await call(t, 'POST', `/api/comments/${commentId}/quotes`, { as, body: { attribution: 'none', ...(excerpt ? { excerpt } : {}) } });
  expect(response.statusCode).toBe(201);
  const quote = response.json<Quote>();
  // Made a moment before anything that follows, so "edited after the quote was made" never hangs on a millisecond.
  await t.ctx.db.updateTable('quotes').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', quote.id).execute();
  return quote;
}

const edit = async (t: TestApp, as: Agent, commentId: string, body: string) => {
  const response = await call(t, 'PATCH', `/api/comments/${commentId}`, { as, body: { body } });
  expect(response.statusCode).toBe(200);
};

const quotesAs = async (t: TestApp, slug: string, as: Agent | null) =>
  (await call(t, 'GET', `/api/dialogues/${slug}/quotes`, { as })).json<DialogueQuotes>().topics.flatMap((topic) => topic.quotes);

const flagOf = async (t: TestApp, slug: string, as: Agent, quoteId: string) => (await quotesAs(t, slug, as)).find((quote) => quote.id === quoteId)!.flagged;

describeOnEachDatabase('a quote checked against its source comment', (kind) => {
  const t = useTestApp(kind);

  describe('GET /api/dialogues/:slug/quotes', () => {
    it('flags an excerpt whose words the edited comment no longer holds, for moderators only', async () => {
      const { dialogue, mod, writer, comment } = await setUp(t);
      const excerpt = await quoteOf(t, mod, comment.id, MIDDLE);
      const whole = await quoteOf(t, mod, comment.id);
      expect(await flagOf(t, dialogue.slug, mod, excerpt.id)).toBeNull();

      await edit(t, writer, comment.id, 'Schools open their doors in the evening.\n\nParents learn the language with their children. Teachers stay late.');
      const seen = await quotesAs(t, dialogue.slug, mod);
      expect(seen.find((quote) => quote.id === excerpt.id)!.flagged).toBe('source_changed');
      // A whole-comment quote follows the edit.
      expect(seen.find((quote) => quote.id === whole.id)).toMatchObject({ flagged: null, text: expect.stringContaining('with their children') as unknown });
      const publicly = await quotesAs(t, dialogue.slug, null);
      expect(publicly.map((quote) => quote.id)).toEqual([whole.id]);
      expect((await quotesAs(t, dialogue.slug, writer)).map((quote) => quote.id)).toEqual([whole.id]);
    });

    it('keeps an excerpt whose passages all still stand, cuts ignored, and clears the flag when the words come back', async () => {
      const { dialogue, mod, writer, comment } = await setUp(t);
      const cut = await quoteOf(t, mod, comment.id, 'Schools open their doors in the evening.\n[…]\nTeachers stay late.');
      expect(cut.text).toBe('Schools open their doors in the evening. […] Teachers stay late.');

      await edit(t, writer, comment.id, 'Schools open their doors in the evening.\n\nMothers and fathers come too.   Teachers   stay late.');
      expect(await flagOf(t, dialogue.slug, mod, cut.id)).toBeNull();

      await edit(t, writer, comment.id, 'Schools open their doors in the evening.\n\nMothers and fathers come too.');
      expect(await flagOf(t, dialogue.slug, mod, cut.id)).toBe('source_changed');

      await edit(t, writer, comment.id, 'Schools open their doors in the evening. Teachers stay late.');
      expect(await flagOf(t, dialogue.slug, mod, cut.id)).toBeNull();
    });

    it('clears the flag once a moderator selects the excerpt again from the edited comment', async () => {
      const { dialogue, mod, writer, comment } = await setUp(t);
      const excerpt = await quoteOf(t, mod, comment.id, MIDDLE);
      await edit(t, writer, comment.id, 'Schools open their doors in the evening.\n\nParents learn beside their children.');
      expect(await flagOf(t, dialogue.slug, mod, excerpt.id)).toBe('source_changed');
      const reselected = await call(t, 'PATCH', `/api/quotes/${excerpt.id}`, { as: mod, body: { excerpt: 'Parents learn beside their children.' } });
      expect(reselected.statusCode).toBe(200);
      expect(reselected.json<Quote>().flagged).toBeNull();
    });

    it('never flags a quote whose comment was not edited after the quote was made', async () => {
      const { dialogue, mod, writer, comment } = await setUp(t);
      await edit(t, writer, comment.id, 'Schools open their doors at night.\n\nParents learn together.');
      const response = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, {
        as: mod,
        body: { attribution: 'none', excerpt: 'Parents learn together.' },
      });
      expect(response.statusCode).toBe(201);
      expect(await flagOf(t, dialogue.slug, mod, response.json<Quote>().id)).toBeNull();
    });
  });

  describe('GET /api/topics/:id/comments (where the quote form gets its comment)', () => {
    it('tells the dialogue’s moderators the author’s quote consent and shown name, nobody else', async () => {
      const { dialogue, topic, mod, writer, comment } = await setUp(t);
      const hidden = await participant(t, { displayName: 'Lucía Ruiz', country: 'ES', quoteConsent: 'country', nameDisplay: 'country' });
      const other = await postComment(t, hidden, topic.id, { body: 'Another view.' });
      const authors = async (as: Agent | null) =>
        new Map((await call(t, 'GET', `/api/topics/${topic.id}/comments`, { as })).json<{ items: Comment[] }>().items.map((item) => [item.id, item.author]));
      const seenByModerator = await authors(mod);
      expect(seenByModerator.get(comment.id)).toMatchObject({ displayName: 'Amina Diallo', quoteConsent: 'name' });
      expect(seenByModerator.get(other.id)).toMatchObject({ displayName: null, country: 'ES', quoteConsent: 'country' });
      for (const reader of [null, writer, await moderator(t, (await dialogueWithTopic(t)).dialogue)]) {
        for (const author of (await authors(reader)).values()) expect(author).not.toHaveProperty('quoteConsent');
      }
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}`)).json()).toMatchObject({ quoteAttribution: 'none' });
    });
  });

  describe('the annex', () => {
    it('leaves such a quote out of every export and lists it in the warnings', async () => {
      const { owner, dialogue, topic, mod, writer, comment } = await setUp(t);
      const excerpt = await quoteOf(t, mod, comment.id, MIDDLE);
      const before = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex?format=md`, { as: owner });
      expect(before.body).toContain(`“[…] ${MIDDLE} […]”`);

      await edit(t, writer, comment.id, 'Schools open their doors in the evening.\n\nNothing else to add.');
      for (const lang of ['en', 'fr', 'es']) {
        const annex = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex?format=md&lang=${lang}`, { as: owner });
        expect(annex.statusCode).toBe(200);
        expect(annex.body).not.toContain('Parents learn');
      }
      const html = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex?format=html`, { as: owner });
      expect(html.body).not.toContain('Parents learn');

      const warnings = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex/warnings`, { as: owner })).json<{ warnings: AnnexWarning[] }>().warnings;
      const changed = warnings.filter((warning) => warning.code === 'source_changed');
      expect(changed).toEqual([
        {
          code: 'source_changed',
          message: 'A quote in topic 1 is left out: its source comment was edited after the quote was made and no longer contains the quoted words.',
          quoteId: excerpt.id,
          topicId: topic.id,
        },
      ]);
      expect(warnings.some((warning) => warning.code === 'topic_without_quotes' && warning.topicId === topic.id)).toBe(true);
    });
  });
});
