import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { Dialogue, DialogueSummary, Topic } from '../../shared/dialogues.ts';
import type { AuditLog } from '../../shared/moderation.ts';
import type { User } from '../../shared/users.ts';
import { DAY, MINUTE, toIso } from '../../server/lib/time.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import {
  anonymous,
  call,
  createDialogue,
  createTopic,
  dialogueInput,
  dialogueWithTopic,
  moderator,
  organizer,
  participant,
  postComment,
  type Agent,
} from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

type DialogueList = { items: DialogueSummary[]; nextCursor: string | null };

const list = async (t: TestApp, as: Agent | null) => (await call(t, 'GET', '/api/dialogues?limit=200', { as })).json<DialogueList>().items;
const get = (t: TestApp, as: Agent | null, slug: string) => call(t, 'GET', `/api/dialogues/${slug}`, { as });
const patch = (t: TestApp, as: Agent | null, slug: string, body: unknown) => call(t, 'PATCH', `/api/dialogues/${slug}`, { as, body });
const log = async (t: TestApp, as: Agent, query: string) => (await call(t, 'GET', `/api/moderation/log?${query}`, { as })).json<AuditLog>().items;
const copy = (t: TestApp, as: Agent | null, slug: string, body: unknown) => call(t, 'POST', `/api/dialogues/${slug}/copy`, { as, body });
const order = (t: TestApp, as: Agent | null, slug: string, topicIds: unknown) =>
  call(t, 'PUT', `/api/dialogues/${slug}/topics/order`, { as, body: { topicIds } });
const questions = (dialogue: Dialogue) => dialogue.topics.map((topic) => [topic.number, topic.question]);

let copies = 0;
const copyInput = (overrides: Record<string, unknown> = {}) => {
  copies += 1;
  return {
    slug: `idm-2011-${Date.now().toString(36)}-${copies}`,
    title: 'IDM 2011',
    opensAt: toIso(Date.now() + 300 * DAY),
    closesAt: toIso(Date.now() + 314 * DAY),
    ...overrides,
  };
};

