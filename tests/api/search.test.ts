import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../../shared/search.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, createDialogue, createTopic, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const search = async (t: TestApp, query: Record<string, string>, as: Agent | null = null): Promise<SearchResults> => {
  const response = await call(t, 'GET', `/api/search?${new URLSearchParams(query).toString()}`, { as });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchResults>();
};
const ids = async (t: TestApp, q: string, as: Agent | null = null, more: Record<string, string> = {}): Promise<string[]> =>
  (await search(t, { q, ...more }, as)).items.map((item) => item.id);

const moderate = (t: TestApp, as: Agent, commentId: string, action: string, reason = 'Off topic') =>
  call(t, 'POST', `/api/comments/${commentId}/moderation`, { as, body: { action, reason } });

describeOnEachDatabase('search', (kind) => {
  const t = useTestApp(kind);

  describe('GET /api/search', () => {
    it('finds a published comment with its topic, a highlighted snippet and a link to it', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      const comment = await postComment(t, writer, topic.id, {
        body: 'In our town the **language café** brought newcomers and neighbours together every Thursday evening.',
      });
      await postComment(t, writer, topic.id, { body: 'Something else entirely.' });
      const { items, nextCursor } = await search(t, { q: 'neighbours' });
      expect(nextCursor).toBeNull();
      expect(items).toEqual([
        {
          type: 'comment',
          id: comment.id,
          title: topic.question,
          snippetHtml: 'In our town the language café brought newcomers and <mark>neighbours</mark> together every Thursday evening.',
          url: `/t/${topic.id}?c=${comment.id}`,
          dialogueSlug: dialogue.slug,
          topicId: topic.id,
          language: 'en',
          createdAt: comment.createdAt,
        },
      ]);
    });

    it('folds accents both ways, in Spanish, French and English', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      const es = await postComment(t, writer, topic.id, { body: 'La integración empieza en la escuela pública.', language: 'es' });
      const fr = await postComment(t, writer, topic.id, { body: 'Les élèves apprennent le français à l’école.', language: 'fr' });
      const en = await postComment(t, writer, topic.id, { body: 'A naive view of the resume gap.', language: 'en' });
      expect(await ids(t, 'integracion')).toEqual([es.id]);
      expect(await ids(t, 'INTEGRACIÓN')).toEqual([es.id]);
      expect(await ids(t, 'eleves ecole')).toEqual([fr.id]);
      expect(await ids(t, 'francais')).toEqual([fr.id]);
      expect(await ids(t, 'naïve résumé')).toEqual([en.id]);
      const [hit] = (await search(t, { q: 'publica' })).items;
      expect(hit!.snippetHtml).toContain('<mark>pública</mark>');
    });

    it('needs every word, matches "phrases" in order and prefix* words', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      const a = await postComment(t, writer, topic.id, { body: 'Social change follows migration in both directions.' });
      const b = await postComment(t, writer, topic.id, { body: 'Change is social before it is political.' });
      const c = await postComment(t, writer, topic.id, { body: 'Integration policies and integrated schools.' });
      expect((await ids(t, 'social change')).sort()).toEqual([a.id, b.id].sort());
      expect(await ids(t, '"social change"')).toEqual([a.id]);
      expect(await ids(t, 'integrat*')).toEqual([c.id]);
      expect(await ids(t, 'integrat')).toEqual([]);
      expect(await ids(t, 'social migration')).toEqual([a.id]);
      const [hit] = (await search(t, { q: '"social change"' })).items;
      expect(hit!.snippetHtml).toBe('<mark>Social change</mark> follows migration in both directions.');
    });

    it('shows nobody but moderators a held comment, and nobody a withdrawn one', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      const other = await createDialogue(t, owner);
      const otherMod = await moderator(t, other);
      const writer = await participant(t);
      const held = await postComment(t, writer, topic.id, { body: 'Waiting for review: cooperatives of farmers.' });
      expect(held.status).toBe('pending');
      for (const as of [null, writer, otherMod]) expect(await ids(t, 'cooperatives', as)).toEqual([]);
      const seen = await search(t, { q: 'cooperatives' }, mod);
      expect(seen.items).toMatchObject([{ id: held.id, status: 'pending' }]);
      expect(await ids(t, 'cooperatives', owner)).toEqual([held.id]);

      expect((await moderate(t, mod, held.id, 'approve')).statusCode).toBe(200);
      expect(await ids(t, 'cooperatives')).toEqual([held.id]);
      expect((await search(t, { q: 'cooperatives' }, mod)).items[0]!.status).toBeUndefined();

      expect((await call(t, 'DELETE', `/api/comments/${held.id}`, { as: writer })).statusCode).toBe(204);
      for (const as of [null, writer, mod, owner]) expect(await ids(t, 'cooperatives', as)).toEqual([]);
    });

    it('drops a hidden comment at once and finds it again when restored', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const writer = await participant(t);
      const comment = await postComment(t, writer, topic.id, { body: 'Remittances fund village schools.' });
      expect(await ids(t, 'remittances')).toEqual([comment.id]);
      expect((await moderate(t, mod, comment.id, 'hide')).statusCode).toBe(200);
      expect(await ids(t, 'remittances', writer)).toEqual([]);
      expect((await search(t, { q: 'remittances' }, mod)).items).toMatchObject([{ id: comment.id, status: 'hidden' }]);
      expect((await moderate(t, mod, comment.id, 'restore')).statusCode).toBe(200);
      expect(await ids(t, 'remittances')).toEqual([comment.id]);
    });

    it('finds what an edit wrote, and no longer what it removed', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      const comment = await postComment(t, writer, topic.id, { body: 'Mentoring programmes for young migrants.' });
      const edited = await call(t, 'PATCH', `/api/comments/${comment.id}`, { as: writer, body: { body: 'Apprenticeships for young migrants.' } });
      expect(edited.statusCode).toBe(200);
      expect(await ids(t, 'mentoring')).toEqual([]);
      expect(await ids(t, 'apprenticeships')).toEqual([comment.id]);
    });

    it('keeps the comments of an unpublished dialogue to its moderators', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      const comment = await postComment(t, writer, topic.id, { body: 'Hometown associations matter.' });
      expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { published: false } })).statusCode).toBe(200);
      expect(await ids(t, 'hometown', writer)).toEqual([]);
      expect(await ids(t, 'hometown', owner)).toEqual([comment.id]);
    });

    it('finds quotes, linked to their source comment, until the source is hidden', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const writer = await participant(t, { quoteConsent: 'anonymous' });
      const comment = await postComment(t, writer, topic.id, { body: 'Diaspora bonds financed the new clinic. Nobody expected it.' });
      const made = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, {
        as: mod,
        body: { attribution: 'none', excerpt: 'Diaspora bonds financed the new clinic.' },
      });
      expect(made.statusCode).toBe(201);
      const quoteId = made.json<{ id: string }>().id;
      const found = await search(t, { q: 'clinic', type: 'quote' });
      expect(found.items).toMatchObject([
        { type: 'quote', id: quoteId, url: `/t/${topic.id}?c=${comment.id}`, snippetHtml: 'Diaspora bonds financed the new <mark>clinic</mark>. […]' },
      ]);
      expect((await search(t, { q: 'expected', type: 'quote' })).items).toEqual([]);
      expect((await moderate(t, mod, comment.id, 'hide')).statusCode).toBe(200);
      expect(await ids(t, 'clinic')).toEqual([]);
      expect((await search(t, { q: 'clinic', type: 'quote' }, mod)).items).toMatchObject([{ id: quoteId, status: 'flagged' }]);
    });

    it('finds a practice only once published, by its title, text or organization, and no longer once unpublished', async () => {
      const { dialogue } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const submitter = await participant(t);
      const body = {
        title: 'Bibliothèques vivantes',
        organization: 'Association Passerelles',
        countries: ['FR', 'SN'],
        themes: ['éducation'],
        description: 'Des réfugiés racontent leur parcours aux lycéens, un après-midi par mois.',
        contact: 'secret-contact@example.org',
        language: 'fr',
        dialogueSlug: dialogue.slug,
      };
      const created = await call(t, 'POST', '/api/practices', { as: submitter, body });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      for (const as of [null, submitter]) expect(await ids(t, 'bibliotheques', as)).toEqual([]);
      expect((await search(t, { q: 'bibliotheques' }, mod)).items).toMatchObject([{ id, status: 'submitted' }]);

      expect((await call(t, 'POST', `/api/practices/${id}/moderation`, { as: mod, body: { action: 'publish' } })).statusCode).toBe(200);
      const [hit] = (await search(t, { q: 'bibliotheques', type: 'practice' })).items;
      expect(hit).toMatchObject({
        type: 'practice',
        id,
        title: 'Bibliothèques vivantes',
        url: `/practices/${id}`,
        language: 'fr',
        dialogueSlug: dialogue.slug,
      });
      expect(await ids(t, 'lyceens refugies')).toEqual([id]);
      // Its organization is found, but the snippet quotes the description alone.
      const [byOrganization] = (await search(t, { q: 'passerelles' })).items;
      expect(byOrganization!.snippetHtml).toBe('Des réfugiés racontent leur parcours aux lycéens, un après-midi par mois.');
      expect(await ids(t, 'passerelles')).toEqual([id]);
      expect(await ids(t, 'secret contact')).toEqual([]);

      expect((await call(t, 'PATCH', `/api/practices/${id}`, { as: mod, body: { title: 'Livres humains' } })).statusCode).toBe(200);
      expect(await ids(t, 'bibliotheques')).toEqual([]);
      expect(await ids(t, 'livres humains')).toEqual([id]);

      expect((await call(t, 'POST', `/api/practices/${id}/moderation`, { as: mod, body: { action: 'unpublish', reason: 'Outdated' } })).statusCode).toBe(200);
      expect(await ids(t, 'livres')).toEqual([]);
    });

    it('filters by type, dialogue, topic and language', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const second = await createTopic(t, owner, dialogue.slug, 'What helps migrant children?');
      const other = await createDialogue(t, owner);
      const elsewhere = await createTopic(t, owner, other.slug);
      const writer = await participant(t);
      const one = await postComment(t, writer, topic.id, { body: 'Housing first.' });
      const two = await postComment(t, writer, second.id, { body: 'Housing and schools.' });
      const three = await postComment(t, writer, elsewhere.id, { body: 'Housing cooperatives.' });
      const four = await postComment(t, writer, topic.id, { body: 'Vivienda y housing.', language: 'es' });
      expect((await ids(t, 'housing')).sort()).toEqual([one.id, two.id, three.id, four.id].sort());
      expect((await ids(t, 'housing', null, { dialogue: dialogue.slug })).sort()).toEqual([one.id, two.id, four.id].sort());
      expect(await ids(t, 'housing', null, { topic: second.id })).toEqual([two.id]);
      expect(await ids(t, 'housing', null, { language: 'es' })).toEqual([four.id]);
      expect(await ids(t, 'housing', null, { type: 'practice' })).toEqual([]);
      expect(await ids(t, 'housing', null, { dialogue: 'no-such-dialogue' })).toEqual([]);
    });

    it('ranks the better match first and pages through the rest without repeats', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      const weak = await postComment(t, writer, topic.id, { body: `Xenophobia is one of many subjects here, among ${'other words '.repeat(30)}` });
      const strong = await postComment(t, writer, topic.id, { body: 'Xenophobia, xenophobia: countering xenophobia.' });
      for (let i = 0; i < 5; i++) await postComment(t, writer, topic.id, { body: `Xenophobia note ${i} ${'filler '.repeat(20)}` });
      const first = await search(t, { q: 'xenophobia', limit: '3' });
      expect(first.items[0]!.id).toBe(strong.id);
      expect(first.nextCursor).toBe('3');
      const second = await search(t, { q: 'xenophobia', limit: '3', after: first.nextCursor! });
      const third = await search(t, { q: 'xenophobia', limit: '3', after: second.nextCursor! });
      expect(third.nextCursor).toBeNull();
      const all = [...first.items, ...second.items, ...third.items].map((item) => item.id);
      expect(all).toHaveLength(7);
      expect(new Set(all).size).toBe(7);
      expect(all.at(-1)).toBe(weak.id);
    });

    it('gives topic questions in the language asked for', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const patched = await call(t, 'PATCH', `/api/topics/${topic.id}`, {
        as: owner,
        body: { translations: { fr: { question: 'Comment la migration change-t-elle les sociétés ?' } } },
      });
      expect(patched.statusCode).toBe(200);
      const writer = await participant(t);
      await postComment(t, writer, topic.id, { body: 'Festivals of many cuisines.' });
      expect((await search(t, { q: 'cuisines', lang: 'fr' })).items[0]!.title).toBe('Comment la migration change-t-elle les sociétés ?');
      expect((await search(t, { q: 'cuisines', lang: 'es' })).items[0]!.title).toBe(topic.question);
      expect(dialogue.slug).toBeTruthy();
    });

    it('answers hostile queries with 200', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      await postComment(t, writer, topic.id, { body: 'Near the border, cooperation (and trust) grows.' });
      const hostile = [
        '"',
        '""',
        '*',
        '**',
        'NEAR(',
        'NEAR(a b)',
        ')(',
        '(',
        'a OR b',
        'AND',
        'NOT x',
        '-x',
        '^x',
        'col:x',
        "'",
        "'; drop table comments; --",
        '\\',
        'x'.repeat(10_000),
        '\u0000\u0001\u0007\u001b[31m',
        '\u202e\u200b',
        '&:* | !',
        'a:*',
        '<->',
        '🙂',
      ];
      for (const q of hostile) {
        const response = await call(t, 'GET', `/api/search?q=${encodeURIComponent(q)}`);
        expect(response.statusCode, `${JSON.stringify(q.slice(0, 40))}: ${response.body}`).toBe(200);
      }
      expect(await ids(t, 'NEAR( border )(')).toHaveLength(1);
      expect(await ids(t, '"cooperation (and trust)"')).toHaveLength(1);
    });

    it('answers 200 to any query string at all (property)', async () => {
      const { topic } = await dialogueWithTopic(t);
      const writer = await participant(t);
      await postComment(t, writer, topic.id, { body: 'Mixed text: café, "quotes", stars* and (brackets).' });
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (q) => {
          // Byte by byte: encodeURIComponent throws on a lone surrogate, which UTF-8 sends as U+FFFD.
          const encoded = [...Buffer.from(q, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
          const response = await call(t, 'GET', `/api/search?q=${encoded}`);
          expect(response.statusCode).toBe(200);
          const body = response.json<SearchResults>();
          for (const item of body.items) expect(item.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
        }),
        { numRuns: 150 },
      );
    });

    it('refuses malformed filters with 400 in the error shape', async () => {
      for (const url of [
        '/api/search?q=a&type=poem',
        '/api/search?q=a&limit=0',
        '/api/search?q=a&limit=51',
        '/api/search?q=a&after=-1',
        '/api/search?q=a&language=de',
        '/api/search?q=a&extra=1',
      ]) {
        const response = await call(t, 'GET', url);
        expect(response.statusCode, url).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    });
  });
});
