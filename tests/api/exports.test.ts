import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { Dialogue, Topic } from '../../shared/dialogues.ts';
import type { AnnexWarning, RawCommentRow } from '../../shared/exports.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { insertComments, insertQuote, insertSummary, insertVisits } from '../helpers/curation-fixtures.ts';
import { call, createDialogue, createTopic, moderator, organizer, participant, postComment, type Agent } from '../helpers/factories.ts';
import { compactText, pdfText } from '../helpers/pdf-text.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';
import { convertDocxToPdf, LIBREOFFICE, NO_LIBREOFFICE } from '../helpers/libreoffice.ts';

const GOLDEN = new URL('./golden/', import.meta.url);

/** Compares with tests/api/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead. */
function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const QUESTIONS = [
  'How does migration lead to social change in countries of origin and of destination?',
  'In what ways can policymakers, civil society and the media deconstruct negative perceptions of migrants and counteract xenophobia?',
  'What policies can help to better integrate migrant children, both first and second generation?',
  'How can we enhance migrants’ social contributions to society, and promote social inclusion?',
];

// Written for these tests; never taken from the workshop's documents.
const CARMEN = 'Money sent home pays for school fees in my town.\n\nIt also changes what families *expect* from local government.';
const ANA = 'Diaspora associations **translate** national policy into neighbourhood practice.';
const LI = 'Cities that publish their integration data invite better questions.';
const LI_EXCERPT = 'Cities that publish their integration data […]';
const HIDDEN = 'SECRET-HIDDEN remark that a moderator took down.';
const OMAR = 'OMAR-WITHDRAWN-CONSENT: returning migrants open small firms.';
const DORA = 'Mentoring schemes pair newcomers with retired teachers.';
const FORMULAS = ['=1+1', '+x', '-x', '@x'];

interface Fixture {
  owner: Agent;
  dialogue: Dialogue;
  topics: Topic[];
  comments: Record<'carmen' | 'ana' | 'li' | 'hidden' | 'omar' | 'dora' | 'reply', Comment>;
  quotes: Record<'carmen' | 'ana' | 'li' | 'hidden' | 'omar' | 'dora', string>;
  emails: string[];
}

