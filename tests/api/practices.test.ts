import { describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { AuditLog } from '../../shared/moderation.ts';
import type { NotificationList } from '../../shared/notifications.ts';
import type { Practice, PracticeExportRow, PracticeList, PracticeStats } from '../../shared/practices.ts';
import type { SearchResults } from '../../shared/search.ts';
import { bootstrap } from '../../server/seed/bootstrap.ts';
import { DEMO_SLUG } from '../../server/seed/demo.ts';
import { DEMO_PRACTICE_THEMES } from '../../server/seed/demo-practices.ts';
import { describeOnEachDatabase, type DatabaseKind } from '../helpers/databases.ts';
import { anonymous, call, createDialogue, dialogueWithTopic, moderator, participant, postComment, withRole, type Agent } from '../helpers/factories.ts';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../helpers/test-app.ts';

const DESCRIPTION = 'Volunteers meet **newcomers** every week.\n\n<script>alert(1)</script>';

const body = (overrides: Record<string, unknown> = {}) => ({
  title: 'Neighbourhood language cafés',
  organization: 'Example Language Network',
  countries: ['ES'],
  themes: ['language learning'],
  description: DESCRIPTION,
  language: 'en',
  contact: 'cafes@example.org',
  link: 'https://example.org/cafes',
  ...overrides,
});

const submit = (t: TestApp, as: Agent | null, payload: object) => call(t, 'POST', '/api/practices', { as, body: payload });
const getOne = (t: TestApp, as: Agent | null, id: string) => call(t, 'GET', `/api/practices/${id}`, { as });
const patch = (t: TestApp, as: Agent | null, id: string, payload: object) => call(t, 'PATCH', `/api/practices/${id}`, { as, body: payload });
const moderate = (t: TestApp, as: Agent | null, id: string, payload: object) => call(t, 'POST', `/api/practices/${id}/moderation`, { as, body: payload });

async function submitted(t: TestApp, as: Agent, overrides: Record<string, unknown> = {}): Promise<Practice> {
  const response = await submit(t, as, body(overrides));
  if (response.statusCode !== 201) throw new Error(`submit failed: ${response.statusCode} ${response.body}`);
  return response.json<Practice>();
}

async function decided(t: TestApp, as: Agent, id: string, action: string, reason?: string): Promise<Practice> {
  const response = await moderate(t, as, id, reason === undefined ? { action } : { action, reason });
  if (response.statusCode !== 200) throw new Error(`${action} failed: ${response.statusCode} ${response.body}`);
  return response.json<Practice>();
}

async function list(t: TestApp, as: Agent | null, query: string): Promise<PracticeList> {
  const response = await call(t, 'GET', `/api/practices?${query}`, { as });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PracticeList>();
}

const idsOf = (page: PracticeList): string[] => page.items.map((item) => item.id);

async function stats(t: TestApp, query: string): Promise<PracticeStats> {
  const response = await call(t, 'GET', `/api/practices/stats?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PracticeStats>();
}

const notifications = async (t: TestApp, as: Agent) => (await call(t, 'GET', '/api/notifications', { as })).json<NotificationList>();

const practiceMails = (t: TestApp, userId: string) =>
  t.ctx.db.selectFrom('mail_outbox').selectAll().where('user_id', '=', userId).where('kind', '=', 'practice').orderBy('created_at').execute();

/** The audit entries about one practice, oldest first, read through the whole log as this moderator may. */
async function auditOf(t: TestApp, as: Agent, practiceId: string) {
  const entries: AuditLog['items'] = [];
  let after: string | null = null;
  do {
    const response = await call(t, 'GET', `/api/moderation/log?limit=200${after ? `&after=${encodeURIComponent(after)}` : ''}`, { as });
    expect(response.statusCode).toBe(200);
    const page: AuditLog = response.json<AuditLog>();
    entries.push(...page.items.filter((entry) => entry.targetId === practiceId));
    after = page.nextCursor;
  } while (after);
  return entries.reverse();
}

function expectError(response: { statusCode: number; json: <T>() => T }, status: number, code: string): void {
  expect(response.statusCode).toBe(status);
  const error = response.json<{ error: { code: string; message: string } }>().error;
  expect(error.code).toBe(code);
  expect(error.message).toEqual(expect.any(String));
}

/** RFC 4180 as the export writes it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/**
 * A dialogue with a managed theme list, its moderator, a second dialogue with its own moderator,
 * a French-speaking submitter and another participant.
 */
async function setUp(t: TestApp) {
  const { owner, dialogue, topic } = await dialogueWithTopic(t, { practiceThemes: ['Social inclusion', 'Education'] });
  const other = await createDialogue(t, owner);
  const mod = await moderator(t, dialogue);
  const otherMod = await moderator(t, other);
  const submitter = await participant(t, { displayName: 'Awa Ndiaye', country: 'SN', language: 'fr' });
  const stranger = await participant(t, { displayName: 'Someone Else', country: 'BR' });
  return { owner, dialogue, topic, other, mod, otherMod, submitter, stranger };
}

describeOnEachDatabase('good practices', (kind: DatabaseKind) => {
  const t = useTestApp(kind);

  describe('POST /api/practices', () => {
    it('submits a practice for review: rendered description, derived continent, themes in the dialogue’s spelling', async () => {
      const { dialogue, submitter } = await setUp(t);
      const response = await submit(
        t,
        submitter,
        body({ countries: ['SN', 'ML', 'FR'], themes: ['  social   INCLUSION ', 'education', 'EDUCATION ', 'savings groups'], dialogueSlug: dialogue.slug }),
      );
      expect(response.statusCode).toBe(201);
      const practice = response.json<Practice>();
      expect(practice).toMatchObject({
        title: 'Neighbourhood language cafés',
        organization: 'Example Language Network',
        countries: ['SN', 'ML', 'FR'],
        continent: 'africa',
        themes: ['Social inclusion', 'Education', 'savings groups'],
        description: DESCRIPTION,
        link: 'https://example.org/cafes',
        contact: 'cafes@example.org',
        language: 'en',
        dialogue: { slug: dialogue.slug, title: dialogue.title },
        sourceComment: null,
        submitter: { id: submitter.user.id, displayName: 'Awa Ndiaye', country: 'SN' },
        status: 'submitted',
        returnReason: null,
        canEdit: true,
        canModerate: false,
        publishedAt: null,
      });
      expect(practice.descriptionHtml).toContain('<strong>newcomers</strong>');
      expect(practice.descriptionHtml).not.toContain('<script');
      expect(practice.createdAt).toEqual(expect.any(String));
    });

    it('files the practice under the continent given, whatever the countries say', async () => {
      const { submitter } = await setUp(t);
      expect((await submitted(t, submitter, { countries: ['ES'], continent: 'africa' })).continent).toBe('africa');
      expect((await submitted(t, submitter, { countries: ['ES'], continent: null })).continent).toBe('europe');
      // A tie goes to the first country's continent.
      expect((await submitted(t, submitter, { countries: ['FR', 'SN'] })).continent).toBe('europe');
      expect((await submitted(t, submitter, { countries: ['AQ', 'CL'] })).continent).toBe('south_america');
    });

    it('asks for the continent (400 continent_required) when no country is on one', async () => {
      const { submitter } = await setUp(t);
      expectError(await submit(t, submitter, body({ countries: ['AQ'] })), 400, 'continent_required');
      expectError(await submit(t, submitter, body({ countries: ['AQ'], continent: null })), 400, 'continent_required');
      expect((await submitted(t, submitter, { countries: ['AQ'], continent: 'oceania' })).continent).toBe('oceania');
    });

    it('refuses anonymous visitors (401) before reading the body, and suspended participants (403 suspended)', async () => {
      const { owner, submitter } = await setUp(t);
      expectError(await submit(t, anonymous, { nonsense: true }), 401, 'not_signed_in');
      const until = new Date(Date.now() + 86_400_000).toISOString();
      expect((await call(t, 'POST', `/api/users/${submitter.user.id}/suspension`, { as: owner, body: { until, reason: 'Spam.' } })).statusCode).toBe(201);
      expectError(await submit(t, submitter, body()), 403, 'suspended');
    });

    it('files it under a dialogue the submitter can see (404 for an unknown or unpublished one)', async () => {
      const { owner, submitter } = await setUp(t);
      expectError(await submit(t, submitter, body({ dialogueSlug: 'no-such-dialogue' })), 404, 'not_found');
      const draft = await createDialogue(t, owner, { published: false });
      expectError(await submit(t, submitter, body({ dialogueSlug: draft.slug })), 404, 'not_found');
      expect((await submitted(t, owner, { dialogueSlug: draft.slug })).dialogue).toEqual({ slug: draft.slug, title: draft.title });
    });

    it('submits from a published comment, which gives the practice its dialogue; a held or hidden comment is refused', async () => {
      const { dialogue, topic, mod, submitter } = await setUp(t);
      const comment = await postComment(t, submitter, topic.id, { body: 'Our language cafés changed the neighbourhood.' });
      const practice = await submitted(t, submitter, { sourceCommentId: comment.id });
      expect(practice.dialogue).toEqual({ slug: dialogue.slug, title: dialogue.title });
      expect(practice.sourceComment).toEqual({ id: comment.id, topicId: topic.id });
      expect((await submitted(t, submitter, { sourceCommentId: comment.id, dialogueSlug: dialogue.slug })).sourceComment?.id).toBe(comment.id);
      expectError(await submit(t, submitter, body({ sourceCommentId: comment.id, dialogueSlug: 'another-dialogue' })), 400, 'validation_failed');

      const hidden = await postComment(t, submitter, topic.id, { body: 'A comment a moderator will hide.' });
      expect((await call(t, 'POST', `/api/comments/${hidden.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Off topic.' } })).statusCode).toBe(
        200,
      );
      expectError(await submit(t, submitter, body({ sourceCommentId: hidden.id })), 409, 'comment_not_published');

      const pre = await dialogueWithTopic(t, { moderation: 'pre' });
      const pending = await postComment(t, submitter, pre.topic.id, { body: 'Held for review.' });
      expect(pending.status).toBe('pending');
      expectError(await submit(t, submitter, body({ sourceCommentId: pending.id })), 409, 'comment_not_published');
      expectError(await submit(t, submitter, body({ sourceCommentId: 'nosuchcomment' })), 404, 'not_found');
    });

    it('forgets the source comment once its practice moves to another dialogue', async () => {
      const { other, topic, submitter } = await setUp(t);
      const comment = await postComment(t, submitter, topic.id, { body: 'A practice worth sharing.' });
      const practice = await submitted(t, submitter, { sourceCommentId: comment.id });
      const moved = (await patch(t, submitter, practice.id, { dialogueSlug: other.slug })).json<Practice>();
      expect(moved).toMatchObject({ dialogue: { slug: other.slug }, sourceComment: null });
    });

    it.each([
      ['an unknown field', { extra: 1 }],
      ['countries as a string', { countries: 'ES' }],
      ['a lower-case country', { countries: ['es'] }],
      ['no country', { countries: [] }],
      ['a blank title', { title: '   ' }],
      ['a script link', { link: 'javascript:alert(1)' }],
      ['an unknown continent', { continent: 'antarctica' }],
      ['an unknown language', { language: 'de' }],
      ['a theme too long', { themes: ['x'.repeat(61)] }],
      ['themes as a number', { themes: 3 }],
    ])('rejects %s with 400 validation_failed and its details', async (_what, overrides) => {
      const { submitter } = await setUp(t);
      const response = await submit(t, submitter, body(overrides));
      expectError(response, 400, 'validation_failed');
      expect(response.json<{ error: { details: unknown[] } }>().error.details.length).toBeGreaterThan(0);
    });

    it('limits how many practices one participant submits in an hour (429 with Retry-After)', async () => {
      const busy = await participant(t);
      for (let i = 0; i < 20; i++) expect((await submit(t, busy, body({ title: `Practice ${i}` }))).statusCode).toBe(201);
      const response = await submit(t, busy, body());
      expectError(response, 429, 'rate_limited');
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect((await submit(t, await participant(t), body())).statusCode).toBe(201);
    });
  });

  describe('GET /api/practices/:id', () => {
    it('shows a submitted practice only to its submitter and its moderators (404 for everyone else)', async () => {
      const { owner, dialogue, mod, otherMod, submitter, stranger } = await setUp(t);
      const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      const idle = await withRole(t, 'moderator');
      for (const who of [anonymous, stranger, otherMod, idle]) expectError(await getOne(t, who, practice.id), 404, 'not_found');
      const own = (await getOne(t, submitter, practice.id)).json<Practice>();
      expect(own).toMatchObject({ contact: 'cafes@example.org', returnReason: null, canEdit: true, canModerate: false });
      const moderated = (await getOne(t, mod, practice.id)).json<Practice>();
      expect(moderated).toMatchObject({ returnReason: null, canEdit: true, canModerate: true });
      expect(moderated).not.toHaveProperty('contact');
      expect((await getOne(t, owner, practice.id)).json<Practice>()).toMatchObject({ contact: 'cafes@example.org', canModerate: true });
    });

    it('shows a published practice to everyone; the contact only to organizers and the submitter, the return reason to neither the public nor other moderators', async () => {
      const { owner, dialogue, mod, otherMod, submitter, stranger } = await setUp(t);
      const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      await decided(t, mod, practice.id, 'publish');
      for (const who of [anonymous, stranger, otherMod, mod]) {
        const seen = (await getOne(t, who, practice.id)).json<Practice>();
        expect(seen.status).toBe('published');
        expect(seen).not.toHaveProperty('contact');
      }
      for (const who of [anonymous, stranger, otherMod]) {
        const seen = (await getOne(t, who, practice.id)).json<Practice>();
        expect(seen).not.toHaveProperty('returnReason');
        expect(seen).toMatchObject({ canEdit: false, canModerate: false });
      }
      expect((await getOne(t, mod, practice.id)).json<Practice>()).toHaveProperty('returnReason', null);
      expect((await getOne(t, owner, practice.id)).json<Practice>().contact).toBe('cafes@example.org');
      expect((await getOne(t, submitter, practice.id)).json<Practice>()).toMatchObject({ contact: 'cafes@example.org', canEdit: false });
    });

    it('lets anyone who moderates a dialogue moderate a practice of no dialogue', async () => {
      const { mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter);
      expect(practice.dialogue).toBeNull();
      expect((await getOne(t, mod, practice.id)).json<Practice>().canModerate).toBe(true);
      expectError(await getOne(t, await withRole(t, 'moderator'), practice.id), 404, 'not_found');
      expect((await decided(t, mod, practice.id, 'publish')).status).toBe('published');
    });

    it('names the dialogue only while readers may see it', async () => {
      const { owner, dialogue, mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      await decided(t, mod, practice.id, 'publish');
      expect((await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { published: false } })).statusCode).toBe(200);
      expect((await getOne(t, anonymous, practice.id)).json<Practice>().dialogue).toBeNull();
      expect((await getOne(t, owner, practice.id)).json<Practice>().dialogue).toEqual({ slug: dialogue.slug, title: dialogue.title });
    });

    it('answers 404 for an unknown practice and 400 for a malformed id', async () => {
      expectError(await getOne(t, anonymous, 'nosuchpractice'), 404, 'not_found');
      expectError(await getOne(t, anonymous, 'not%20an%20id'), 400, 'validation_failed');
    });
  });

  describe('the review, from submission to publication', () => {
    it('returns with a reason, takes the submitter’s changes as a new submission, publishes, unpublishes and publishes again, telling the submitter each time', async () => {
      const { dialogue, mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug, title: 'Language cafés' });

      const returned = await decided(t, mod, practice.id, 'return', '  Please add a link to the project’s page.  ');
      expect(returned).toMatchObject({ status: 'returned', returnReason: 'Please add a link to the project’s page.', publishedAt: null });
      expect((await getOne(t, submitter, practice.id)).json<Practice>()).toMatchObject({
        returnReason: 'Please add a link to the project’s page.',
        canEdit: true,
      });

      const edited = await patch(t, submitter, practice.id, { link: 'https://example.org/cafes/project', title: 'Language cafés in every district' });
      expect(edited.statusCode).toBe(200);
      expect(edited.json<Practice>()).toMatchObject({
        status: 'submitted',
        title: 'Language cafés in every district',
        link: 'https://example.org/cafes/project',
      });

      const published = await decided(t, mod, practice.id, 'publish');
      expect(published).toMatchObject({ status: 'published', returnReason: null });
      const firstPublished = published.publishedAt;
      expect(firstPublished).toEqual(expect.any(String));

      expect((await decided(t, mod, practice.id, 'unpublish', 'The project has ended.')).status).toBe('unpublished');
      expect((await getOne(t, anonymous, practice.id)).statusCode).toBe(404);
      const again = await decided(t, mod, practice.id, 'publish');
      expect(again).toMatchObject({ status: 'published', publishedAt: firstPublished });
      expect((await getOne(t, anonymous, practice.id)).statusCode).toBe(200);

      // Told in the app: newest first, each with the practice and the reason.
      const { items } = await notifications(t, submitter);
      expect(items.map((item) => [item.kind, item.practiceId, item.reason])).toEqual([
        ['practice.publish', practice.id, ''],
        ['practice.unpublish', practice.id, 'The project has ended.'],
        ['practice.publish', practice.id, ''],
        ['practice.return', practice.id, 'Please add a link to the project’s page.'],
      ]);
      // And by mail, in French, with the link to the practice.
      const mails = await practiceMails(t, submitter.user.id);
      expect(mails).toHaveLength(4);
      expect(mails.every((mail) => mail.language === 'fr')).toBe(true);
      expect(mails[0]!.subject).toBe('Votre bonne pratique vous a été renvoyée : Language cafés');
      expect(mails[0]!.text_body).toContain('Motif du modérateur : Please add a link to the project’s page.');
      expect(mails[0]!.text_body).toContain(`${TEST_ORIGIN}/practices/${practice.id}`);
      expect(mails[1]!.subject).toBe('Votre bonne pratique est publiée : Language cafés in every district');
      expect(mails[2]!.subject).toBe('Votre bonne pratique a été retirée de la bibliothèque : Language cafés in every district');
      expect(mails[2]!.html_body).toContain('The project has ended.');

      // Audited, each entry naming the practice.
      const entries = await auditOf(t, mod, practice.id);
      expect(entries.map((entry) => [entry.action, entry.actor.id, entry.reason])).toEqual([
        ['practice.return', mod.user.id, 'Please add a link to the project’s page.'],
        ['practice.resubmit', submitter.user.id, null],
        ['practice.publish', mod.user.id, null],
        ['practice.unpublish', mod.user.id, 'The project has ended.'],
        ['practice.publish', mod.user.id, null],
      ]);
      expect(entries.every((entry) => entry.targetType === 'practice' && entry.dialogueId === dialogue.id)).toBe(true);
      expect(entries[0]).toMatchObject({ before: { status: 'submitted' }, after: { status: 'returned' } });
      expect(entries[1]).toMatchObject({
        before: { status: 'returned', title: 'Language cafés', link: 'https://example.org/cafes' },
        after: { status: 'submitted', title: 'Language cafés in every district', link: 'https://example.org/cafes/project' },
        practice: { id: practice.id, title: 'Language cafés in every district' },
      });
      expect(JSON.stringify(entries)).not.toContain('cafes@example.org');
    });

    it('needs a reason to return a practice (400 reason_required)', async () => {
      const { mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter);
      expectError(await moderate(t, mod, practice.id, { action: 'return' }), 400, 'reason_required');
      expectError(await moderate(t, mod, practice.id, { action: 'return', reason: '   ' }), 400, 'reason_required');
      expect((await getOne(t, mod, practice.id)).json<Practice>().status).toBe('submitted');
    });

    it('answers 409 already_moderated for an action its status does not allow', async () => {
      const { mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter);
      expectError(await moderate(t, mod, practice.id, { action: 'unpublish' }), 409, 'already_moderated');
      await decided(t, mod, practice.id, 'publish');
      expectError(await moderate(t, mod, practice.id, { action: 'publish' }), 409, 'already_moderated');
      expectError(await moderate(t, mod, practice.id, { action: 'return', reason: 'Too late.' }), 409, 'already_moderated');
      await decided(t, mod, practice.id, 'unpublish');
      expect((await decided(t, mod, practice.id, 'return', 'Update the figures first.')).status).toBe('returned');
    });

    it('decides once when two moderators act at the same time', async () => {
      const { owner, mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter);
      const answers = await Promise.all([moderate(t, mod, practice.id, { action: 'publish' }), moderate(t, owner, practice.id, { action: 'publish' })]);
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
      expect((await notifications(t, submitter)).items).toHaveLength(1);
    });

    it('does not tell a moderator of their own practice', async () => {
      const { dialogue, mod } = await setUp(t);
      const practice = await submitted(t, mod, { dialogueSlug: dialogue.slug });
      await decided(t, mod, practice.id, 'publish');
      expect((await notifications(t, mod)).items).toEqual([]);
      expect(await practiceMails(t, mod.user.id)).toEqual([]);
    });

    it('mails nobody who turned moderation mail off, and tells them in the app all the same', async () => {
      const { mod } = await setUp(t);
      const quiet = await participant(t, { language: 'es' });
      const prefs = await call(t, 'PATCH', '/api/auth/me', { as: quiet, body: { emailNotifications: { moderation: false } } });
      expect(prefs.statusCode).toBe(200);
      const practice = await submitted(t, quiet);
      await decided(t, mod, practice.id, 'return', 'Falta el enlace.');
      expect(await practiceMails(t, quiet.user.id)).toEqual([]);
      expect((await notifications(t, quiet)).items.map((item) => item.kind)).toEqual(['practice.return']);
    });

    it('mails a Spanish speaker in Spanish', async () => {
      const { mod } = await setUp(t);
      const hablante = await participant(t, { language: 'es' });
      const practice = await submitted(t, hablante, { title: 'Aulas puente' });
      await decided(t, mod, practice.id, 'publish');
      const [mail] = await practiceMails(t, hablante.user.id);
      expect(mail).toMatchObject({ language: 'es', subject: 'Su buena práctica está publicada: Aulas puente' });
    });
  });

  describe('POST /api/practices/:id/moderation: who may decide', () => {
    it('lets the practice’s moderators and organizers decide, and refuses everyone else before reading the body', async () => {
      const { owner, dialogue, mod, otherMod, submitter, stranger } = await setUp(t);
      const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      const nonsense = { action: 'delete', extra: true };
      expectError(await moderate(t, anonymous, practice.id, nonsense), 401, 'not_signed_in');
      expectError(await moderate(t, stranger, practice.id, nonsense), 403, 'forbidden');
      expectError(await moderate(t, submitter, practice.id, nonsense), 403, 'forbidden');
      // A moderator of another dialogue does not learn that a practice waiting for review exists.
      expectError(await moderate(t, otherMod, practice.id, nonsense), 404, 'not_found');
      expectError(await moderate(t, mod, practice.id, nonsense), 400, 'validation_failed');
      await decided(t, mod, practice.id, 'publish');
      expectError(await moderate(t, otherMod, practice.id, nonsense), 403, 'forbidden');
      expect((await decided(t, owner, practice.id, 'unpublish')).status).toBe('unpublished');
      expectError(await moderate(t, mod, 'nosuchpractice', { action: 'publish' }), 404, 'not_found');
    });
  });

  describe('PATCH /api/practices/:id', () => {
    it('lets the submitter change a practice waiting for review, without an audit entry', async () => {
      const { mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter);
      const response = await patch(t, submitter, practice.id, { description: 'Now with _details_.', contact: null, themes: ['Education'] });
      expect(response.statusCode).toBe(200);
      expect(response.json<Practice>()).toMatchObject({
        status: 'submitted',
        descriptionHtml: '<p>Now with <em>details</em>.</p>',
        contact: null,
        themes: ['Education'],
      });
      expect(await auditOf(t, mod, practice.id)).toEqual([]);
    });

    it('refuses the submitter once the practice is published or unpublished (409 practice_not_editable)', async () => {
      const { mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter);
      await decided(t, mod, practice.id, 'publish');
      expectError(await patch(t, submitter, practice.id, { title: 'A new title' }), 409, 'practice_not_editable');
      await decided(t, mod, practice.id, 'unpublish');
      expectError(await patch(t, submitter, practice.id, { title: 'A new title' }), 409, 'practice_not_editable');
    });

    it('lets a moderator change a practice at any time, audited with before and after, its status kept', async () => {
      const { owner, dialogue, mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      await decided(t, mod, practice.id, 'publish');
      const response = await patch(t, mod, practice.id, { organization: 'Example Language Network (Madrid)', countries: ['ES', 'PT'] });
      expect(response.statusCode).toBe(200);
      expect(response.json<Practice>()).toMatchObject({ status: 'published', organization: 'Example Language Network (Madrid)', continent: 'europe' });
      const [, edit] = await auditOf(t, mod, practice.id);
      expect(edit).toMatchObject({
        action: 'practice.edit',
        actor: { id: mod.user.id },
        before: { organization: 'Example Language Network', countries: ['ES'], status: 'published' },
        after: { organization: 'Example Language Network (Madrid)', countries: ['ES', 'PT'], status: 'published' },
      });
      expect((await patch(t, owner, practice.id, { language: 'es' })).json<Practice>().language).toBe('es');
    });

    it('keeps the continent when the countries change, and derives it again on continent: null', async () => {
      const { submitter } = await setUp(t);
      const practice = await submitted(t, submitter, { countries: ['ES'] });
      expect((await patch(t, submitter, practice.id, { countries: ['BR', 'AR'] })).json<Practice>().continent).toBe('europe');
      expect((await patch(t, submitter, practice.id, { continent: null })).json<Practice>().continent).toBe('south_america');
      expectError(await patch(t, submitter, practice.id, { countries: ['AQ'], continent: null }), 400, 'continent_required');
    });

    it('refuses everyone else, before reading the body', async () => {
      const { dialogue, mod, otherMod, submitter, stranger } = await setUp(t);
      const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      const nonsense = { nonsense: true };
      expectError(await patch(t, anonymous, practice.id, nonsense), 401, 'not_signed_in');
      expectError(await patch(t, stranger, practice.id, nonsense), 404, 'not_found');
      expectError(await patch(t, otherMod, practice.id, nonsense), 404, 'not_found');
      expectError(await patch(t, submitter, practice.id, nonsense), 400, 'validation_failed');
      expectError(await patch(t, submitter, practice.id, {}), 400, 'validation_failed');
      await decided(t, mod, practice.id, 'publish');
      expectError(await patch(t, stranger, practice.id, nonsense), 403, 'forbidden');
      expectError(await patch(t, otherMod, practice.id, nonsense), 403, 'forbidden');
    });
  });

  describe('GET /api/practices', () => {
    it('lists the published practices for everyone, a participant’s own too, and every practice a moderator moderates', async () => {
      const { owner, dialogue, other, mod, otherMod, submitter, stranger } = await setUp(t);
      const waiting = await submitted(t, submitter, { dialogueSlug: dialogue.slug, title: 'Waiting' });
      const live = await submitted(t, submitter, { dialogueSlug: dialogue.slug, title: 'Live' });
      await decided(t, mod, live.id, 'publish');
      const elsewhere = await submitted(t, stranger, { dialogueSlug: other.slug, title: 'Elsewhere' });
      const scope = `dialogue=${dialogue.slug}`;
      expect(idsOf(await list(t, anonymous, scope))).toEqual([live.id]);
      expect(idsOf(await list(t, stranger, scope))).toEqual([live.id]);
      expect(idsOf(await list(t, submitter, scope))).toEqual([live.id, waiting.id]);
      expect(idsOf(await list(t, mod, scope))).toEqual([live.id, waiting.id]);
      expect(idsOf(await list(t, otherMod, scope))).toEqual([live.id]);
      expect(idsOf(await list(t, mod, `dialogue=${other.slug}`))).toEqual([]);
      expect(idsOf(await list(t, otherMod, `dialogue=${other.slug}`))).toEqual([elsewhere.id]);
      expect(idsOf(await list(t, owner, `dialogue=${other.slug}`))).toEqual([elsewhere.id]);
      expect((await list(t, mod, scope)).items.find((item) => item.id === waiting.id)).toMatchObject({ status: 'submitted', canModerate: true });
    });

    it('gives the contact only to organizers and, for their own practices, to the submitter', async () => {
      const { owner, dialogue, mod, submitter, stranger } = await setUp(t);
      const mine = await submitted(t, submitter, { dialogueSlug: dialogue.slug, contact: 'awa@example.org' });
      const theirs = await submitted(t, stranger, { dialogueSlug: dialogue.slug, contact: 'else@example.org' });
      for (const practice of [mine, theirs]) await decided(t, mod, practice.id, 'publish');
      const scope = `dialogue=${dialogue.slug}`;
      const contacts = async (as: Agent | null) => (await list(t, as, scope)).items.map((item) => ('contact' in item ? item.contact : 'hidden'));
      expect(await contacts(anonymous)).toEqual(['hidden', 'hidden']);
      expect(await contacts(mod)).toEqual(['hidden', 'hidden']);
      expect(await contacts(submitter)).toEqual(['hidden', 'awa@example.org']);
      expect(await contacts(owner)).toEqual(['else@example.org', 'awa@example.org']);
    });

    it('narrows to the viewer’s own with mine, and to a status', async () => {
      const { dialogue, mod, submitter, stranger } = await setUp(t);
      const mineWaiting = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      const minePublished = await submitted(t, submitter, { dialogueSlug: dialogue.slug });
      const theirs = await submitted(t, stranger, { dialogueSlug: dialogue.slug });
      await decided(t, mod, minePublished.id, 'publish');
      await decided(t, mod, theirs.id, 'publish');
      const scope = `dialogue=${dialogue.slug}`;
      expect(idsOf(await list(t, submitter, `${scope}&mine=true`))).toEqual([minePublished.id, mineWaiting.id]);
      expect(idsOf(await list(t, submitter, `${scope}&status=submitted`))).toEqual([mineWaiting.id]);
      expect(idsOf(await list(t, stranger, `${scope}&status=submitted`))).toEqual([]);
      expect(idsOf(await list(t, mod, `${scope}&status=submitted`))).toEqual([mineWaiting.id]);
      expect(idsOf(await list(t, anonymous, `${scope}&mine=true`))).toEqual([]);
    });

    it('filters by continent, country, theme, dialogue, language and words, alone and together', async () => {
      const { dialogue, mod, submitter } = await setUp(t);
      const make = async (overrides: Record<string, unknown>) => {
        const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug, ...overrides });
        await decided(t, mod, practice.id, 'publish');
        return practice.id;
      };
      const dakar = await make({
        countries: ['SN'],
        themes: ['Education'],
        language: 'fr',
        title: 'Écoles ouvertes à Dakar',
        description: 'Des cours du soir.',
      });
      const madrid = await make({ countries: ['ES', 'SN'], continent: 'europe', themes: ['social inclusion', '50% theme'], title: 'Madrid mentors' });
      const lima = await make({ countries: ['PE'], themes: ['Education'], language: 'es', title: 'Lima tutors', description: 'Tutorías nocturnas.' });
      const scope = `dialogue=${dialogue.slug}`;
      expect(idsOf(await list(t, anonymous, `${scope}&continent=africa`))).toEqual([dakar]);
      expect(idsOf(await list(t, anonymous, `${scope}&country=SN`))).toEqual([madrid, dakar]);
      expect(idsOf(await list(t, anonymous, `${scope}&theme=Education`))).toEqual([lima, dakar]);
      expect(idsOf(await list(t, anonymous, `${scope}&theme=${encodeURIComponent('  Social inclusion ')}`))).toEqual([madrid]);
      expect(idsOf(await list(t, anonymous, `${scope}&theme=${encodeURIComponent('50% theme')}`))).toEqual([madrid]);
      expect(idsOf(await list(t, anonymous, `${scope}&theme=${encodeURIComponent('% theme')}`))).toEqual([]);
      expect(idsOf(await list(t, anonymous, `${scope}&language=es`))).toEqual([lima]);
      expect(idsOf(await list(t, anonymous, `${scope}&country=SN&theme=Education`))).toEqual([dakar]);
      expect(idsOf(await list(t, anonymous, `${scope}&continent=europe&country=SN`))).toEqual([madrid]);
      expect(idsOf(await list(t, anonymous, `${scope}&continent=asia`))).toEqual([]);
      expect(idsOf(await list(t, anonymous, `${scope}&q=tutorias`))).toEqual([lima]);
      expect(idsOf(await list(t, anonymous, `${scope}&q=ecoles&language=fr`))).toEqual([dakar]);
      expect(idsOf(await list(t, anonymous, `${scope}&q=mentors&country=PE`))).toEqual([]);
      expect(idsOf(await list(t, anonymous, `${scope}&q=${encodeURIComponent('"')}`))).toEqual([lima, madrid, dakar]);
      expect(idsOf(await list(t, anonymous, 'dialogue=no-such-dialogue'))).toEqual([]);
    });

    it('pages with limit and after, and refuses a cursor it did not hand out (400 invalid_cursor)', async () => {
      const { dialogue, mod, submitter } = await setUp(t);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug, title: `Practice ${i}` });
        await decided(t, mod, practice.id, 'publish');
        ids.unshift(practice.id);
      }
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: PracticeList = await list(t, anonymous, `dialogue=${dialogue.slug}&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...idsOf(page));
        after = page.nextCursor;
      } while (after);
      expect(seen).toEqual(ids);
      expectError(await call(t, 'GET', '/api/practices?after=garbage'), 400, 'invalid_cursor');
      expectError(await call(t, 'GET', '/api/practices?limit=0'), 400, 'validation_failed');
      expectError(await call(t, 'GET', '/api/practices?continent=atlantis'), 400, 'validation_failed');
      expectError(await call(t, 'GET', '/api/practices?unknown=1'), 400, 'validation_failed');
    });
  });

  describe('GET /api/practices/stats', () => {
    it('counts published practices only, by continent (all six), country and theme', async () => {
      const { dialogue, mod, submitter } = await setUp(t);
      const make = async (overrides: Record<string, unknown>, action?: string) => {
        const practice = await submitted(t, submitter, { dialogueSlug: dialogue.slug, ...overrides });
        if (action) await decided(t, mod, practice.id, action, action === 'return' ? 'Needs work.' : undefined);
        return practice;
      };
      await make({ countries: ['SN', 'ML'], themes: ['Education', 'health'] }, 'publish');
      await make({ countries: ['SN'], themes: ['Education'] }, 'publish');
      const later = await make({ countries: ['CA'], themes: ['health'] }, 'publish');
      await make({ countries: ['JP'], themes: ['Education'] });
      await make({ countries: ['JP'], themes: ['Education'] }, 'return');
      const result = await stats(t, `dialogue=${dialogue.slug}`);
      expect(result).toEqual({
        total: 3,
        byContinent: [
          { key: 'africa', count: 2 },
          { key: 'north_america', count: 1 },
          { key: 'asia', count: 0 },
          { key: 'europe', count: 0 },
          { key: 'south_america', count: 0 },
          { key: 'oceania', count: 0 },
        ],
        byCountry: [
          { key: 'SN', count: 2 },
          { key: 'CA', count: 1 },
          { key: 'ML', count: 1 },
        ],
        byTheme: [
          { key: 'Education', count: 2 },
          { key: 'health', count: 2 },
        ],
      });
      await decided(t, mod, later.id, 'unpublish');
      expect((await stats(t, `dialogue=${dialogue.slug}`)).byContinent.slice(0, 2)).toEqual([
        { key: 'africa', count: 2 },
        { key: 'asia', count: 0 },
      ]);
      expect((await stats(t, `dialogue=${dialogue.slug}&theme=health`)).total).toBe(1);
      expect((await stats(t, `dialogue=${dialogue.slug}&continent=africa&country=ML`)).byCountry).toEqual([
        { key: 'ML', count: 1 },
        { key: 'SN', count: 1 },
      ]);
      const none = await stats(t, 'dialogue=no-such-dialogue');
      expect(none.total).toBe(0);
      expect(none.byContinent).toHaveLength(6);
      expectError(await call(t, 'GET', '/api/practices/stats?q=words'), 400, 'validation_failed');
    });
  });

  describe('GET /api/practices/export', () => {
    const TITLE = '=cmd|"/c calc"!A1 — "quoted", on\ntwo lines 🌍';

    async function exported(t: TestApp) {
      const { owner, dialogue, mod, submitter } = await setUp(t);
      const practice = await submitted(t, submitter, {
        dialogueSlug: dialogue.slug,
        title: TITLE,
        countries: ['SN', 'ML'],
        themes: ['Education', '+SUM(1)'],
        contact: 'awa@example.org',
      });
      await decided(t, mod, practice.id, 'publish');
      const waiting = await submitted(t, submitter, { dialogueSlug: dialogue.slug, title: 'Still waiting' });
      return { owner, dialogue, mod, submitter, practice, waiting };
    }

    it('is for organizers only', async () => {
      const { dialogue, mod, submitter } = await exported(t);
      expectError(await call(t, 'GET', `/api/practices/export?dialogue=${dialogue.slug}`), 401, 'not_signed_in');
      for (const who of [submitter, mod]) expectError(await call(t, 'GET', '/api/practices/export', { as: who }), 403, 'forbidden');
    });

    it('writes published practices as CSV, contact included, safe from formulas and keeping every character', async () => {
      const { owner, dialogue, practice } = await exported(t);
      const response = await call(t, 'GET', `/api/practices/export?format=csv&dialogue=${dialogue.slug}`, { as: owner });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="practices-${dialogue.slug}.csv"`);
      expect(response.body.startsWith('\uFEFF')).toBe(true);
      const [header, ...rows] = parseCsv(response.body.slice(1));
      expect(header).toEqual([
        'id',
        'title',
        'organization',
        'countries',
        'continent',
        'themes',
        'description',
        'link',
        'contact',
        'language',
        'dialogue',
        'submitter',
        'submitterCountry',
        'createdAt',
        'publishedAt',
      ]);
      expect(rows).toHaveLength(1);
      const row = Object.fromEntries(header!.map((column, index) => [column, rows[0]![index]]));
      expect(row).toMatchObject({
        id: practice.id,
        title: `'${TITLE}`,
        countries: 'SN ML',
        continent: 'africa',
        themes: 'Education | +SUM(1)',
        contact: 'awa@example.org',
        dialogue: dialogue.slug,
        submitter: 'Awa Ndiaye',
        submitterCountry: 'SN',
      });
      expect(row.description).toBe(DESCRIPTION);
    });

    it('writes the same practices as JSON', async () => {
      const { owner, dialogue, practice } = await exported(t);
      const response = await call(t, 'GET', `/api/practices/export?format=json&dialogue=${dialogue.slug}`, { as: owner });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="practices-${dialogue.slug}.json"`);
      const rows = response.json<PracticeExportRow[]>();
      expect(rows).toEqual([
        expect.objectContaining({
          id: practice.id,
          title: TITLE,
          countries: ['SN', 'ML'],
          themes: ['Education', '+SUM(1)'],
          contact: 'awa@example.org',
          publishedAt: expect.any(String),
        }),
      ]);
      const all = await call(t, 'GET', '/api/practices/export?format=json', { as: owner });
      expect(all.headers['content-disposition']).toBe('attachment; filename="practices.json"');
      expect(all.json<PracticeExportRow[]>().some((row) => row.title === 'Still waiting')).toBe(false);
      expectError(await call(t, 'GET', '/api/practices/export?format=xlsx', { as: owner }), 400, 'validation_failed');
    });
  });

  it('documents every practices route in the OpenAPI document, with its responses', async () => {
    type Operation = { tags?: string[]; summary?: string; responses?: Record<string, unknown> };
    const document = (await call(t, 'GET', '/docs/json')).json<{ paths: Record<string, Record<string, Operation>> }>();
    const operations = [
      ['/api/practices', 'post'],
      ['/api/practices', 'get'],
      ['/api/practices/stats', 'get'],
      ['/api/practices/export', 'get'],
      ['/api/practices/{id}', 'get'],
      ['/api/practices/{id}', 'patch'],
      ['/api/practices/{id}/moderation', 'post'],
    ] as const;
    for (const [path, method] of operations) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toMatchObject({ tags: ['practices'], summary: expect.any(String) });
      expect(Object.keys(operation!.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(1);
    }
  });

  describe('the dialogue’s practice themes', () => {
    it('are set on creation, changed, shown and copied, trimmed and without repeats', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t, { practiceThemes: ['  Health ', 'health', 'Local   government'] });
      expect(dialogue.practiceThemes).toEqual(['Health', 'Local government']);
      const patched = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { practiceThemes: ['Education', 'Health'] } });
      expect(patched.json<Dialogue>().practiceThemes).toEqual(['Education', 'Health']);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}`)).json<Dialogue>().practiceThemes).toEqual(['Education', 'Health']);
      const copy = await call(t, 'POST', `/api/dialogues/${dialogue.slug}/copy`, {
        as: owner,
        body: { slug: `${dialogue.slug}-next`, title: 'Next year', opensAt: dialogue.opensAt, closesAt: dialogue.closesAt },
      });
      expect(copy.statusCode).toBe(201);
      expect(copy.json<Dialogue>().practiceThemes).toEqual(['Education', 'Health']);
      expect((await createDialogue(t, owner)).practiceThemes).toEqual([]);
    });

    it('refuses more than 40 themes, a blank or over-long theme (400)', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      for (const practiceThemes of [Array.from({ length: 41 }, (_, i) => `Theme ${i}`), [' '], ['x'.repeat(61)], 'Health']) {
        expectError(await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { practiceThemes } }), 400, 'validation_failed');
      }
    });
  });

  describe('the demo', () => {
    const fresh = useTestApp(kind);

    it('seeds a small library once: published practices on every continent in three languages, one waiting, all searchable', async () => {
      const ctx = { ...fresh.ctx, config: { ...fresh.ctx.config, seedDemo: true } };
      expect((await bootstrap(ctx)).demoSeeded).toBe(true);
      expect((await bootstrap(ctx)).demoSeeded).toBe(false);
      const demo = (await call(fresh, 'GET', `/api/dialogues/${DEMO_SLUG}`)).json<Dialogue>();
      expect(demo.practiceThemes).toEqual(DEMO_PRACTICE_THEMES);
      const rows = await fresh.ctx.db.selectFrom('practices').selectAll().execute();
      expect(rows).toHaveLength(8);
      expect(rows.filter((row) => row.status === 'submitted')).toHaveLength(1);
      const library = (await call(fresh, 'GET', '/api/practices?limit=50')).json<PracticeList>();
      expect(library.items).toHaveLength(7);
      expect(new Set(library.items.map((item) => item.language))).toEqual(new Set(['en', 'fr', 'es']));
      expect(library.items.every((item) => item.link?.startsWith('https://example.org/') && item.dialogue?.slug === DEMO_SLUG)).toBe(true);
      expect(library.items.every((item) => item.themes.every((theme) => DEMO_PRACTICE_THEMES.includes(theme)))).toBe(true);
      const counts = (await call(fresh, 'GET', '/api/practices/stats')).json<PracticeStats>();
      expect(counts.byContinent.filter((entry) => entry.count > 0).length).toBeGreaterThanOrEqual(5);
      const found = (await call(fresh, 'GET', '/api/search?q=cooperative*&type=practice')).json<SearchResults>();
      expect(found.items.length).toBeGreaterThan(0);
      expect(library.items.find((item) => item.language === 'fr')?.sourceComment).not.toBeNull();
    });
  });
});
