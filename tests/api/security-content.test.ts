import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { QueueItem } from '../../shared/moderation.ts';
import type { DialogueQuotes } from '../../shared/quotes.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, createTopic, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { collect, joinTopic, nextEvent, pause, useSockets } from '../helpers/sockets.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { unzip } from '../helpers/zip.ts';
import { convertDocxToPdf, LIBREOFFICE, NO_LIBREOFFICE } from '../helpers/libreoffice.ts';

/** What XML 1.0 forbids: a DOCX holding one of these does not open. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const publicThread = async (t: TestApp, topicId: string) => (await call(t, 'GET', `/api/topics/${topicId}/comments`)).json<{ items: Comment[] }>().items;
const queue = async (t: TestApp, as: Agent) => (await call(t, 'GET', '/api/moderation/queue', { as })).json<{ items: QueueItem[] }>().items;
const edit = (t: TestApp, as: Agent, id: string, body: object) => call(t, 'PATCH', `/api/comments/${id}`, { as, body });

describeOnEachDatabase('posting limit under parallel posts', (kind) => {
  const t = useTestApp(kind, { rateLimitPostsPerMinute: 6 });

  it('lets exactly 6 of 30 parallel posts through, across topics, and answers the rest 429 with Retry-After', async () => {
    const { owner, dialogue, topic } = await dialogueWithTopic(t);
    const other = await createTopic(t, owner, dialogue.slug, 'A second question?');
    const author = await participant(t);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(t, 'POST', `/api/topics/${i % 2 ? other.id : topic.id}/comments`, { as: author, body: { body: `Parallel post ${i}` } }),
      ),
    );
    const passed = answers.filter((answer) => answer.statusCode === 201 || answer.statusCode === 202);
    const limited = answers.filter((answer) => answer.statusCode === 429);
    expect([passed.length, limited.length]).toEqual([6, 24]);
    for (const answer of limited) {
      expect(answer.json()).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    const stored = await t.ctx.db.selectFrom('comments').select('id').where('author_id', '=', author.user.id).execute();
    expect(stored).toHaveLength(6);
  });
});

describeOnEachDatabase('security of published content', (kind) => {
  const t = useTestApp(kind);
  const { open } = useSockets(t);

  describe('public quote attribution', () => {
    /** A quote chosen "by name" of an author who consents to be named but shows only their country. */
    async function countryOnlyAuthorQuoted() {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const writer = await participant(t, { displayName: 'Private Person', country: 'PE', quoteConsent: 'name', nameDisplay: 'country' });
      const comment = await postComment(t, writer, topic.id, { body: 'Remittances build schools.' });
      expect(comment.author.displayName).toBeNull();
      return { owner, dialogue, topic, mod, comment };
    }

    it('never names in the public quote list an author who shows only their country, nor who chose the quote', async () => {
      const { dialogue, mod, comment } = await countryOnlyAuthorQuoted();
      const made = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'name' } });
      expect(made.statusCode).toBe(201);
      const reply = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/quotes`);
      const [quote] = reply.json<DialogueQuotes>().topics[0]!.quotes;
      expect(quote).toMatchObject({ commentId: comment.id, effectiveAttribution: 'country', attributionLabel: { name: null, country: 'PE' } });
      expect(quote).not.toHaveProperty('chosenBy');
      expect(reply.body).not.toContain('Private Person');
      expect(reply.body).not.toContain(mod.user.displayName);

      const forModerator = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/quotes`, { as: mod })).json<DialogueQuotes>().topics[0]!.quotes[0]!;
      expect(forModerator).toMatchObject({ attributionLabel: { name: null }, chosenBy: { id: mod.user.id, displayName: mod.user.displayName } });
    });

    it('sends the dialogue page a quote:changed without the author’s hidden name or the moderator’s', async () => {
      const { dialogue, mod, comment } = await countryOnlyAuthorQuoted();
      const reader = await open(null);
      expect(await reader.emitWithAck('dialogue:join', { dialogueId: dialogue.id })).toMatchObject({ ok: true });
      const modSocket = await open(mod);
      const toReader = nextEvent(reader, 'quote:changed');
      const toModerator = nextEvent(modSocket, 'quote:changed');
      await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'name' } });
      const seen = await toReader;
      expect(seen.quotes).toHaveLength(1);
      expect(seen.quotes[0]).not.toHaveProperty('chosenBy');
      expect(JSON.stringify(seen)).not.toContain('Private Person');
      expect(JSON.stringify(seen)).not.toContain(mod.user.displayName);
      expect((await toModerator).quotes[0]!.chosenBy).toEqual({ id: mod.user.id, displayName: mod.user.displayName });
    });

    it('attributes the same quote by country in the annex and leaves the name out of the raw data', async () => {
      const { owner, dialogue, mod, comment } = await countryOnlyAuthorQuoted();
      await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'name' } });
      for (const url of [`/api/dialogues/${dialogue.slug}/annex?format=md`, `/api/dialogues/${dialogue.slug}/export?format=json`]) {
        const response = await call(t, 'GET', url, { as: owner });
        expect(response.statusCode).toBe(200);
        expect(response.body).not.toContain('Private Person');
      }
    });
  });

  describe('edits and moderation', () => {
    it('takes an approved comment edited under pre-moderation back into the queue: 202 pending, gone from the public thread', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      const author = await participant(t);
      const held = await postComment(t, author, topic.id, { body: 'Harmless at first.' });
      expect((await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: mod, body: { action: 'approve' } })).statusCode).toBe(200);
      expect((await publicThread(t, topic.id)).map((c) => c.id)).toEqual([held.id]);

      const edited = await edit(t, author, held.id, { body: 'BUY CHEAP PILLS at spam.example' });
      expect(edited.statusCode).toBe(202);
      expect(edited.json<Comment>()).toMatchObject({ id: held.id, status: 'pending', bodyMarkdown: 'BUY CHEAP PILLS at spam.example' });
      expect(await publicThread(t, topic.id)).toEqual([]);
      expect((await queue(t, mod)).find((item) => item.comment.id === held.id)).toMatchObject({ kind: 'held', heldReason: 'pre_moderation' });
    });

    it('holds a published comment edited to contain a watched word, tells the public it is gone and the moderators it waits', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: ['invader*'] } });
      const mod = await moderator(t, dialogue);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'Newcomers bring skills.' });
      expect(comment.status).toBe('published');
      const [reader, modSocket] = await Promise.all([open(null), open(mod)]);
      await joinTopic(reader, topic.id);
      const removed = nextEvent(reader, 'comment:removed', (c) => c.id === comment.id);
      const queued = nextEvent(modSocket, 'moderation:queued', (item) => item.comment.id === comment.id);

      const edited = await edit(t, author, comment.id, { body: 'Newcomers are Invaders.' });
      expect([edited.statusCode, edited.json<Comment>().status]).toEqual([202, 'pending']);
      const gone = await removed;
      expect(gone).toMatchObject({ id: comment.id, status: 'pending', bodyHtml: '' });
      expect(JSON.stringify(gone)).not.toContain('Invaders');
      expect(await queued).toMatchObject({ kind: 'held', heldReason: 'watched_word', comment: { id: comment.id, status: 'pending' } });
      expect(await publicThread(t, topic.id)).toEqual([]);
      expect((await queue(t, mod)).find((item) => item.comment.id === comment.id)).toMatchObject({ heldReason: 'watched_word' });
    });

    it('keeps a harmless edit published with 200, and a moderator’s edit of someone else’s comment is not held', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: ['invader*'] } });
      const mod = await moderator(t, dialogue);
      const author = await participant(t);
      const comment = await postComment(t, author, topic.id, { body: 'First wording.' });
      const reader = await open(null);
      await joinTopic(reader, topic.id);
      const removals = collect(reader, 'comment:removed');
      const harmless = await edit(t, author, comment.id, { body: 'Second wording.' });
      expect([harmless.statusCode, harmless.json<Comment>().status]).toEqual([200, 'published']);
      const quoting = await edit(t, mod, comment.id, { body: 'Someone called them “invaders”; that word hurts.', note: 'Quoted wording clarified' });
      expect([quoting.statusCode, quoting.json<Comment>().status]).toEqual([200, 'published']);
      await pause(200);
      expect(removals).toEqual([]);
    });
  });

  describe('characters XML forbids in exports', () => {
    async function strangeText() {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const writer = await participant(t, { displayName: 'Ana\uFFFE Gómez', country: 'MX', quoteConsent: 'name' });
      const comment = await postComment(t, writer, topic.id, { body: 'Schools\uFFFF matter most.' });
      const made = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'name' } });
      expect(made.statusCode).toBe(201);
      return { owner, dialogue };
    }

    it('writes a DOCX whose XML has none of them, with the quote and the name still there', async () => {
      const { owner, dialogue } = await strangeText();
      const response = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex?format=docx`, { as: owner });
      expect(response.statusCode).toBe(200);
      for (const [name, content] of unzip(response.rawPayload)) {
        if (name.endsWith('.xml') || name.endsWith('.rels')) expect(NOT_XML_CHAR.test(content.toString('utf8')), name).toBe(false);
      }
      const document = unzip(response.rawPayload).get('word/document.xml')!.toString('utf8');
      const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      expect(text).toContain('Schools matter most.');
      expect(text).toContain('— Ana Gómez, Mexico');
    });

    it('makes that DOCX one LibreOffice opens', async (context) => {
      if (!LIBREOFFICE) return context.skip(NO_LIBREOFFICE);
      const { owner, dialogue } = await strangeText();
      const pdf = convertDocxToPdf(LIBREOFFICE, (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex?format=docx`, { as: owner })).rawPayload);
      expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('leaves them out of every other format too', async () => {
      const { owner, dialogue } = await strangeText();
      const urls = [
        ...['md', 'html', 'pdf'].map((format) => `/api/dialogues/${dialogue.slug}/annex?format=${format}`),
        ...['csv', 'json'].map((format) => `/api/dialogues/${dialogue.slug}/export?format=${format}`),
      ];
      for (const url of urls) {
        const response = await call(t, 'GET', url, { as: owner });
        expect(response.statusCode, url).toBe(200);
        const body = url.includes('format=pdf') ? pdfText(response.rawPayload) : response.rawPayload.toString('utf8');
        expect(body.includes('\uFFFF') || body.includes('\uFFFE'), url).toBe(false);
      }
      const rows = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/export?format=json`, { as: owner })).json<{ author: string; body: string }[]>();
      expect(rows[0]).toMatchObject({ author: 'Ana Gómez', body: 'Schools matter most.' });
    });
  });

  describe('CSV cells with semicolons', () => {
    it('quotes a cell with a semicolon and neutralises a formula after it', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      await postComment(t, await participant(t), topic.id, { body: 'x;=1+1' });
      const csv = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/export?format=csv`, { as: owner })).rawPayload.toString('utf8');
      expect(csv).toContain(`,published,"x;'=1+1"\r\n`);
      expect(csv).not.toContain(';=1+1');
    });
  });
});
