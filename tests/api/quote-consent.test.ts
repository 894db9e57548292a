import { describe, expect, it } from 'vitest';
import type { AnnexWarning } from '../../shared/exports.ts';
import type { MailKind } from '../../shared/mail.constants.ts';
import type { AuditLog } from '../../shared/moderation.ts';
import type { NotificationList } from '../../shared/notifications.ts';
import type { DialogueQuotes, Quote, QuoteDetail } from '../../shared/quotes.ts';
import type { RegisterBody } from '../../shared/users.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { anonymous, call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { TEST_ORIGIN, useTestApp, type TestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';

const WORDS = 'WORDS-OF-AMINA: savings groups built trust between newcomers and their neighbours.';
const QUESTION_FR = 'Comment la migration change-t-elle les sociétés ?';

/** The mail queued for this user, oldest first (the worker may have sent them already: any status). */
async function mailsTo(t: TestApp, userId: string, kind: MailKind) {
  return t.ctx.db.selectFrom('mail_outbox').selectAll().where('user_id', '=', userId).where('kind', '=', kind).orderBy('created_at').execute();
}

const notifications = async (t: TestApp, as: Agent) => (await call(t, 'GET', '/api/notifications', { as })).json<NotificationList>();
const withdraw = (t: TestApp, as: Agent | null, quoteId: string, body?: object) =>
  call(t, 'POST', `/api/quotes/${quoteId}/consent-withdrawal`, { as, ...(body === undefined ? {} : { body }) });
const listQuotes = async (t: TestApp, slug: string, as: Agent | null) => (await call(t, 'GET', `/api/dialogues/${slug}/quotes`, { as })).json<DialogueQuotes>();
const allQuotes = async (t: TestApp, slug: string, as: Agent | null): Promise<Quote[]> =>
  (await listQuotes(t, slug, as)).topics.flatMap((topic) => topic.quotes);

async function quote(t: TestApp, as: Agent, commentId: string, body: object = { attribution: 'none' }): Promise<Quote> {
  const response = await call(t, 'POST', `/api/comments/${commentId}/quotes`, { as, body });
  if (response.statusCode !== 201) throw new Error(`quote failed: ${response.statusCode} ${response.body}`);
  return response.json<Quote>();
}

/** A dialogue whose topic has a French question, its moderator, and a published comment by a French-speaking author. */
async function setUp(t: TestApp, author: Partial<RegisterBody> = {}) {
  const { owner, dialogue, topic } = await dialogueWithTopic(t);
  const translated = await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { translations: { fr: { question: QUESTION_FR } } } });
  expect(translated.statusCode).toBe(200);
  const mod = await moderator(t, dialogue);
  const writer = await participant(t, { displayName: 'Amina Diallo', country: 'SN', language: 'fr', ...author });
  const comment = await postComment(t, writer, topic.id, { body: WORDS });
  return { owner, dialogue, topic, mod, writer, comment };
}

