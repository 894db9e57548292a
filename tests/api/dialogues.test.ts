import { describe, expect, it } from 'vitest';
import type { Dialogue, Topic } from '../../shared/dialogues.ts';
import { DAY, HOUR, toIso } from '../../server/lib/time.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, createDialogue, createTopic, dialogueInput, dialogueWithTopic, moderator, organizer, participant, postComment } from '../helpers/factories.ts';
import { useTestApp } from '../helpers/test-app.ts';

describeOnEachDatabase('dialogues, topics and visits', (kind) => {
  const t = useTestApp(kind);

  describe('POST /api/dialogues', () => {
    it('creates a dialogue for an organizer and answers 201 with the dialogue', async () => {
      const owner = await organizer(t);
      const input = dialogueInput({ timeZone: 'Europe/Zurich', hostDescription: 'the Online Community', annexLabel: 'Annex II' });
      const response = await call(t, 'POST', '/api/dialogues', { as: owner, body: input });
      expect(response.statusCode).toBe(201);
      const dialogue = response.json<Dialogue>();
      expect(dialogue).toMatchObject({
        slug: input.slug,
        title: input.title,
        theme: input.theme,
        moderation: 'post',
        languages: ['en', 'fr', 'es'],
        timeZone: 'Europe/Zurich',
        annexLabel: 'Annex II',
        status: 'open',
        published: true,
        topics: [],
      });
      expect(dialogue.opensAt).toBe(new Date(input.opensAt).toISOString());
    });

    it('rejects anonymous callers with 401 and participants and moderators with 403', async () => {
      expect((await call(t, 'POST', '/api/dialogues', { body: dialogueInput() })).statusCode).toBe(401);
      for (const agent of [await participant(t), await moderator(t)]) {
        const response = await call(t, 'POST', '/api/dialogues', { as: agent, body: dialogueInput() });
        expect(response.statusCode).toBe(403);
        expect(response.json().error.code).toBe('forbidden');
      }
    });

    it('rejects a taken slug with 409', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const response = await call(t, 'POST', '/api/dialogues', { as: owner, body: dialogueInput({ slug: dialogue.slug }) });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('slug_taken');
    });

    it.each([
      ['a slug with capitals', { slug: 'Bad-Slug' }],
      ['a slug too short', { slug: 'ab' }],
      ['an unknown moderation policy', { moderation: 'none' }],
      ['an unknown language', { languages: ['de'] }],
      ['no languages', { languages: [] }],
      ['a date that is not ISO 8601', { opensAt: 'next monday' }],
      ['a number for the title', { title: 42 }],
      ['an unknown field', { colour: 'blue' }],
    ])('rejects %s with 400 and details', async (_name, override) => {
      const owner = await organizer(t);
      const response = await call(t, 'POST', '/api/dialogues', { as: owner, body: { ...dialogueInput(), ...override } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.length).toBeGreaterThan(0);
    });

    it('rejects a window that closes before it opens, and an unknown time zone', async () => {
      const owner = await organizer(t);
      const backwards = await call(t, 'POST', '/api/dialogues', {
        as: owner,
        body: dialogueInput({ opensAt: toIso(Date.now() + DAY), closesAt: toIso(Date.now()) }),
      });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.code).toBe('invalid_window');
      const zone = await call(t, 'POST', '/api/dialogues', { as: owner, body: dialogueInput({ timeZone: 'Mars/Olympus' }) });
      expect(zone.statusCode).toBe(400);
      expect(zone.json().error.code).toBe('invalid_time_zone');
    });
  });

  describe('GET /api/dialogues and /api/dialogues/:slug', () => {
    it('lists published dialogues newest first and hides unpublished ones from everyone but organizers', async () => {
      const owner = await organizer(t);
      const older = await createDialogue(t, owner, { opensAt: toIso(Date.now() - 30 * DAY), closesAt: toIso(Date.now() - 20 * DAY) });
      const newer = await createDialogue(t, owner, { opensAt: toIso(Date.now() + 200 * DAY), closesAt: toIso(Date.now() + 210 * DAY) });
      const draft = await createDialogue(t, owner, { published: false });

      const list = (await call(t, 'GET', '/api/dialogues?limit=200')).json<{ items: Dialogue[]; nextCursor: string | null }>();
      const slugs = list.items.map((d) => d.slug);
      expect(slugs.indexOf(newer.slug)).toBeLessThan(slugs.indexOf(older.slug));
      expect(slugs).not.toContain(draft.slug);
      expect(list.nextCursor).toBeNull();
      expect(list.items.find((d) => d.slug === newer.slug)?.status).toBe('announced');
      expect(list.items.find((d) => d.slug === older.slug)?.status).toBe('closed');

      expect((await call(t, 'GET', `/api/dialogues/${draft.slug}`)).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/dialogues/${draft.slug}`, { as: await participant(t) })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/dialogues/${draft.slug}`, { as: owner })).statusCode).toBe(200);
      const asOrganizer = (await call(t, 'GET', '/api/dialogues?limit=200', { as: owner })).json<{ items: Dialogue[] }>();
      expect(asOrganizer.items.map((d) => d.slug)).toContain(draft.slug);
    });

    it('pages through the list with a cursor and rejects a forged cursor with 400', async () => {
      const owner = await organizer(t);
      for (let i = 0; i < 3; i += 1) await createDialogue(t, owner);
      const first = (await call(t, 'GET', '/api/dialogues?limit=2')).json<{ items: Dialogue[]; nextCursor: string }>();
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await call(t, 'GET', `/api/dialogues?limit=2&after=${first.nextCursor}`)).json<{ items: Dialogue[] }>();
      expect(second.items[0]?.slug).not.toBe(first.items[1]?.slug);
      const forged = await call(t, 'GET', '/api/dialogues?after=not-a-cursor');
      expect(forged.statusCode).toBe(400);
      expect(forged.json().error.code).toBe('invalid_cursor');
      expect((await call(t, 'GET', '/api/dialogues?limit=500')).statusCode).toBe(400);
    });

    it('returns the dialogue with its numbered topics and visible comment counts', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      await postComment(t, await participant(t), topic.id);
      const response = await call(t, 'GET', `/api/dialogues/${dialogue.slug}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<Dialogue>().editWindowMinutes).toBe(t.ctx.config.editWindowMinutes);
      expect(response.json<Dialogue>().topics).toEqual([
        {
          id: topic.id,
          dialogueId: dialogue.id,
          dialogueSlug: dialogue.slug,
          number: 1,
          question: topic.question,
          description: '',
          descriptionHtml: '',
          translations: {},
          commentCount: 1,
          locked: false,
        },
      ]);
    });

    it('answers 404 in the error shape for an unknown slug and 400 for a malformed one', async () => {
      const missing = await call(t, 'GET', '/api/dialogues/no-such-dialogue');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('not_found');
      expect((await call(t, 'GET', '/api/dialogues/BAD%20SLUG')).statusCode).toBe(400);
    });
  });

  describe('PATCH /api/dialogues/:slug', () => {
    it('lets an organizer change settings, the slug among them (409 when taken)', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const response = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, {
        as: owner,
        body: { moderation: 'pre', title: 'New title', annexLeadIn: 'In the week preceding the workshop' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ slug: dialogue.slug, moderation: 'pre', title: 'New title', annexLeadIn: 'In the week preceding the workshop' });
      const other = await createDialogue(t, owner);
      const taken = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { slug: other.slug } });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('slug_taken');
      const slugChange = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { slug: 'other-slug' } });
      expect(slugChange.statusCode).toBe(200);
      expect(slugChange.json()).toMatchObject({ slug: 'other-slug', title: 'New title' });
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}`)).statusCode).toBe(404);
    });

    it('refuses moderators with 403, an empty patch with 400 and a backwards window with 400', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: await moderator(t, dialogue), body: { title: 'x' } })).statusCode).toBe(403);
      expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: {} })).statusCode).toBe(400);
      const backwards = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { closesAt: toIso(Date.now() - 10 * DAY) } });
      expect(backwards.statusCode).toBe(400);
      expect(backwards.json().error.code).toBe('invalid_window');
    });

    it('records the change in the audit log with the state before and after', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { moderation: 'pre' } });
      const entry = await t.ctx.db
        .selectFrom('moderation_actions')
        .selectAll()
        .where('target_id', '=', dialogue.id)
        .where('action', '=', 'dialogue.update')
        .executeTakeFirstOrThrow();
      expect(entry.actor_id).toBe(owner.user.id);
      expect(JSON.parse(entry.before_state!).moderation).toBe('post');
      expect(JSON.parse(entry.after_state!).moderation).toBe('pre');
    });
  });

  describe('POST /api/dialogues/:slug/topics and /api/topics/:id', () => {
    it('numbers topics in order, accepts an explicit number and rejects a taken one with 409', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const first = await createTopic(t, owner, dialogue.slug, 'First question?');
      const second = await createTopic(t, owner, dialogue.slug, 'Second question?');
      expect([first.number, second.number]).toEqual([1, 2]);
      const fifth = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/topics`, { as: owner, body: { question: 'Fifth?', number: 5 } });
      expect(fifth.json<Topic>().number).toBe(5);
      const taken = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/topics`, { as: owner, body: { question: 'Again?', number: 2 } });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('topic_number_taken');
    });

    it('refuses participants, blank questions and unknown dialogues', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      expect((await call(t, 'POST', `/api/dialogues/${dialogue.slug}/topics`, { as: await participant(t), body: { question: 'Q?' } })).statusCode).toBe(403);
      expect((await call(t, 'POST', `/api/dialogues/${dialogue.slug}/topics`, { as: owner, body: { question: '   ' } })).statusCode).toBe(400);
      expect((await call(t, 'POST', '/api/dialogues/nothing-here/topics', { as: owner, body: { question: 'Q?' } })).statusCode).toBe(404);
    });

    it('returns a topic, and 404 for an unknown one', async () => {
      const { topic } = await dialogueWithTopic(t);
      const response = await call(t, 'GET', `/api/topics/${topic.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<Topic>()).toEqual(topic);
      expect((await call(t, 'GET', '/api/topics/unknown')).statusCode).toBe(404);
    });

    it('lets moderators lock a topic but only organizers change its wording', async () => {
      const { owner, topic, dialogue } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const locked = await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: mod, body: { locked: true } });
      expect(locked.statusCode).toBe(200);
      expect(locked.json<Topic>().locked).toBe(true);
      expect((await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: mod, body: { question: 'Changed?' } })).statusCode).toBe(403);
      expect((await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: await participant(t), body: { locked: false } })).statusCode).toBe(403);
      const reworded = await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { question: 'Changed?', locked: false } });
      expect(reworded.json<Topic>()).toMatchObject({ question: 'Changed?', locked: false });
    });
  });

  describe('POST /api/dialogues/:slug/visits', () => {
    it('counts a page view with a first-party visitor cookie and never stores the IP', async () => {
      const { dialogue } = await dialogueWithTopic(t);
      const first = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, { body: { path: `/d/${dialogue.slug}` } });
      expect(first.statusCode).toBe(204);
      const vid = first.cookies.find((c) => c.name === 'vid');
      expect(vid).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(vid!.maxAge).toBe(365 * 24 * 60 * 60);
      const again = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, {
        body: { path: `/d/${dialogue.slug}/t/1` },
        headers: { cookie: `vid=${vid!.value}` },
      });
      expect(again.statusCode).toBe(204);
      expect(again.cookies.find((c) => c.name === 'vid')).toBeUndefined();
      const rows = await t.ctx.db.selectFrom('visits').selectAll().where('dialogue_id', '=', dialogue.id).execute();
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.visitor_id))).toEqual(new Set([vid!.value]));
      expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
    });

    it('rejects a path that is not a site path, unknown fields and unknown dialogues', async () => {
      const { dialogue } = await dialogueWithTopic(t);
      expect((await call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, { body: { path: 'https://elsewhere' } })).statusCode).toBe(400);
      expect((await call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, { body: { path: '/', ip: '1.2.3.4' } })).statusCode).toBe(400);
      expect((await call(t, 'POST', '/api/dialogues/unknown-dialogue/visits', { body: { path: '/' } })).statusCode).toBe(404);
    });

    it('limits one visitor to 60 recorded views a minute', async () => {
      const { dialogue } = await dialogueWithTopic(t);
      const headers = { cookie: 'vid=abcdefghijklmnopqrstuvwx' };
      let last = 0;
      for (let i = 0; i < 61; i += 1) {
        last = (await call(t, 'POST', `/api/dialogues/${dialogue.slug}/visits`, { body: { path: '/' }, headers })).statusCode;
      }
      expect(last).toBe(429);
    });
  });

  describe('dialogue status from its window', () => {
    it('is announced before opening, open inside the window and closed after', async () => {
      const owner = await organizer(t);
      const announced = await createDialogue(t, owner, { opensAt: toIso(Date.now() + HOUR), closesAt: toIso(Date.now() + DAY) });
      const closed = await createDialogue(t, owner, { opensAt: toIso(Date.now() - DAY), closesAt: toIso(Date.now() - HOUR) });
      const open = await createDialogue(t, owner);
      expect([announced.status, open.status, closed.status]).toEqual(['announced', 'open', 'closed']);
    });
  });
});