describeOnEachDatabase('annex, raw exports and statistics', (kind) => {
  const t = useTestApp(kind);
  const f = {} as Fixture;

  beforeAll(async () => {
    f.owner = await organizer(t);
    f.dialogue = await createDialogue(t, f.owner, {
      title: 'Migration and social change',
      theme: 'Migration and Social Change',
      timeZone: 'Europe/Zurich',
      annexLabel: 'Annex II',
      annexLeadIn: 'In the week preceding the workshop',
      hostDescription: 'the Online Community on Migration and Integration',
    });
    f.topics = [];
    for (const question of QUESTIONS) f.topics.push(await createTopic(t, f.owner, f.dialogue.slug, question));
    const [topic1, topic2, topic3] = f.topics as [Topic, Topic, Topic, Topic];

    const carmen = await participant(t, { displayName: 'Carmen Ruiz', country: 'ES', affiliation: 'ngo', quoteConsent: 'country' });
    const ana = await participant(t, { displayName: 'Ana Gómez', country: 'MX', affiliation: 'academia', quoteConsent: 'name' });
    const li = await participant(t, { displayName: 'Li Wei', country: 'CN', affiliation: 'government', quoteConsent: 'anonymous' });
    const hugo = await participant(t, { displayName: 'Hugo Hidden', country: 'FR', quoteConsent: 'name' });
    const omar = await participant(t, { displayName: 'Omar Haddad', country: 'MA', quoteConsent: 'name' });
    const dora = await participant(t, { displayName: 'Dora Private', country: 'US', affiliation: 'other', quoteConsent: 'name', nameDisplay: 'country' });
    f.emails = [carmen, ana, li, hugo, omar, dora].map((agent) => agent.user.email);

    f.comments = {
      carmen: await postComment(t, carmen, topic1.id, { body: CARMEN }),
      ana: await postComment(t, ana, topic1.id, { body: ANA }),
      li: await postComment(t, li, topic1.id, { body: LI }),
      hidden: await postComment(t, hugo, topic1.id, { body: HIDDEN }),
      omar: await postComment(t, omar, topic3.id, { body: OMAR }),
      dora: await postComment(t, dora, topic3.id, { body: DORA }),
      reply: {} as Comment,
    };
    f.comments.reply = await postComment(t, ana, topic1.id, { body: 'Agreed, and schools notice it first.', parentId: f.comments.carmen.id });
    for (const body of FORMULAS) await postComment(t, carmen, topic2.id, { body });

    // Curated order differs from posting order: Ana's quote comes first.
    f.quotes = {
      ana: await insertQuote(t, { topicId: topic1.id, commentId: f.comments.ana.id, chosenBy: f.owner.user.id, attribution: 'name', position: 1 }),
      carmen: await insertQuote(t, { topicId: topic1.id, commentId: f.comments.carmen.id, chosenBy: f.owner.user.id, attribution: 'country', position: 2 }),
      hidden: await insertQuote(t, { topicId: topic1.id, commentId: f.comments.hidden.id, chosenBy: f.owner.user.id, attribution: 'name', position: 3 }),
      li: await insertQuote(t, {
        topicId: topic1.id,
        commentId: f.comments.li.id,
        chosenBy: f.owner.user.id,
        attribution: 'none',
        position: 4,
        excerpt: LI_EXCERPT,
      }),
      omar: await insertQuote(t, { topicId: topic3.id, commentId: f.comments.omar.id, chosenBy: f.owner.user.id, attribution: 'name', position: 1 }),
      dora: await insertQuote(t, { topicId: topic3.id, commentId: f.comments.dora.id, chosenBy: f.owner.user.id, attribution: 'name', position: 2 }),
    };

    const hide = await call(t, 'POST', `/api/comments/${f.comments.hidden.id}/moderation`, { as: f.owner, body: { action: 'hide', reason: 'off topic' } });
    expect(hide.statusCode).toBe(200);
    const withdraw = await call(t, 'PATCH', '/api/auth/me', { as: omar, body: { quoteConsent: 'none' } });
    expect(withdraw.statusCode).toBe(200);

    await insertSummary(t, {
      dialogueId: f.dialogue.id,
      topicId: null,
      authorId: f.owner.user.id,
      versions: [
        { body: 'An early draft.', status: 'draft' },
        {
          body: 'Participants from **twelve countries** took part.\n\nThree points came up again and again:\n\n- remittances and schooling\n- the role of the diaspora\n- local data',
          status: 'approved',
        },
      ],
    });
    await insertSummary(t, {
      dialogueId: f.dialogue.id,
      topicId: topic1.id,
      authorId: f.owner.user.id,
      versions: [{ body: 'Change runs both ways between origin and destination.', status: 'approved' }],
    });
    await insertSummary(t, {
      dialogueId: f.dialogue.id,
      topicId: topic3.id,
      authorId: f.owner.user.id,
      versions: [
        { body: 'Schools and mentors matter most.', status: 'approved' },
        { body: 'DRAFT-NOT-APPROVED rewording.', status: 'draft' },
      ],
    });

    // The window becomes 12 to 25 July 2010 in Geneva; 357 page views inside it, 5 outside.
    const patched = await call(t, 'PATCH', `/api/dialogues/${f.dialogue.slug}`, {
      as: f.owner,
      body: { opensAt: '2010-07-11T22:00:00.000Z', closesAt: '2010-07-25T22:00:00.000Z' },
    });
    expect(patched.statusCode).toBe(200);
    const inside = Array.from({ length: 357 }, (_, i) => new Date(Date.parse('2010-07-11T22:00:00.000Z') + i * 3_000_000).toISOString());
    const outside = [
      '2010-07-11T21:59:59.999Z',
      '2010-07-25T22:00:00.000Z',
      '2010-08-01T10:00:00.000Z',
      '2009-07-12T10:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ];
    await insertVisits(t, f.dialogue.id, [...inside, ...outside], ['v1', 'v2', 'v3']);
  });

  const annex = (format: string, lang = 'en', as: Agent | null = f.owner) =>
    call(t, 'GET', `/api/dialogues/${f.dialogue.slug}/annex?format=${format}&lang=${lang}`, { as });

  describe('GET /api/dialogues/:slug/annex', () => {
    it.each(['en', 'fr', 'es'])('writes the Markdown annex in %s as the golden file has it', async (lang) => {
      const response = await annex('md', lang);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${f.dialogue.slug}-annex-${lang}.md"`);
      expectGolden(`annex.${lang}.md`, response.body);
    });

    it('defaults to Markdown in English', async () => {
      const response = await call(t, 'GET', `/api/dialogues/${f.dialogue.slug}/annex`, { as: f.owner });
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${f.dialogue.slug}-annex-en.md"`);
      expect(response.body).toBe((await annex('md', 'en')).body);
    });

    it('sends a self-contained HTML page, inline when asked for a preview', async () => {
      const response = await annex('html', 'fr');
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${f.dialogue.slug}-annex-fr.html"`);
      expect(response.body).toMatch(/^<!doctype html>\n<html lang="fr">/);
      expect(response.body).toContain('<h2>Commentaires choisis</h2>');
      expect(response.body).toContain('<ol>\n<li>How does migration lead to social change');
      expect(response.body).toContain('@media print');
      expect(response.body).not.toMatch(/<(script|link|img)\b/);

      const inline = await call(t, 'GET', `/api/dialogues/${f.dialogue.slug}/annex?format=html&lang=fr&inline=1`, { as: f.owner });
      expect(inline.headers['content-disposition']).toBe(`inline; filename="${f.dialogue.slug}-annex-fr.html"`);
      expect(inline.body).toBe(response.body);
      const preview = await call(t, 'GET', `/api/dialogues/${f.dialogue.slug}/annex/preview?lang=fr`, { as: f.owner });
      expect(preview.statusCode).toBe(200);
      expect(preview.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(preview.headers['content-disposition']).toBe(`inline; filename="${f.dialogue.slug}-annex-fr.html"`);
      expect(preview.body).toBe(response.body);
    });

    it('sends a DOCX with Heading 1 and 2 styles, a numbered list and the quotes as paragraphs', async () => {
      const response = await annex('docx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${f.dialogue.slug}-annex-en.docx"`);
      const files = unzip(response.rawPayload);
      const document = files.get('word/document.xml')!.toString('utf8');
      expect(document).toContain('<w:pStyle w:val="Heading1"/>');
      expect(document).toContain('<w:pStyle w:val="Heading2"/>');
      expect(document.match(/<w:numPr>/g)?.length).toBeGreaterThanOrEqual(4);
      expect(files.get('word/numbering.xml')!.toString('utf8')).toContain('w:val="decimal"');
      expect(files.get('word/styles.xml')!.toString('utf8')).toContain('w:styleId="Heading1"');
      const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
      for (const expected of [
        'Money sent home pays for school fees in my town.',
        'Diaspora associations ',
        'translate',
        'Cities that publish their integration data […]”',
        '— participant from Spain (NGO or civil society)',
        '— Ana Gómez, Mexico',
      ]) {
        expect(text).toContain(expected);
      }
    });

    it('makes a DOCX that LibreOffice converts to PDF', async (context) => {
      if (!LIBREOFFICE) return context.skip(NO_LIBREOFFICE);
      const pdf = convertDocxToPdf(LIBREOFFICE, (await annex('docx')).rawPayload);
      expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('sends an A4 PDF whose text is the annex’s, accents and quotation marks included', async () => {
      const response = await annex('pdf', 'fr');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${f.dialogue.slug}-annex-fr.pdf"`);
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(response.rawPayload.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
      const text = compactText(pdfText(response.rawPayload));
      for (const expected of [
        '« Dialogue virtuel » sur Migration and Social Change',
        'Du 12 au 25 juillet 2010, le forum en ligne a été visité plus de 350 fois.',
        'Thème 1 : How does migration lead to social change',
        'Citation :',
        '« Money sent home pays for school fees in my town.',
        '— participant (Espagne, ONG ou société civile)',
        '— Ana Gómez, Mexique',
      ]) {
        expect(text).toContain(compactText(expected));
      }
    });

    it('leaves out every hidden comment, withdrawn consent, unapproved draft and e-mail address in every format', async () => {
      for (const format of ['md', 'html', 'docx', 'pdf']) {
        for (const lang of ['en', 'fr', 'es']) {
          const response = await annex(format, lang);
          const body =
            format === 'docx'
              ? unzip(response.rawPayload).get('word/document.xml')!.toString('utf8')
              : format === 'pdf'
                ? pdfText(response.rawPayload)
                : response.body;
          for (const secret of ['SECRET', 'Hugo', 'OMAR-WITHDRAWN', 'Omar', 'DRAFT-NOT-APPROVED', 'An early draft', 'Dora Private', '@example']) {
            expect(body, `${format} ${lang}`).not.toContain(secret);
          }
          for (const email of f.emails) expect(body).not.toContain(email);
        }
      }
    });

    it('answers 400 for an unknown format or language', async () => {
      expect((await annex('odt')).statusCode).toBe(400);
      expect((await annex('md', 'de')).statusCode).toBe(400);
    });
  });

  describe('GET /api/dialogues/:slug/annex/warnings', () => {
    it('lists what the annex leaves out and why', async () => {
      const response = await call(t, 'GET', `/api/dialogues/${f.dialogue.slug}/annex/warnings`, { as: f.owner });
      expect(response.statusCode).toBe(200);
      const warnings = response.json<{ warnings: AnnexWarning[] }>().warnings;
      const [topic1, topic2, topic3, topic4] = f.topics as [Topic, Topic, Topic, Topic];
      expect(warnings.map(({ code, quoteId, topicId }) => ({ code, quoteId, topicId }))).toEqual([
        { code: 'quote_source_unavailable', quoteId: f.quotes.hidden, topicId: topic1.id },
        { code: 'topic_summary_missing', quoteId: undefined, topicId: topic2.id },
        { code: 'topic_without_quotes', quoteId: undefined, topicId: topic2.id },
        { code: 'topic_summary_newer_draft', quoteId: undefined, topicId: topic3.id },
        { code: 'quote_consent_withdrawn', quoteId: f.quotes.omar, topicId: topic3.id },
        { code: 'quote_attribution_narrowed', quoteId: f.quotes.dora, topicId: topic3.id },
        { code: 'topic_summary_missing', quoteId: undefined, topicId: topic4.id },
        { code: 'topic_without_quotes', quoteId: undefined, topicId: topic4.id },
      ]);
      expect(warnings[0]!.message).toBe('A quote in topic 1 is left out: its source comment was hidden by a moderator.');
      expect(JSON.stringify(warnings)).not.toContain('SECRET');
    });

    it('warns when the dialogue summary is not approved', async () => {
      const other = await createDialogue(t, f.owner);
      const response = await call(t, 'GET', `/api/dialogues/${other.slug}/annex/warnings`, { as: f.owner });
      expect(response.json<{ warnings: AnnexWarning[] }>().warnings.map((w) => w.code)).toEqual([
        'no_topics',
        'host_description_missing',
        'dialogue_summary_not_approved',
      ]);
    });
  });

  describe('GET /api/dialogues/:slug/export', () => {
    it('streams every comment as CSV with a byte order mark, neutralising formulas', async () => {
      const response = await call(t, 'GET', `/api/dialogues/${f.dialogue.slug}/export?format=csv`, { as: f.owner });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${f.dialogue.slug}-comments.csv"`);
      const body = response.rawPayload.toString('utf8');
      expect(body.startsWith('\uFEFFid,topicNumber,parentId,createdAt,authorId,author,country,affiliation,language,status,body\r\n')).toBe(true);
      const lines = body.slice(1).split('\r\n');
      for (const formula of FORMULAS) expect(lines.some((line) => line.endsWith(`,published,'${formula}`))).toBe(true);
      expect(body).not.toMatch(/,(=1\+1|\+x|-x|@x)\r\n/);
      expect(body).toContain(`${f.comments.reply.id},1,${f.comments.carmen.id},`);
      expect(body).toContain(`${f.comments.hidden.id},1,,`);
      expect(body).toMatch(new RegExp(`${f.comments.hidden.id},1,,[^\\r]*,hidden,\\r\\n`));
      expect(body).toContain(`,,US,other,en,published,${DORA}\r\n`);
      expect(body).not.toContain('SECRET');
      for (const email of f.emails) expect(body).not.toContain(email);
    });

    it('sends the same rows as a JSON array', async () => {
      const response = await call(t, 'GET', `/api/dialogues/${f.dialogue.slug}/export?format=json`, { as: f.owner });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename="${f.dialogue.slug}-comments.json"`);
      const rows = response.json<RawCommentRow[]>();
      expect(rows).toHaveLength(11);
      expect(rows.map((row) => row.topicNumber)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
      expect(rows[0]).toEqual({
        id: f.comments.carmen.id,
        topicNumber: 1,
        parentId: null,
        createdAt: f.comments.carmen.createdAt,
        authorId: f.comments.carmen.author.id,
        author: 'Carmen Ruiz',
        country: 'ES',
        affiliation: 'ngo',
        language: 'en',
        status: 'published',
        body: CARMEN,
      });
      expect(rows.find((row) => row.id === f.comments.hidden.id)).toMatchObject({ status: 'hidden', body: '', author: 'Hugo Hidden' });
      expect(rows.find((row) => row.id === f.comments.dora.id)).toMatchObject({ author: null, country: 'US' });
      expect(response.body).not.toContain('SECRET');
      for (const email of f.emails) expect(response.body).not.toContain(email);
    });

    it('pages through thousands of comments across topics without losing or repeating one', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const first = await createTopic(t, owner, dialogue.slug, 'First?');
      const second = await createTopic(t, owner, dialogue.slug, 'Second?');
      await insertComments(
        t,
        second.id,
        owner.user.id,
        Array.from({ length: 300 }, (_, i) => `second ${i}`),
      );
      await insertComments(
        t,
        first.id,
        owner.user.id,
        Array.from({ length: 2_100 }, (_, i) => `first ${i}`),
      );
      const rows = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/export?format=json`, { as: owner })).json<RawCommentRow[]>();
      expect(rows).toHaveLength(2_400);
      expect(rows[0]!.body).toBe('first 0');
      expect(rows[2_099]!.body).toBe('first 2099');
      expect(rows[2_100]!.body).toBe('second 0');
      expect(new Set(rows.map((row) => row.id)).size).toBe(2_400);
      const csv = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/export`, { as: owner })).rawPayload.toString('utf8');
      expect(csv.split('\r\n')).toHaveLength(2_402);
    });
  });

  describe('GET /api/dialogues/:slug/stats', () => {
    it('counts visits, comments and people inside the window only, published comments only', async () => {
      const owner = await organizer(t);
      const opensAt = new Date(Date.now() - 60 * 60_000).toISOString();
      const dialogue = await createDialogue(t, owner, { timeZone: 'Asia/Kolkata', opensAt });
      const one = await createTopic(t, owner, dialogue.slug, 'One?');
      const two = await createTopic(t, owner, dialogue.slug, 'Two?');
      await createTopic(t, owner, dialogue.slug, 'Three?');
      const es = await participant(t, { country: 'ES', affiliation: 'ngo' });
      const mx = await participant(t, { country: 'MX', affiliation: 'academia' });
      const sn = await participant(t, { country: 'SN' });
      const late = await participant(t, { country: 'JP', affiliation: 'media' });
      const hiddenAuthor = await participant(t, { country: 'BR', affiliation: 'media' });
      await postComment(t, es, one.id);
      await postComment(t, es, one.id);
      await postComment(t, mx, two.id);
      await postComment(t, sn, two.id);
      const before = await postComment(t, late, two.id);
      const hidden = await postComment(t, hiddenAuthor, one.id);
      await call(t, 'POST', `/api/comments/${hidden.id}/moderation`, { as: owner, body: { action: 'hide', reason: 'spam' } });
      await t.ctx.db.updateTable('comments').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', before.id).execute();
      const now = Date.now();
      await insertVisits(t, dialogue.id, [opensAt, new Date(now - 1000).toISOString(), new Date(now).toISOString(), '2020-01-01T00:00:00.000Z'], ['a', 'b']);

      const response = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/stats`, { as: owner });
      expect(response.statusCode).toBe(200);
      const stats = response.json();
      expect(stats).toMatchObject({ visits: 3, uniqueVisitors: 2, comments: 4, participants: 3, countries: 3, timeZone: 'Asia/Kolkata' });
      expect(stats.byTopic).toEqual([
        { key: '1', count: 2 },
        { key: '2', count: 2 },
        { key: '3', count: 0 },
      ]);
      expect(stats.byCountry).toEqual([
        { key: 'ES', count: 1 },
        { key: 'MX', count: 1 },
        { key: 'SN', count: 1 },
      ]);
      expect(stats.byAffiliation).toEqual([
        { key: 'academia', count: 1 },
        { key: 'ngo', count: 1 },
        { key: 'unspecified', count: 1 },
      ]);
      expect(stats.byContinent).toEqual([
        { key: 'africa', count: 1 },
        { key: 'europe', count: 1 },
        { key: 'north_america', count: 1 },
      ]);
      expect(stats.byDay.reduce((sum: number, day: { count: number }) => sum + day.count, 0)).toBe(4);
      expect(stats.byDay[0].key).toBe(stats.firstDay);
      expect(stats.byDay.at(-1).key).toBe(stats.lastDay);
      expect(stats.visitsByDay.reduce((sum: number, day: { count: number }) => sum + day.count, 0)).toBe(3);
    });

    it('puts each comment on its calendar day in the dialogue’s time zone', async () => {
      const owner = await organizer(t);
      // Kolkata is UTC+5:30: its days start at 18:30 UTC.
      const dialogue = await createDialogue(t, owner, { timeZone: 'Asia/Kolkata' });
      const topic = await createTopic(t, owner, dialogue.slug, 'When?');
      const author = await participant(t);
      const comments = [];
      for (let i = 0; i < 4; i += 1) comments.push(await postComment(t, author, topic.id));
      await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, {
        as: owner,
        body: { opensAt: '2026-03-09T18:30:00.000Z', closesAt: '2026-03-12T18:30:00.000Z' },
      });
      const times = ['2026-03-09T18:30:00.000Z', '2026-03-10T18:29:59.999Z', '2026-03-10T18:30:00.000Z', '2026-03-12T18:29:00.000Z'];
      for (const [i, time] of times.entries()) {
        await t.ctx.db.updateTable('comments').set({ created_at: time }).where('id', '=', comments[i]!.id).execute();
      }
      await insertVisits(t, dialogue.id, ['2026-03-11T18:29:59.000Z', '2026-03-11T18:30:00.000Z']);

      const stats = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/stats`, { as: owner })).json();
      expect(stats).toMatchObject({ firstDay: '2026-03-10', lastDay: '2026-03-12', comments: 4, visits: 2 });
      expect(stats.byDay).toEqual([
        { key: '2026-03-10', count: 2 },
        { key: '2026-03-11', count: 1 },
        { key: '2026-03-12', count: 1 },
      ]);
      expect(stats.byTopicDay).toEqual([
        { topicNumber: 1, day: '2026-03-10', count: 2 },
        { topicNumber: 1, day: '2026-03-11', count: 1 },
        { topicNumber: 1, day: '2026-03-12', count: 1 },
      ]);
      expect(stats.visitsByDay).toEqual([
        { key: '2026-03-10', count: 0 },
        { key: '2026-03-11', count: 1 },
        { key: '2026-03-12', count: 1 },
      ]);
    });
  });

  describe('GET /docs/json', () => {
    it('documents the annex formats, the preview, the raw data and the statistics additions', async () => {
      const spec = (await call(t, 'GET', '/docs/json')).json();
      const annexDoc = spec.paths['/api/dialogues/{slug}/annex'].get;
      expect(Object.keys(annexDoc.responses['200'].content)).toEqual([
        'text/markdown',
        'text/html',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/pdf',
      ]);
      expect(annexDoc.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['format', 'lang', 'inline']));
      expect(spec.paths['/api/dialogues/{slug}/annex/preview'].get.responses['200'].content['text/html']).toBeDefined();
      expect(spec.paths['/api/dialogues/{slug}/annex/warnings'].get).toBeDefined();
      expect(Object.keys(spec.paths['/api/dialogues/{slug}/export'].get.responses['200'].content)).toEqual(['text/csv', 'application/json']);
      const stats = spec.paths['/api/dialogues/{slug}/stats'].get.responses['200'].content['application/json'].schema;
      expect(Object.keys(stats.properties)).toEqual(expect.arrayContaining(['byContinent', 'byTopicDay', 'visitsByDay']));
    });
  });

  describe('who may export', () => {
    const paths = (slug: string) => [
      `/api/dialogues/${slug}/stats`,
      `/api/dialogues/${slug}/annex?format=md`,
      `/api/dialogues/${slug}/annex?format=docx`,
      `/api/dialogues/${slug}/annex/preview`,
      `/api/dialogues/${slug}/annex/warnings`,
      `/api/dialogues/${slug}/export?format=csv`,
      `/api/dialogues/${slug}/export?format=json`,
    ];

    it('refuses anonymous callers with 401, participants and the dialogue’s moderators with 403', async () => {
      const viewers = [await participant(t), await moderator(t, f.dialogue)];
      for (const path of paths(f.dialogue.slug)) {
        const anonymous = await call(t, 'GET', path);
        expect(anonymous.statusCode, path).toBe(401);
        expect(anonymous.json().error.code).toBe('not_signed_in');
        for (const viewer of viewers) {
          const response = await call(t, 'GET', path, { as: viewer });
          expect(response.statusCode, path).toBe(403);
          expect(response.json().error.code).toBe('forbidden');
          expect(response.headers['content-disposition']).toBeUndefined();
        }
      }
    });

    it('answers 404 for a dialogue that does not exist', async () => {
      for (const path of paths('no-such-dialogue')) {
        const response = await call(t, 'GET', path, { as: f.owner });
        expect(response.statusCode, path).toBe(404);
        expect(response.json().error.code).toBe('not_found');
      }
    });
  });
});