describeOnEachDatabase('quoted participants have a say', (kind) => {
  const t = useTestApp(kind);

  describe('when a moderator quotes someone', () => {
    it('tells the author in the app, with the quote, its topic and comment, and who quoted', async () => {
      const { topic, mod, writer, comment } = await setUp(t);
      const made = await quote(t, mod, comment.id);
      const { items, unread } = await notifications(t, writer);
      expect(unread).toBe(1);
      expect(items).toMatchObject([
        {
          id: expect.any(String),
          kind: 'quote.created',
          commentId: comment.id,
          topicId: topic.id,
          quoteId: made.id,
          actorName: mod.user.displayName,
          reason: made.text,
          consentWithdrawn: false,
          createdAt: expect.any(String),
          readAt: null,
        },
      ]);
      expect(made.text).toBe(WORDS);
    });

    it('mails the author in their language, with the quote, a link to the comment and the one to withdraw consent', async () => {
      const { topic, mod, writer, comment } = await setUp(t);
      const made = await quote(t, mod, comment.id, { attribution: 'none', excerpt: 'savings groups built trust' });
      const [mail, ...more] = await mailsTo(t, writer.user.id, 'quoted');
      expect(more).toEqual([]);
      expect(mail).toMatchObject({ to_address: writer.user.email, language: 'fr', subject: `Vos propos ont été cités : ${QUESTION_FR}` });
      expect(mail!.text_body).toContain('[…] savings groups built trust […]');
      expect(mail!.text_body).toContain(`${TEST_ORIGIN}/t/${topic.id}?c=${comment.id}`);
      expect(mail!.text_body).toContain(`${TEST_ORIGIN}/quotes/${made.id}/withdraw`);
      expect(mail!.html_body).toContain(`${TEST_ORIGIN}/quotes/${made.id}/withdraw`);
      expect(JSON.parse(mail!.headers)).toMatchObject({ 'List-Unsubscribe': expect.stringContaining(`${TEST_ORIGIN}/api/unsubscribe?token=`) });
    });

    it('mails in English the author who reads English, and not at all the one who turned quote mail off', async () => {
      const english = await setUp(t, { language: 'en' });
      await quote(t, english.mod, english.comment.id);
      const [mail] = await mailsTo(t, english.writer.user.id, 'quoted');
      expect(mail!.subject).toBe('Your words were quoted: How does migration change societies?');

      const quiet = await setUp(t);
      const off = await call(t, 'PATCH', '/api/auth/me', { as: quiet.writer, body: { emailNotifications: { quotes: false } } });
      expect(off.statusCode).toBe(200);
      await quote(t, quiet.mod, quiet.comment.id);
      expect(await mailsTo(t, quiet.writer.user.id, 'quoted')).toEqual([]);
      expect((await notifications(t, quiet.writer)).items.map((item) => item.kind)).toEqual(['quote.created']);
    });

    it('does not tell a moderator who quotes their own words', async () => {
      const { topic, mod } = await setUp(t);
      const own = await postComment(t, mod, topic.id, { body: 'A moderator’s own view on the matter.' });
      await quote(t, mod, own.id);
      expect((await notifications(t, mod)).items).toEqual([]);
      expect(await mailsTo(t, mod.user.id, 'quoted')).toEqual([]);
    });
  });

  describe('GET /api/quotes/:id', () => {
    it('shows the quote, its topic and dialogue to its author and to the dialogue’s moderators only', async () => {
      const { dialogue, topic, mod, writer, comment } = await setUp(t);
      const made = await quote(t, mod, comment.id);
      const mine = await call(t, 'GET', `/api/quotes/${made.id}`, { as: writer });
      expect(mine.statusCode).toBe(200);
      const detail = mine.json<QuoteDetail>();
      expect(detail).toMatchObject({
        quote: { id: made.id, text: WORDS, commentId: comment.id, consentWithdrawn: null, flagged: null },
        mine: true,
        topic: { id: topic.id, number: 1, question: topic.question, translations: { fr: { question: QUESTION_FR } } },
        dialogue: { slug: dialogue.slug, title: dialogue.title, languages: dialogue.languages },
      });
      expect(detail.quote.chosenBy).toBeUndefined();
      const curator = await call(t, 'GET', `/api/quotes/${made.id}`, { as: mod });
      expect(curator.json<QuoteDetail>()).toMatchObject({ mine: false, quote: { chosenBy: { id: mod.user.id, displayName: mod.user.displayName } } });

      const other = await participant(t);
      const outsider = await moderator(t);
      for (const as of [other, outsider]) {
        const refused = await call(t, 'GET', `/api/quotes/${made.id}`, { as });
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({ error: { code: 'not_quoted_author' } });
      }
      expect((await call(t, 'GET', `/api/quotes/${made.id}`, { as: anonymous })).statusCode).toBe(401);
      expect((await call(t, 'GET', '/api/quotes/no-such-quote', { as: writer })).statusCode).toBe(404);
    });
  });

  describe('POST /api/quotes/:id/consent-withdrawal', () => {
    it('is for the quoted author only: 401 anonymous, 403 anyone else (moderators too, before the body is read), 404 unknown', async () => {
      const { owner, dialogue, mod, writer, comment } = await setUp(t);
      const made = await quote(t, mod, comment.id);
      const other = await participant(t);
      for (const as of [mod, owner, other]) {
        const refused = await withdraw(t, as, made.id, { reason: 'x'.repeat(501) });
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({ error: { code: 'not_quoted_author' } });
      }
      expect((await withdraw(t, anonymous, made.id)).json()).toMatchObject({ error: { code: 'not_signed_in' } });
      expect((await withdraw(t, anonymous, made.id)).statusCode).toBe(401);
      const unknown = await withdraw(t, writer, 'no-such-quote');
      expect(unknown.statusCode).toBe(404);
      const tooLong = await withdraw(t, writer, made.id, { reason: 'x'.repeat(501) });
      expect(tooLong.statusCode).toBe(400);
      expect((await allQuotes(t, dialogue.slug, mod))[0]!.consentWithdrawn).toBeNull();
    });

    it('takes no body at all, and answers 409 consent_already_withdrawn the second time', async () => {
      const { mod, writer, comment } = await setUp(t);
      const made = await quote(t, mod, comment.id);
      expect((await withdraw(t, writer, made.id)).statusCode).toBe(204);
      const again = await withdraw(t, writer, made.id, {});
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'consent_already_withdrawn' } });
      const detail = (await call(t, 'GET', `/api/quotes/${made.id}`, { as: writer })).json<QuoteDetail>();
      expect(detail.quote).toMatchObject({ flagged: 'consent_withdrawn', consentWithdrawn: { at: expect.any(String), reason: null } });
    });

    it('leaves the quote out of every export, flags it for the curators with the reason, and logs it', async () => {
      const { owner, dialogue, topic, mod, writer, comment } = await setUp(t);
      const kept = await postComment(t, await participant(t), topic.id, { body: 'KEPT-QUOTE: language classes first.' });
      const keptQuote = await quote(t, mod, kept.id);
      const made = await quote(t, mod, comment.id);
      const annex = (format: string, lang = 'en') => call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex?format=${format}&lang=${lang}`, { as: owner });
      const docxText = async (lang: string) =>
        unzip((await annex('docx', lang)).rawPayload)
          .get('word/document.xml')!
          .toString('utf8');
      expect((await annex('md')).body).toContain('WORDS-OF-AMINA');
      expect(await docxText('en')).toContain('WORDS-OF-AMINA');

      const response = await withdraw(t, writer, made.id, { reason: '  I said this in confidence.  ' });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');

      for (const lang of ['en', 'fr', 'es']) {
        for (const format of ['md', 'html']) {
          const body = (await annex(format, lang)).body;
          expect(body, `${format} ${lang}`).not.toContain('WORDS-OF-AMINA');
          expect(body, `${format} ${lang}`).toContain('KEPT-QUOTE');
        }
        expect(await docxText(lang)).not.toContain('WORDS-OF-AMINA');
        expect(await docxText(lang)).toContain('KEPT-QUOTE');
      }
      const warnings = (await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex/warnings?lang=fr`, { as: owner })).json<{ warnings: AnnexWarning[] }>()
        .warnings;
      expect(warnings.filter((warning) => warning.quoteId === made.id)).toEqual([
        { code: 'consent_withdrawn', message: 'A quote in topic 1 is left out: its author withdrew consent for it.', quoteId: made.id, topicId: topic.id },
      ]);
      expect(warnings.some((warning) => warning.quoteId === keptQuote.id)).toBe(false);

      // The public and participants no longer get it; the curators see it flagged, with the reason.
      for (const as of [anonymous, writer]) expect((await allQuotes(t, dialogue.slug, as)).map((q) => q.id)).toEqual([keptQuote.id]);
      const curated = await allQuotes(t, dialogue.slug, mod);
      expect(curated.find((q) => q.id === keptQuote.id)).toMatchObject({ flagged: null, consentWithdrawn: null });
      expect(curated.find((q) => q.id === made.id)).toMatchObject({
        flagged: 'consent_withdrawn',
        consentWithdrawn: { at: expect.any(String), reason: 'I said this in confidence.' },
      });

      const [notice] = (await notifications(t, writer)).items;
      expect(notice).toMatchObject({ kind: 'quote.created', quoteId: made.id, consentWithdrawn: true });

      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=quote.consent_withdrawn`, { as: owner })).json<AuditLog>();
      expect(log.items).toHaveLength(1);
      expect(log.items[0]).toMatchObject({
        actor: { id: writer.user.id },
        targetType: 'quote',
        targetId: made.id,
        reason: 'I said this in confidence.',
        comment: { id: comment.id },
      });
    });

    it('stays withdrawn whatever a moderator changes; the moderator may remove it, and may not quote the comment again', async () => {
      const { dialogue, mod, writer, comment } = await setUp(t, { quoteConsent: 'name' });
      const made = await quote(t, mod, comment.id);
      expect((await withdraw(t, writer, made.id)).statusCode).toBe(204);
      const patched = await call(t, 'PATCH', `/api/quotes/${made.id}`, { as: mod, body: { attribution: 'name', excerpt: null, position: 1 } });
      expect(patched.statusCode).toBe(200);
      expect(patched.json<Quote>()).toMatchObject({ flagged: 'consent_withdrawn', consentWithdrawn: { reason: null } });
      expect(await allQuotes(t, dialogue.slug, anonymous)).toEqual([]);

      const again = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'none' } });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'quote_not_allowed' } });

      expect((await call(t, 'DELETE', `/api/quotes/${made.id}`, { as: mod })).statusCode).toBe(204);
      expect(await allQuotes(t, dialogue.slug, mod)).toEqual([]);
      expect((await withdraw(t, writer, made.id)).statusCode).toBe(404);
    });
  });

  describe('moderators’ decisions by mail', () => {
    it('mails the author each decision, in their language, with the reason and a link to the comment', async () => {
      const { topic, mod, writer } = await setUp(t);
      const held = await postComment(t, writer, topic.id, { body: 'A second comment that waits.' });
      await t.ctx.db.updateTable('comments').set({ status: 'pending', held_reason: 'watched_word' }).where('id', '=', held.id).execute();
      const approved = await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: mod, body: { action: 'approve' } });
      expect(approved.statusCode).toBe(200);
      const hidden = await call(t, 'POST', `/api/comments/${held.id}/moderation`, {
        as: mod,
        body: { action: 'hide', reason: 'Personal details of a third person.' },
      });
      expect(hidden.statusCode).toBe(200);

      const mails = await mailsTo(t, writer.user.id, 'moderation');
      expect(mails.map((mail) => mail.subject)).toEqual(['Votre commentaire est publié', 'Votre commentaire a été retiré']);
      expect(mails[1]!.text_body).toContain('Personal details of a third person.');
      expect(mails[1]!.text_body).toContain(QUESTION_FR);
      for (const mail of mails) expect(mail.text_body).toContain(`${TEST_ORIGIN}/t/${topic.id}?c=${held.id}`);
      expect((await notifications(t, writer)).items.map((item) => item.kind)).toEqual(['comment.hide', 'comment.approve']);
    });

    it('mails nothing to an author who turned moderation mail off, and nothing for a restore', async () => {
      const { topic, mod, writer } = await setUp(t);
      const comment = await postComment(t, writer, topic.id, { body: 'Another comment.' });
      const off = await call(t, 'PATCH', '/api/auth/me', { as: writer, body: { emailNotifications: { moderation: false } } });
      expect(off.statusCode).toBe(200);
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Off topic.' } })).statusCode).toBe(
        200,
      );
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'restore' } })).statusCode).toBe(200);
      expect(await mailsTo(t, writer.user.id, 'moderation')).toEqual([]);
      expect((await notifications(t, writer)).items.map((item) => item.kind)).toEqual(['comment.hide']);
    });
  });
});