describeOnEachDatabase('the organizers’ workspace', (kind) => {
  const t = useTestApp(kind);

  describe('GET /api/dialogues and /api/dialogues/:slug', () => {
    it('gives organizers drafts (published:false) and every dialogue’s comment total in any status; others neither', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const draft = await createDialogue(t, owner, { published: false });
      const author = await participant(t);
      await postComment(t, author, topic.id);
      const withdrawn = await postComment(t, author, topic.id, { body: 'Second thoughts.' });
      expect((await call(t, 'DELETE', `/api/comments/${withdrawn.id}`, { as: author })).statusCode).toBe(204);

      for (const reader of [anonymous, author]) {
        const items = await list(t, reader);
        expect(items.map((item) => item.slug)).not.toContain(draft.slug);
        expect(items.find((item) => item.slug === dialogue.slug)).not.toHaveProperty('commentTotal');
        expect((await get(t, reader, dialogue.slug)).json()).not.toHaveProperty('commentTotal');
      }
      const items = await list(t, owner);
      expect(items.find((item) => item.slug === draft.slug)).toMatchObject({ published: false, commentTotal: 0 });
      expect(items.find((item) => item.slug === dialogue.slug)).toMatchObject({ published: true, commentTotal: 2 });
      expect((await get(t, owner, dialogue.slug)).json()).toMatchObject({ commentTotal: 2, topics: [{ commentCount: 1 }] });
    });
  });

  describe('PATCH /api/dialogues/:slug', () => {
    it('unpublishes and publishes again, each audited as its own action; an unpublished dialogue is a 404 for all but organizers', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const someone = await participant(t);
      const unpublished = await patch(t, owner, dialogue.slug, { published: false });
      expect(unpublished.statusCode).toBe(200);
      expect(unpublished.json()).toMatchObject({ published: false });
      for (const reader of [anonymous, someone]) {
        expect((await get(t, reader, dialogue.slug)).statusCode).toBe(404);
        expect((await call(t, 'GET', `/api/topics/${topic.id}`, { as: reader })).statusCode).toBe(404);
        expect((await list(t, reader)).map((item) => item.slug)).not.toContain(dialogue.slug);
      }
      expect((await get(t, owner, dialogue.slug)).statusCode).toBe(200);
      const [unpublishing] = await log(t, owner, `dialogue=${dialogue.slug}&action=dialogue.unpublish`);
      expect(unpublishing).toMatchObject({ targetId: dialogue.id, before: { published: true }, after: { published: false } });

      expect((await patch(t, owner, dialogue.slug, { published: true })).statusCode).toBe(200);
      for (const reader of [anonymous, someone]) {
        expect((await get(t, reader, dialogue.slug)).statusCode).toBe(200);
        expect((await list(t, reader)).map((item) => item.slug)).toContain(dialogue.slug);
      }
      const [publishing] = await log(t, owner, `dialogue=${dialogue.slug}&action=dialogue.publish`);
      expect(publishing).toMatchObject({ before: { published: false }, after: { published: true } });
      expect(await log(t, owner, `dialogue=${dialogue.slug}&action=dialogue.update`)).toEqual([]);
    });

    it('moves the window of an open dialogue, audited with the window before and after', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      expect(dialogue.status).toBe('open');
      const closesAt = toIso(Date.now() + 30 * DAY);
      const moved = await patch(t, owner, dialogue.slug, { closesAt });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ closesAt, status: 'open' });
      const [entry] = await log(t, owner, `dialogue=${dialogue.slug}&action=dialogue.update`);
      expect(entry).toMatchObject({ before: { opensAt: dialogue.opensAt, closesAt: dialogue.closesAt }, after: { opensAt: dialogue.opensAt, closesAt } });
    });

    it('stores the edit window, the wall and the quote attribution, on creation and by patch', async () => {
      const owner = await organizer(t);
      const created = await createDialogue(t, owner, { editWindowMinutes: 45, wallEnabled: false, quoteAttribution: 'country' });
      expect(created).toMatchObject({ editWindowMinutes: 45, wallEnabled: false, quoteAttribution: 'country' });
      const defaults = await createDialogue(t, owner);
      expect(defaults).toMatchObject({ editWindowMinutes: t.ctx.config.editWindowMinutes, wallEnabled: true, quoteAttribution: 'none' });
      const changed = await patch(t, owner, defaults.slug, { editWindowMinutes: 0, wallEnabled: false, quoteAttribution: 'name' });
      expect(changed.json()).toMatchObject({ editWindowMinutes: 0, wallEnabled: false, quoteAttribution: 'name' });
      expect((await get(t, anonymous, defaults.slug)).json()).toMatchObject({ editWindowMinutes: 0, wallEnabled: false, quoteAttribution: 'name' });
    });

    it.each([
      ['an edit window as a string', { editWindowMinutes: '10' }],
      ['an edit window over a week', { editWindowMinutes: 10_081 }],
      ['a negative edit window', { editWindowMinutes: -1 }],
      ['the wall as a string', { wallEnabled: 'yes' }],
      ['an unknown attribution', { quoteAttribution: 'initials' }],
      ['an unknown language of translations', { translations: { de: { title: 'Migration' } } }],
      ['an unknown translated field', { translations: { fr: { colour: 'bleu' } } }],
      ['a translated title as a number', { translations: { fr: { title: 42 } } }],
      ['a translated title too long', { translations: { fr: { title: 'x'.repeat(201) } } }],
      ['translations as a list', { translations: [] }],
    ])('rejects %s with 400', async (_name, body) => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const response = await patch(t, owner, dialogue.slug, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      const created = await call(t, 'POST', '/api/dialogues', { as: owner, body: { ...dialogueInput(), ...body } });
      expect(created.statusCode).toBe(400);
    });
  });

  describe('translations', () => {
    it('stores a dialogue’s texts in its other languages, drops empty ones and returns them to everyone', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner, {
        languages: ['en', 'fr', 'es'],
        translations: {
          fr: { title: '  Migration et changement social ', description: 'Un dialogue **en ligne**.', annexLabel: 'Annexe II' },
          es: { title: ' ', theme: 'Migración y cambio social', hostDescription: '' },
        },
      });
      const expected = {
        fr: { title: 'Migration et changement social', description: 'Un dialogue **en ligne**.', annexLabel: 'Annexe II' },
        es: { theme: 'Migración y cambio social' },
      };
      expect(dialogue.translations).toEqual(expected);
      expect((await get(t, anonymous, dialogue.slug)).json<Dialogue>().translations).toEqual(expected);
      const summary = (await list(t, anonymous)).find((item) => item.slug === dialogue.slug);
      expect(summary?.translations).toEqual(expected);
    });

    it('PATCH replaces the texts of each language it names and keeps the others; a language left without text is removed', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner, {
        translations: { fr: { title: 'Titre', theme: 'Thème' }, es: { title: 'Título' } },
      });
      const replaced = await patch(t, owner, dialogue.slug, { translations: { fr: { annexLeadIn: 'Dans la semaine précédant l’atelier' } } });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json<Dialogue>().translations).toEqual({ fr: { annexLeadIn: 'Dans la semaine précédant l’atelier' }, es: { title: 'Título' } });
      const cleared = await patch(t, owner, dialogue.slug, { translations: { es: { title: '' } } });
      expect(cleared.json<Dialogue>().translations).toEqual({ fr: { annexLeadIn: 'Dans la semaine précédant l’atelier' } });
      const untouched = await patch(t, owner, dialogue.slug, { title: 'A new base title' });
      expect(untouched.json<Dialogue>()).toMatchObject({
        title: 'A new base title',
        translations: { fr: { annexLeadIn: 'Dans la semaine précédant l’atelier' } },
      });
      const [entry] = await log(t, owner, `dialogue=${dialogue.slug}&action=dialogue.update`);
      expect(entry?.after).toMatchObject({ title: 'A new base title' });
    });

    it('refuses texts in a language the dialogue is not written in with 400, and takes them once the language is added', async () => {
      const owner = await organizer(t);
      const refused = await call(t, 'POST', '/api/dialogues', {
        as: owner,
        body: dialogueInput({ languages: ['en', 'fr'], translations: { es: { title: 'Migración' } } }),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('"es"') });
      const dialogue = await createDialogue(t, owner, { languages: ['en', 'fr'] });
      const patched = await patch(t, owner, dialogue.slug, { translations: { es: { title: 'Migración' } } });
      expect(patched.statusCode).toBe(400);
      expect(patched.json().error.code).toBe('validation_failed');
      const added = await patch(t, owner, dialogue.slug, { languages: ['en', 'fr', 'es'], translations: { es: { title: 'Migración' } } });
      expect(added.statusCode).toBe(200);
      expect(added.json<Dialogue>().translations).toEqual({ es: { title: 'Migración' } });
      const topic = await createTopic(t, owner, dialogue.slug);
      const topicAccepted = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/topics`, {
        as: owner,
        body: { question: 'Why?', translations: { es: { question: '¿Por qué?' } } },
      });
      expect(topicAccepted.statusCode).toBe(201);
      const narrow = await createDialogue(t, owner, { languages: ['fr'] });
      const narrowTopic = await call(t, 'POST', `/api/dialogues/${narrow.slug}/topics`, {
        as: owner,
        body: { question: 'Pourquoi ?', translations: { en: { question: 'Why?' } } },
      });
      expect(narrowTopic.statusCode).toBe(400);
      expect((await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { translations: { de: { question: 'Warum?' } } } })).statusCode).toBe(400);
    });

    it('stores a topic’s texts in other languages on creation and by patch, with the same rules, and renders its description', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const created = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/topics`, {
        as: owner,
        body: {
          question: 'How does migration change societies?',
          description: 'Think of **schools**.',
          translations: { fr: { question: 'Comment la migration change-t-elle les sociétés ?', description: '' }, es: { question: '¿Cómo?' } },
        },
      });
      expect(created.statusCode).toBe(201);
      const topic = created.json<Topic>();
      expect(topic).toMatchObject({
        descriptionHtml: expect.stringContaining('<strong>schools</strong>'),
        translations: { fr: { question: 'Comment la migration change-t-elle les sociétés ?' }, es: { question: '¿Cómo?' } },
      });
      const patched = await call(t, 'PATCH', `/api/topics/${topic.id}`, {
        as: owner,
        body: { description: 'Think of <script>x</script>**work**.', translations: { fr: { description: 'Pensez au **travail**.' } } },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json<Topic>().descriptionHtml).not.toContain('<script');
      const read = (await call(t, 'GET', `/api/topics/${topic.id}`)).json<Topic>();
      expect(read.translations).toEqual({ fr: { description: 'Pensez au **travail**.' }, es: { question: '¿Cómo?' } });
      expect((await get(t, anonymous, dialogue.slug)).json<Dialogue>().topics[0]?.translations).toEqual(read.translations);
    });

    it('lets only organizers change a topic’s texts (a moderator may still lock it)', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const refused = await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: mod, body: { translations: { fr: { question: 'Pourquoi ?' } } } });
      expect(refused.statusCode).toBe(403);
      expect((await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: mod, body: { locked: true } })).statusCode).toBe(200);
    });
  });

  describe('POST /api/dialogues/:slug/copy', () => {
    it('makes an unpublished dialogue with the source’s texts, settings, watched words and topics, and none of its content', async () => {
      const owner = await organizer(t);
      const source = await createDialogue(t, owner, {
        title: 'IDM 2010',
        theme: 'Migration and Social Change',
        description: 'The 2010 dialogue.',
        timeZone: 'Europe/Zurich',
        moderation: 'pre',
        languages: ['en', 'fr', 'es'],
        hostDescription: 'the Online Community',
        annexLabel: 'Annex II',
        annexLeadIn: 'In the week preceding the workshop',
        reportsToHold: 5,
        holdFirstComment: true,
        editWindowMinutes: 45,
        wallEnabled: false,
        quoteAttribution: 'country',
        translations: { fr: { title: 'DIM 2010', theme: 'Migration et changement social' }, es: { title: 'DIM 2010' } },
      });
      const first = await call(t, 'POST', `/api/dialogues/${source.slug}/topics`, {
        as: owner,
        body: { question: 'First question', description: 'About **schools**.', translations: { fr: { question: 'Première question' } } },
      });
      const second = await createTopic(t, owner, source.slug, 'Second question');
      expect((await call(t, 'PATCH', `/api/topics/${second.id}`, { as: owner, body: { locked: true } })).statusCode).toBe(200);
      await call(t, 'PUT', `/api/dialogues/${source.slug}/watched-words`, { as: owner, body: { words: ['scam', 'spam'] } });
      const mod = await moderator(t, source);
      const comment = await postComment(t, await participant(t), first.json<Topic>().id);
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: owner, body: { action: 'approve' } })).statusCode).toBe(200);
      await call(t, 'PUT', `/api/topics/${first.json<Topic>().id}/summary`, { as: owner, body: { body: 'Schools matter.', status: 'draft' } });
      await call(t, 'POST', `/api/dialogues/${source.slug}/visits`, { body: { path: `/d/${source.slug}` } });

      const input = copyInput();
      const response = await copy(t, owner, source.slug, input);
      expect(response.statusCode).toBe(201);
      const copied = response.json<Dialogue>();
      expect(copied).toMatchObject({
        slug: input.slug,
        title: 'IDM 2011',
        theme: 'Migration and Social Change',
        description: 'The 2010 dialogue.',
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        timeZone: 'Europe/Zurich',
        moderation: 'pre',
        languages: ['en', 'fr', 'es'],
        hostDescription: 'the Online Community',
        annexLabel: 'Annex II',
        annexLeadIn: 'In the week preceding the workshop',
        reportsToHold: 5,
        holdFirstComment: true,
        editWindowMinutes: 45,
        wallEnabled: false,
        quoteAttribution: 'country',
        published: false,
        status: 'announced',
        commentTotal: 0,
        translations: { fr: { theme: 'Migration et changement social' } },
      });
      expect(copied.id).not.toBe(source.id);
      expect(
        copied.topics.map(({ number, question, description, translations, locked, commentCount }) => ({
          number,
          question,
          description,
          translations,
          locked,
          commentCount,
        })),
      ).toEqual([
        {
          number: 1,
          question: 'First question',
          description: 'About **schools**.',
          translations: { fr: { question: 'Première question' } },
          locked: false,
          commentCount: 0,
        },
        { number: 2, question: 'Second question', description: '', translations: {}, locked: false, commentCount: 0 },
      ]);
      expect(copied.topics.map((topic) => topic.id)).not.toContain(second.id);

      expect((await get(t, anonymous, copied.slug)).statusCode).toBe(404);
      expect((await list(t, anonymous)).map((item) => item.slug)).not.toContain(copied.slug);
      expect((await call(t, 'GET', `/api/dialogues/${copied.slug}/watched-words`, { as: owner })).json()).toEqual({ words: ['scam', 'spam'] });
      expect((await call(t, 'GET', `/api/dialogues/${copied.slug}/moderators`, { as: owner })).json()).toEqual({ items: [] });
      expect((await call(t, 'GET', `/api/topics/${copied.topics[0]!.id}/comments`, { as: owner })).json().items).toEqual([]);
      expect((await call(t, 'GET', `/api/topics/${copied.topics[0]!.id}/summary`, { as: owner })).json()).toMatchObject({ body: '', version: 0 });
      const me = (await call(t, 'GET', '/api/auth/me', { as: mod })).json<{ user: User }>().user;
      expect(me.moderates).toEqual([source.slug]);

      const entries = await log(t, owner, `dialogue=${copied.slug}&action=dialogue.copy`);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        targetType: 'dialogue',
        targetId: copied.id,
        actor: { id: owner.user.id },
        after: { source: source.slug, slug: copied.slug },
      });
      expect((await get(t, owner, source.slug)).json<Dialogue>()).toMatchObject({ title: 'IDM 2010', published: true, commentTotal: 1 });
    });

    it('decides 401 and 403 before the body, then 400 for a bad body or window, 404 for an unknown source and 409 for a taken slug', async () => {
      const owner = await organizer(t);
      const source = await createDialogue(t, owner);
      expect((await copy(t, anonymous, source.slug, { colour: 'blue' })).statusCode).toBe(401);
      for (const caller of [await participant(t), await moderator(t, source)]) {
        expect((await copy(t, caller, source.slug, { colour: 'blue' })).statusCode).toBe(403);
      }
      for (const body of [{ ...copyInput(), colour: 'blue' }, { ...copyInput(), title: 7 }, { ...copyInput(), slug: 'Bad Slug' }, { title: 'IDM 2011' }]) {
        const response = await copy(t, owner, source.slug, body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
      const backwards = await copy(t, owner, source.slug, copyInput({ opensAt: toIso(Date.now() + 2 * DAY), closesAt: toIso(Date.now() + DAY) }));
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.code).toBe('invalid_window');
      expect((await copy(t, owner, 'no-such-dialogue', copyInput())).statusCode).toBe(404);
      const taken = await copy(t, owner, source.slug, copyInput({ slug: source.slug }));
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('slug_taken');
    });
  });

  describe('DELETE /api/dialogues/:slug', () => {
    it('deletes a dialogue that never had a comment with its topics, settings and appointments, and keeps the audit log', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner, { published: false });
      const topic = await createTopic(t, owner, dialogue.slug);
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: ['scam'] } });
      const mod = await participant(t);
      expect((await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/moderators/${mod.user.id}`, { as: owner })).statusCode).toBe(200);
      await call(t, 'PUT', `/api/topics/${topic.id}/summary`, { as: owner, body: { body: 'Nothing yet.', status: 'draft' } });
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/summary`, { as: owner, body: { body: 'Nothing yet.', status: 'draft' } });
      await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { published: true } });
      await call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, { body: { path: `/d/${dialogue.slug}` } });

      const response = await call(t, 'DELETE', `/api/dialogues/${dialogue.slug}`, { as: owner });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect((await get(t, owner, dialogue.slug)).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/topics/${topic.id}`, { as: owner })).statusCode).toBe(404);
      expect((await list(t, owner)).map((item) => item.slug)).not.toContain(dialogue.slug);
      expect((await call(t, 'GET', '/api/auth/me', { as: mod })).json<{ user: User }>().user).toMatchObject({ role: 'participant', moderates: [] });
      expect((await call(t, 'DELETE', `/api/dialogues/${dialogue.slug}`, { as: owner })).statusCode).toBe(404);

      const deletions = (await log(t, owner, 'action=dialogue.delete')).filter((entry) => entry.targetId === dialogue.id);
      expect(deletions).toHaveLength(1);
      // The audit log is append-only: the entries keep pointing at the deleted dialogue's row.
      expect(deletions[0]).toMatchObject({
        dialogueId: dialogue.id,
        targetType: 'dialogue',
        before: { slug: dialogue.slug, title: dialogue.title, moderators: [mod.user.id] },
      });
      const creation = (await log(t, owner, 'action=dialogue.create')).find((entry) => entry.targetId === dialogue.id);
      expect(creation).toMatchObject({ dialogueId: dialogue.id });
      // The slug is free again.
      expect((await call(t, 'POST', '/api/dialogues', { as: owner, body: dialogueInput({ slug: dialogue.slug }) })).statusCode).toBe(201);
    });

    it('refuses with 409 dialogue_has_comments once a comment was posted, even one withdrawn or hidden', async () => {
      const author = await participant(t);
      const withdrawnCase = await dialogueWithTopic(t);
      const withdrawn = await postComment(t, author, withdrawnCase.topic.id);
      await call(t, 'DELETE', `/api/comments/${withdrawn.id}`, { as: author });
      const hiddenCase = await dialogueWithTopic(t);
      const hidden = await postComment(t, author, hiddenCase.topic.id);
      const hide = await call(t, 'POST', `/api/comments/${hidden.id}/moderation`, { as: hiddenCase.owner, body: { action: 'hide', reason: 'Off topic.' } });
      expect(hide.json<Comment>().status).toBe('hidden');
      for (const { owner, dialogue } of [withdrawnCase, hiddenCase]) {
        const response = await call(t, 'DELETE', `/api/dialogues/${dialogue.slug}`, { as: owner });
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe('dialogue_has_comments');
        expect((await get(t, owner, dialogue.slug)).statusCode).toBe(200);
      }
    });

    it('is for organizers only: 401 anonymous, 403 participants and moderators, 404 an unknown dialogue', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      expect((await call(t, 'DELETE', `/api/dialogues/${dialogue.slug}`)).statusCode).toBe(401);
      for (const caller of [await participant(t), await moderator(t, dialogue)]) {
        expect((await call(t, 'DELETE', `/api/dialogues/${dialogue.slug}`, { as: caller })).statusCode).toBe(403);
      }
      expect((await call(t, 'DELETE', '/api/dialogues/no-such-dialogue', { as: owner })).statusCode).toBe(404);
      expect((await get(t, anonymous, dialogue.slug)).statusCode).toBe(200);
    });
  });

  describe('DELETE /api/topics/:id', () => {
    it('deletes a topic without comments and numbers the others 1…n again, audited', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const [one, two, three] = [
        await createTopic(t, owner, dialogue.slug, 'One'),
        await createTopic(t, owner, dialogue.slug, 'Two'),
        await createTopic(t, owner, dialogue.slug, 'Three'),
      ];
      await postComment(t, await participant(t), three!.id);
      const response = await call(t, 'DELETE', `/api/topics/${two!.id}`, { as: owner });
      expect(response.statusCode).toBe(204);
      expect(questions((await get(t, owner, dialogue.slug)).json<Dialogue>())).toEqual([
        [1, 'One'],
        [2, 'Three'],
      ]);
      expect((await call(t, 'GET', `/api/topics/${two!.id}`, { as: owner })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/topics/${one!.id}`)).json<Topic>().number).toBe(1);
      const [entry] = await log(t, owner, `dialogue=${dialogue.slug}&action=topic.delete`);
      expect(entry).toMatchObject({ targetType: 'topic', targetId: two!.id, before: { question: 'Two', number: 2 } });
      expect((await createTopic(t, owner, dialogue.slug, 'Four')).number).toBe(3);
    });

    it('refuses with 409 topic_has_comments once a comment was posted, even withdrawn; 401, 403 and 404 as usual', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id);
      await call(t, 'DELETE', `/api/comments/${comment.id}`, { as: author });
      const refused = await call(t, 'DELETE', `/api/topics/${topic.id}`, { as: owner });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('topic_has_comments');
      const other = await createTopic(t, owner, dialogue.slug, 'Another');
      expect((await call(t, 'DELETE', `/api/topics/${other.id}`)).statusCode).toBe(401);
      for (const caller of [author, await moderator(t, dialogue)]) {
        expect((await call(t, 'DELETE', `/api/topics/${other.id}`, { as: caller })).statusCode).toBe(403);
      }
      expect((await call(t, 'DELETE', '/api/topics/no-such-topic', { as: owner })).statusCode).toBe(404);
      expect((await get(t, owner, dialogue.slug)).json<Dialogue>().topics).toHaveLength(2);
    });
  });

  describe('PUT /api/dialogues/:slug/topics/order', () => {
    it('numbers the topics 1…n in the order given, answers them and audits the order before and after', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const topics: Topic[] = [];
      for (const question of ['A', 'B', 'C', 'D']) topics.push(await createTopic(t, owner, dialogue.slug, question));
      await postComment(t, await participant(t), topics[0]!.id);
      const [a, b, c, d] = topics.map((topic) => topic.id) as [string, string, string, string];
      const response = await order(t, owner, dialogue.slug, [d, b, a, c]);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ items: Topic[] }>().items.map((topic) => [topic.number, topic.question, topic.commentCount])).toEqual([
        [1, 'D', 0],
        [2, 'B', 0],
        [3, 'A', 1],
        [4, 'C', 0],
      ]);
      expect(questions((await get(t, anonymous, dialogue.slug)).json<Dialogue>())).toEqual([
        [1, 'D'],
        [2, 'B'],
        [3, 'A'],
        [4, 'C'],
      ]);
      const [entry] = await log(t, owner, `dialogue=${dialogue.slug}&action=topic.reorder`);
      expect(entry).toMatchObject({
        targetType: 'dialogue',
        targetId: dialogue.id,
        before: {
          topics: [
            { id: a, number: 1 },
            { id: b, number: 2 },
            { id: c, number: 3 },
            { id: d, number: 4 },
          ],
        },
        after: {
          topics: [
            { id: d, number: 1 },
            { id: b, number: 2 },
            { id: a, number: 3 },
            { id: c, number: 4 },
          ],
        },
      });
      expect((await order(t, owner, dialogue.slug, [d, b, a, c])).statusCode).toBe(200);
      expect(await log(t, owner, `dialogue=${dialogue.slug}&action=topic.reorder`)).toHaveLength(1);
    });

    it('refuses an order that misses, repeats or adds a topic with 400, before that 401 and 403', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const [a, b, c] = [
        await createTopic(t, owner, dialogue.slug, 'A'),
        await createTopic(t, owner, dialogue.slug, 'B'),
        await createTopic(t, owner, dialogue.slug, 'C'),
      ].map((topic) => topic.id) as [string, string, string];
      const foreign = (await dialogueWithTopic(t)).topic.id;
      for (const ids of [
        [a, b],
        [a, b, c, foreign],
        [a, b, foreign],
        [a, b, 'no-such-topic'],
      ]) {
        const response = await order(t, owner, dialogue.slug, ids);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('invalid_topic_order');
      }
      for (const ids of [[a, b, b], [], 'a,b,c', [1, 2, 3]]) {
        const response = await order(t, owner, dialogue.slug, ids);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
      const extraField = await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/topics/order`, { as: owner, body: { topicIds: [c, b, a], colour: 'blue' } });
      expect(extraField.statusCode).toBe(400);
      expect((await order(t, anonymous, dialogue.slug, 'not even a list')).statusCode).toBe(401);
      for (const caller of [await participant(t), await moderator(t, dialogue)]) {
        expect((await order(t, caller, dialogue.slug, 'not even a list')).statusCode).toBe(403);
      }
      expect((await order(t, owner, 'no-such-dialogue', [a, b, c])).statusCode).toBe(404);
      expect(questions((await get(t, owner, dialogue.slug)).json<Dialogue>())).toEqual([
        [1, 'A'],
        [2, 'B'],
        [3, 'C'],
      ]);
    });
  });

  describe('the edit window of each dialogue', () => {
    const postedAgo = (t: TestApp, comment: Comment, ago: number) =>
      t.ctx.db
        .updateTable('comments')
        .set({ created_at: toIso(Date.now() - ago) })
        .where('id', '=', comment.id)
        .execute();

    it('lets authors edit and withdraw for the dialogue’s own window, or the server’s when it has none', async () => {
      const author = await participant(t);
      const edit = (comment: Comment) => call(t, 'PATCH', `/api/comments/${comment.id}`, { as: author, body: { body: 'Edited.' } });
      const withdraw = (comment: Comment) => call(t, 'DELETE', `/api/comments/${comment.id}`, { as: author });
      expect(t.ctx.config.editWindowMinutes).toBe(30);

      const long = await dialogueWithTopic(t, { editWindowMinutes: 60 });
      const lateInLong = await postComment(t, author, long.topic.id);
      await postedAgo(t, lateInLong, 45 * MINUTE);
      expect((await edit(lateInLong)).statusCode).toBe(200);
      expect((await withdraw(lateInLong)).statusCode).toBe(204);

      const byDefault = await dialogueWithTopic(t);
      const lateByDefault = await postComment(t, author, byDefault.topic.id);
      await postedAgo(t, lateByDefault, 45 * MINUTE);
      const closed = await edit(lateByDefault);
      expect(closed.statusCode).toBe(409);
      expect(closed.json().error).toMatchObject({ code: 'edit_window_closed', message: expect.stringContaining('30 minutes') });

      const none = await dialogueWithTopic(t);
      expect((await patch(t, none.owner, none.dialogue.slug, { editWindowMinutes: 0 })).statusCode).toBe(200);
      const early = await postComment(t, author, none.topic.id);
      await postedAgo(t, early, 1_000);
      expect((await edit(early)).statusCode).toBe(409);
      const withdrawal = await withdraw(early);
      expect(withdrawal.statusCode).toBe(409);
      expect(withdrawal.json().error.code).toBe('edit_window_closed');
    });
  });
});
