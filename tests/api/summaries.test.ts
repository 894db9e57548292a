import { describe, expect, it } from 'vitest';
import type { AuditLog } from '../../shared/moderation.ts';
import type { Citations, Suggestions, Summary, SummaryDiff, SummaryVersion, SummaryVersionList } from '../../shared/summaries.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';
import { ENGLISH } from '../unit/fixtures/key-points.fixture.ts';

async function setUp(t: TestApp) {
  const { owner, dialogue, topic } = await dialogueWithTopic(t);
  const mod = await moderator(t, dialogue);
  return { owner, dialogue, topic, mod };
}

const save = (t: TestApp, as: Agent | null, url: string, body: object) => call(t, 'PUT', url, { as, body });
const read = async (t: TestApp, url: string, as: Agent | null = null) => (await call(t, 'GET', url, { as })).json<Summary>();

describeOnEachDatabase('summaries', (kind) => {
  const t = useTestApp(kind);

  // The same rules hold for the dialogue's own summary and for a topic's.
  describe.each([
    ['GET/PUT /api/dialogues/:slug/summary', (d: { slug: string }) => `/api/dialogues/${d.slug}/summary`],
    ['GET/PUT /api/topics/:id/summary', (_d: { slug: string }, topic: { id: string }) => `/api/topics/${topic.id}/summary`],
  ])('%s', (_title, urlOf) => {
    const scopeOf = async () => {
      const set = await setUp(t);
      return { ...set, url: urlOf(set.dialogue, set.topic) };
    };

    it('answers an empty draft (version 0) while there is no summary', async () => {
      const { dialogue, topic, url } = await scopeOf();
      const response = await call(t, 'GET', url);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        dialogueId: dialogue.id,
        topicId: url.includes('/topics/') ? topic.id : null,
        body: '',
        status: 'draft',
        version: 0,
        approvedVersion: null,
        updatedBy: null,
        updatedAt: null,
      });
    });

    it('keeps drafts for moderators and shows the public only the last approved version', async () => {
      const { owner, mod, url } = await scopeOf();
      const draft = await save(t, mod, url, { body: 'Participants stressed **language classes**.', status: 'draft' });
      expect(draft.statusCode).toBe(200);
      expect(draft.json()).toMatchObject({
        body: 'Participants stressed **language classes**.',
        status: 'draft',
        version: 1,
        approvedVersion: null,
        updatedBy: { id: mod.user.id },
      });
      expect(await read(t, url)).toMatchObject({ body: '', version: 0 });
      expect(await read(t, url, await participant(t))).toMatchObject({ body: '', version: 0 });
      expect(await read(t, url, mod)).toMatchObject({ body: 'Participants stressed **language classes**.', version: 1 });

      const approved = await save(t, owner, url, { body: 'Participants stressed language classes and housing.', status: 'approved' });
      expect(approved.json()).toMatchObject({ status: 'approved', version: 2, approvedVersion: 2, updatedBy: { id: owner.user.id } });
      await save(t, mod, url, { body: 'A newer draft.', status: 'draft' });
      expect(await read(t, url)).toMatchObject({
        body: 'Participants stressed language classes and housing.',
        status: 'approved',
        version: 2,
        approvedVersion: 2,
        updatedBy: { id: owner.user.id },
      });
      expect(await read(t, url, mod)).toMatchObject({ body: 'A newer draft.', status: 'draft', version: 3, approvedVersion: 2 });
    });

    it('lets only organizers approve', async () => {
      const { mod, url } = await scopeOf();
      const refused = await save(t, mod, url, { body: 'Approved by a moderator?', status: 'approved' });
      expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'forbidden']);
      expect(await read(t, url, mod)).toMatchObject({ version: 0 });
    });

    it('answers 401 to anonymous visitors and 403 to participants and moderators of other dialogues, before reading the body', async () => {
      const { url } = await scopeOf();
      expect((await save(t, null, url, { body: 'x', status: 'draft' })).statusCode).toBe(401);
      expect((await save(t, await participant(t), url, { body: 'x', status: 'draft' })).statusCode).toBe(403);
      expect((await save(t, await participant(t), url, { nonsense: true })).statusCode).toBe(403);
      const elsewhere = await moderator(t, (await dialogueWithTopic(t)).dialogue);
      expect((await save(t, elsewhere, url, { body: 'x', status: 'draft' })).statusCode).toBe(403);
      expect((await call(t, 'GET', `${url}/versions`, { as: await participant(t) })).statusCode).toBe(403);
      expect((await call(t, 'GET', `${url}/versions`)).statusCode).toBe(401);
    });

    it('validates the body: Markdown up to 20,000 characters, a known status, no other field', async () => {
      const { mod, url } = await scopeOf();
      expect((await save(t, mod, url, { body: 'x'.repeat(20_000), status: 'draft' })).statusCode).toBe(200);
      expect((await save(t, mod, url, { body: 'x'.repeat(20_001), status: 'draft' })).statusCode).toBe(400);
      expect((await save(t, mod, url, { body: 'x', status: 'published' })).statusCode).toBe(400);
      expect((await save(t, mod, url, { body: 'x', status: 'draft', extra: 1 })).statusCode).toBe(400);
      expect((await save(t, mod, url, { body: 42, status: 'draft' })).statusCode).toBe(400);
    });

    it('refuses a save based on an outdated version with 409', async () => {
      const { mod, url } = await scopeOf();
      expect((await save(t, mod, url, { body: 'First.', status: 'draft', baseVersion: 0 })).statusCode).toBe(200);
      expect((await save(t, mod, url, { body: 'Second.', status: 'draft', baseVersion: 1 })).statusCode).toBe(200);
      const stale = await save(t, mod, url, { body: 'Lost update?', status: 'draft', baseVersion: 1 });
      expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'summary_conflict']);
      expect(await read(t, url, mod)).toMatchObject({ body: 'Second.', version: 2 });
    });

    it('keeps every version: who, when, status and body, newest first, paginated', async () => {
      const { owner, mod, url } = await scopeOf();
      expect(await (await call(t, 'GET', `${url}/versions`, { as: mod })).json()).toEqual({ items: [], nextCursor: null });
      await save(t, mod, url, { body: 'One.', status: 'draft' });
      await save(t, owner, url, { body: 'Two.', status: 'approved' });
      await save(t, mod, url, { body: 'Three.', status: 'draft' });
      const page = (await call(t, 'GET', `${url}/versions?limit=2`, { as: mod })).json<SummaryVersionList>();
      expect(page.items).toEqual([
        { version: 3, status: 'draft', author: { id: mod.user.id, displayName: mod.user.displayName }, createdAt: expect.any(String) },
        { version: 2, status: 'approved', author: { id: owner.user.id, displayName: owner.user.displayName }, createdAt: expect.any(String) },
      ]);
      expect(page.nextCursor).toBe('2');
      const rest = (await call(t, 'GET', `${url}/versions?limit=2&after=2`, { as: mod })).json<SummaryVersionList>();
      expect([rest.items.map((item) => item.version), rest.nextCursor]).toEqual([[1], null]);

      const one = await call(t, 'GET', `${url}/versions/1`, { as: mod });
      expect(one.json<SummaryVersion>()).toMatchObject({ version: 1, status: 'draft', body: 'One.', author: { id: mod.user.id } });
      expect((await call(t, 'GET', `${url}/versions/9`, { as: mod })).statusCode).toBe(404);
      expect((await call(t, 'GET', `${url}/versions/zero`, { as: mod })).statusCode).toBe(400);
      expect((await call(t, 'GET', `${url}/versions?after=abc`, { as: mod })).statusCode).toBe(400);
    });

    it('diffs two versions word by word', async () => {
      const { mod, url } = await scopeOf();
      await save(t, mod, url, { body: 'Participants stressed language classes.', status: 'draft' });
      await save(t, mod, url, { body: 'Participants stressed early language classes.', status: 'draft' });
      const diff = await call(t, 'GET', `${url}/diff?from=1&to=2`, { as: mod });
      expect(diff.statusCode).toBe(200);
      expect(diff.json<SummaryDiff>()).toEqual({
        from: 1,
        to: 2,
        parts: [
          { type: 'same', text: 'Participants stressed ' },
          { type: 'added', text: 'early ' },
          { type: 'same', text: 'language classes.' },
        ],
      });
      expect((await call(t, 'GET', `${url}/diff?from=2&to=1`, { as: mod })).json<SummaryDiff>().parts[1]).toEqual({ type: 'removed', text: 'early ' });
      expect((await call(t, 'GET', `${url}/diff?from=1&to=5`, { as: mod })).statusCode).toBe(404);
      expect((await call(t, 'GET', `${url}/diff?from=1`, { as: mod })).statusCode).toBe(400);
      expect((await call(t, 'GET', `${url}/diff?from=1&to=2`, { as: await participant(t) })).statusCode).toBe(403);
    });

    it('logs every save in the audit log', async () => {
      const { owner, dialogue, mod, url } = await scopeOf();
      await save(t, mod, url, { body: 'Draft.', status: 'draft' });
      await save(t, owner, url, { body: 'Final.', status: 'approved' });
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}`, { as: owner })).json<AuditLog>();
      const actions = log.items.filter((item) => item.action.startsWith('summary.'));
      expect(actions.map((item) => [item.action, item.actor.id, item.after])).toEqual([
        ['summary.approve', owner.user.id, { version: 2, status: 'approved', length: 6 }],
        ['summary.save', mod.user.id, { version: 1, status: 'draft', length: 6 }],
      ]);
    });
  });

  it('keeps the dialogue’s summary and each topic’s apart', async () => {
    const { dialogue, topic, mod } = await setUp(t);
    await save(t, mod, `/api/dialogues/${dialogue.slug}/summary`, { body: 'Whole dialogue.', status: 'draft' });
    await save(t, mod, `/api/topics/${topic.id}/summary`, { body: 'Topic one.', status: 'draft' });
    expect(await read(t, `/api/dialogues/${dialogue.slug}/summary`, mod)).toMatchObject({ topicId: null, body: 'Whole dialogue.', version: 1 });
    expect(await read(t, `/api/topics/${topic.id}/summary`, mod)).toMatchObject({ topicId: topic.id, body: 'Topic one.', version: 1 });
    expect((await call(t, 'GET', '/api/topics/no-such-topic/summary')).statusCode).toBe(404);
    expect((await call(t, 'GET', '/api/dialogues/no-such-dialogue/summary')).statusCode).toBe(404);
  });

  describe('GET /api/topics/:id/summary/suggestions', () => {
    it('proposes representative sentences of the published comments, each citing its comment', async () => {
      const { topic, mod } = await setUp(t);
      const ids = new Map<string, string>();
      for (const comment of ENGLISH) {
        const posted = await postComment(t, await participant(t), topic.id, { body: comment.markdown, language: 'en' });
        ids.set(posted.id, comment.id);
      }
      const response = await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions?limit=5`, { as: mod });
      expect(response.statusCode).toBe(200);
      const { sentences } = response.json<Suggestions>();
      expect(sentences).toHaveLength(5);
      expect(sentences[0]!.score).toBe(1);
      for (const sentence of sentences) {
        const source = ENGLISH.find((comment) => comment.id === ids.get(sentence.commentId))!;
        expect(source.id).toMatch(/-on-/);
        expect(source.markdown.replace(/\*\*/g, '')).toContain(sentence.text);
      }
      // The same comments give the same suggestions.
      expect((await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions?limit=5`, { as: mod })).json()).toEqual({ sentences });
    });

    it('skips headings and fragments, and names each sentence’s author as the thread does', async () => {
      const { topic, mod } = await setUp(t);
      const named = await postComment(t, await participant(t, { displayName: 'Amina Diallo' }), topic.id, {
        body: '## Language classes for migrants\n\nLanguage classes for migrant parents.\n\nLanguage classes help migrant parents find work in their new city.',
      });
      const shownByCountry = await participant(t, { displayName: 'Tomás Pérez', country: 'PH', nameDisplay: 'country' });
      const located = await postComment(t, shownByCountry, topic.id, {
        body: 'Employers and diplomas\n---\n\nEmployers rarely recognise the diplomas that newcomers bring from abroad. Diplomas, yes!',
      });
      const url = `/api/topics/${topic.id}/summary/suggestions`;
      const { sentences } = (await call(t, 'GET', url, { as: mod })).json<Suggestions>();
      expect(sentences.map(({ text, commentId, author }) => ({ text, commentId, author })).sort((a, b) => b.text.localeCompare(a.text))).toEqual([
        { text: 'Language classes help migrant parents find work in their new city.', commentId: named.id, author: 'Amina Diallo' },
        {
          text: 'Employers rarely recognise the diplomas that newcomers bring from abroad.',
          commentId: located.id,
          author: 'participant from the Philippines',
        },
      ]);
      const inSpanish = (await call(t, 'GET', `${url}?lang=es`, { as: mod })).json<Suggestions>().sentences;
      expect(inSpanish.find((sentence) => sentence.commentId === located.id)!.author).toBe('participante de Filipinas');
      expect((await call(t, 'GET', `${url}?lang=de`, { as: mod })).statusCode).toBe(400);
    });

    it('leaves out comments that are not published', async () => {
      const { topic, mod } = await setUp(t);
      const kept = await postComment(t, await participant(t), topic.id, { body: 'Language classes help migrants find work in their new city.' });
      const hidden = await postComment(t, await participant(t), topic.id, { body: 'Language classes help migrants settle in their new city.' });
      await call(t, 'POST', `/api/comments/${hidden.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Duplicate.' } });
      const { sentences } = (await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions`, { as: mod })).json<Suggestions>();
      expect(sentences.map((sentence) => sentence.commentId)).toEqual([kept.id]);
    });

    it('is for the dialogue’s moderators, with a bounded limit', async () => {
      const { topic, mod } = await setUp(t);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions`)).statusCode).toBe(401);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions`, { as: await participant(t) })).statusCode).toBe(403);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions?limit=0`, { as: mod })).statusCode).toBe(400);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions?limit=31`, { as: mod })).statusCode).toBe(400);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/summary/suggestions`, { as: mod })).json()).toEqual({ sentences: [] });
      expect((await call(t, 'GET', '/api/topics/no-such-topic/summary/suggestions', { as: mod })).statusCode).toBe(404);
    });
  });

  describe('POST /api/topics/:id/summary/citations', () => {
    it('tells which summary sentences cite no comment', async () => {
      const { topic, mod } = await setUp(t);
      const classes = await postComment(t, await participant(t), topic.id, { body: ENGLISH[0]!.markdown });
      const diplomas = await postComment(t, await participant(t), topic.id, { body: ENGLISH[3]!.markdown });
      const body =
        'Migrants who learn the local language find work faster. Foreign diplomas are rarely recognised, a barrier to integration. The weather was lovely.';
      const response = await call(t, 'POST', `/api/topics/${topic.id}/summary/citations`, { as: mod, body: { body } });
      expect(response.statusCode).toBe(200);
      expect(response.json<Citations>()).toEqual({
        sentences: [
          { text: 'Migrants who learn the local language find work faster.', commentIds: [classes.id] },
          { text: 'Foreign diplomas are rarely recognised, a barrier to integration.', commentIds: [diplomas.id] },
          { text: 'The weather was lovely.', commentIds: [] },
        ],
      });
    });

    it('is for the dialogue’s moderators and validates the body', async () => {
      const { topic, mod } = await setUp(t);
      const url = `/api/topics/${topic.id}/summary/citations`;
      expect((await call(t, 'POST', url, { body: { body: 'x' } })).statusCode).toBe(401);
      expect((await call(t, 'POST', url, { as: await participant(t), body: { body: 'x' } })).statusCode).toBe(403);
      expect((await call(t, 'POST', url, { as: mod, body: { body: 'x'.repeat(20_001) } })).statusCode).toBe(400);
      expect((await call(t, 'POST', url, { as: mod, body: {} })).statusCode).toBe(400);
      expect((await call(t, 'POST', url, { as: mod, body: { body: '' } })).json()).toEqual({ sentences: [] });
    });
  });
});
