import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowState, ParticipantList } from '../../shared/follows.ts';
import type { NotificationList } from '../../shared/notifications.ts';
import { runDueDigests, isoWeek } from '../../server/mail/digest.ts';
import { findMentions, mentionsIn, nameMatchesPrefix } from '../../server/comments/mentions.ts';
import { renderMarkdown } from '../../server/lib/markdown.ts';
import { openingWords } from '../../server/notifications/notice-texts.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { anonymous, call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { nextEvent, useSockets } from '../helpers/sockets.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { createTestApp, TEST_ORIGIN, useTestApp, type TestApp } from '../helpers/test-app.ts';

const notificationsOf = async (t: TestApp, agent: Agent): Promise<NotificationList> => {
  const response = await call(t, 'GET', '/api/notifications', { as: agent });
  expect(response.statusCode).toBe(200);
  return response.json<NotificationList>();
};

/** The mail queued for a participant, besides account mail (the address verification sent at registration). */
const outboxOf = (t: TestApp, agent: Agent, kind?: string) => {
  let query = t.ctx.db.selectFrom('mail_outbox').selectAll().where('user_id', '=', agent.user.id).where('kind', 'not in', ['verify_email', 'password_reset']);
  if (kind) query = query.where('kind', '=', kind as never);
  return query.orderBy('created_at').execute();
};

const patchMe = async (t: TestApp, agent: Agent, body: Record<string, unknown>): Promise<void> => {
  const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, body });
  expect(response.statusCode, response.body).toBe(200);
};

const following = async (t: TestApp, agent: Agent, topicId: string): Promise<boolean> => {
  const response = await call(t, 'GET', `/api/topics/${topicId}/follow`, { as: agent });
  expect(response.statusCode).toBe(200);
  return response.json<FollowState>().following;
};

const participantsOf = async (t: TestApp, topicId: string, q: string, as: Agent | null = anonymous): Promise<string[]> => {
  const response = await call(t, 'GET', `/api/topics/${topicId}/participants?q=${encodeURIComponent(q)}`, { as });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ParticipantList>().items.map((item) => item.displayName);
};

describe('mention matching', () => {
  const people = [
    { id: 'k', displayName: 'Kwame' },
    { id: 'km', displayName: 'Kwame Mensah' },
    { id: 'ana', displayName: 'Ana María López' },
  ];

  it('takes the longest name after @, in any case, at a word boundary', () => {
    expect(findMentions('Thanks @kwame mensah, and @KWAME too', people)).toEqual(['km', 'k']);
    expect(findMentions('@Kwame Mensahs is someone else; @Kwame.', people)).toEqual(['k']);
    expect(findMentions('As @ana maría lópez said', people)).toEqual(['ana']);
  });

  it('ignores an @ inside a word, repeats, and stops at the maximum', () => {
    expect(findMentions('write to kwame@Kwame Mensah.org', people)).toEqual([]);
    expect(findMentions('@Kwame @Kwame @Kwame', people)).toEqual(['k']);
    expect(findMentions('@Kwame Mensah @Kwame @Ana María López', people, 2)).toEqual(['km', 'k']);
  });

  it('tells where each mention starts and ends in the text as written', () => {
    const text = 'Thanks @kwame  Mensah, and @KWAME.';
    expect(mentionsIn(text, people).map(({ id, start, end }) => [id, text.slice(start, end)])).toEqual([
      ['km', '@kwame  Mensah'],
      ['k', '@KWAME'],
    ]);
    // A decomposed accent is part of the name, however it was typed.
    const decomposed = '@Ana Mari\u0301a López!';
    expect(mentionsIn(decomposed, people).map(({ start, end }) => decomposed.slice(start, end))).toEqual(['@Ana Mari\u0301a López']);
    expect(mentionsIn('hello @nobody', people)).toEqual([]);
  });

  it('marks mentions in rendered Markdown, never inside links, code or raw HTML', () => {
    const mark = (text: string) => mentionsIn(text, people);
    expect(renderMarkdown('**@Kwame Mensah** said `@Kwame` and [@Kwame](https://example.org)', mark)).toBe(
      '<p><strong><span class="mention">@Kwame Mensah</span></strong> said <code>@Kwame</code> and <a href="https://example.org" rel="nofollow ugc noopener">@Kwame</a></p>',
    );
    expect(renderMarkdown('<span class="mention">@Kwame</span> kwame@Kwame.org', mark)).toBe(
      '<p>&lt;span class="mention"&gt;<span class="mention">@Kwame</span>&lt;/span&gt; <a href="mailto:kwame@Kwame.org" rel="nofollow ugc noopener">kwame@Kwame.org</a></p>',
    );
    expect(renderMarkdown('@Kwame')).toBe('<p>@Kwame</p>');
  });

  it('offers names whose start, or the start of one of their words, was typed', () => {
    expect(nameMatchesPrefix('Kwame Mensah', 'men')).toBe(true);
    expect(nameMatchesPrefix('Kwame Mensah', 'KWAME M')).toBe(true);
    expect(nameMatchesPrefix('Kwame Mensah', 'ensah')).toBe(false);
    expect(nameMatchesPrefix('Kwame Mensah', '')).toBe(true);
  });

  it('cuts opening words after a whole word, as plain text', () => {
    expect(openingWords('**Bold** and [a link](https://example.org)')).toBe('Bold and a link');
    const long = openingWords('word '.repeat(100));
    expect([...long].length).toBeLessThanOrEqual(200);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});

describeOnEachDatabase('replies, mentions and follows', (kind) => {
  const t = useTestApp(kind);
  const live = useSockets(t);

  describe('replies', () => {
    it('tells the author of the comment answered, in the app and by mail in their language', async () => {
      const { topic } = await dialogueWithTopic(t);
      const amelie = await participant(t, { displayName: 'Amélie Dubois', country: 'FR', language: 'fr' });
      const ben = await participant(t, { displayName: 'Ben Okafor', country: 'NG' });
      const first = await postComment(t, amelie, topic.id, { body: 'Les transferts de fonds comptent.' });
      const reply = await postComment(t, ben, topic.id, { body: 'I **agree**: remittances matter more than aid.', parentId: first.id });

      const list = await notificationsOf(t, amelie);
      expect(list.unread).toBe(1);
      expect(list.items[0]).toMatchObject({
        kind: 'comment.reply',
        commentId: reply.id,
        topicId: topic.id,
        actorName: 'Ben Okafor',
        actorCountry: 'NG',
        reason: 'I agree: remittances matter more than aid.',
        readAt: null,
      });
      const mails = await outboxOf(t, amelie);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ kind: 'reply', language: 'fr', to_address: amelie.user.email, dedupe_key: `reply:${reply.id}:${amelie.user.id}` });
      expect(mails[0]!.subject).toBe(`Ben Okafor vous a répondu : ${topic.question}`);
      expect(mails[0]!.text_body).toContain(`${TEST_ORIGIN}/t/${topic.id}?c=${reply.id}`);
      expect(mails[0]!.text_body).toContain('I agree: remittances matter more than aid.');
      expect(JSON.parse(mails[0]!.headers)).toHaveProperty('List-Unsubscribe-Post', 'List-Unsubscribe=One-Click');
      // The replier is told nothing.
      expect((await notificationsOf(t, ben)).items).toEqual([]);
    });

    it('names a replier shown by country as threads do, in the recipient’s language', async () => {
      const { topic } = await dialogueWithTopic(t);
      const ana = await participant(t, { displayName: 'Ana', language: 'es' });
      const hidden = await participant(t, { displayName: 'Secret Name', country: 'PH', nameDisplay: 'country' });
      const first = await postComment(t, ana, topic.id);
      await postComment(t, hidden, topic.id, { body: 'A reply.', parentId: first.id });
      const [mail] = await outboxOf(t, ana, 'reply');
      expect(mail!.subject).toContain('participante de Filipinas');
      expect(mail!.text_body).not.toContain('Secret Name');
      const [notice] = (await notificationsOf(t, ana)).items;
      expect(notice).toMatchObject({ actorName: null, actorCountry: 'PH' });
    });

    it('tells the author of the reply answered within a sub-thread, not the first comment’s', async () => {
      const { topic } = await dialogueWithTopic(t);
      const [a, b, c] = [await participant(t), await participant(t), await participant(t)];
      const first = await postComment(t, a, topic.id);
      const second = await postComment(t, b, topic.id, { body: 'B answers A.', parentId: first.id });
      const third = await postComment(t, c, topic.id, { body: 'C answers B.', parentId: second.id });
      expect((await notificationsOf(t, a)).items.map((n) => n.commentId)).toEqual([second.id]);
      expect((await notificationsOf(t, b)).items.map((n) => n.commentId)).toEqual([third.id]);
    });

    it('never tells anyone of their own comment', async () => {
      const { topic } = await dialogueWithTopic(t);
      const self = await participant(t, { displayName: 'Solo Writer' });
      const first = await postComment(t, self, topic.id);
      await postComment(t, self, topic.id, { body: 'And @Solo Writer adds this.', parentId: first.id });
      expect((await notificationsOf(t, self)).items).toEqual([]);
      expect(await outboxOf(t, self)).toEqual([]);
    });

    it('tells of a held reply only when a moderator approves it, and once', async () => {
      const { topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const mod = await moderator(t, dialogue);
      const a = await participant(t);
      const b = await participant(t);
      const first = await postComment(t, a, topic.id);
      expect((await call(t, 'POST', `/api/comments/${first.id}/moderation`, { as: mod, body: { action: 'approve' } })).statusCode).toBe(200);
      const held = await postComment(t, b, topic.id, { body: 'Held for review.', parentId: first.id });
      expect(held.status).toBe('pending');
      const before = (await notificationsOf(t, a)).items.filter((n) => n.kind === 'comment.reply');
      expect(before).toEqual([]);
      expect(await outboxOf(t, a, 'reply')).toEqual([]);

      expect((await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: mod, body: { action: 'approve' } })).statusCode).toBe(200);
      const after = (await notificationsOf(t, a)).items.filter((n) => n.kind === 'comment.reply');
      expect(after.map((n) => n.commentId)).toEqual([held.id]);
      expect(await outboxOf(t, a, 'reply')).toHaveLength(1);

      // Hidden and restored, or edited: the reply is the same one, told once.
      expect((await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Check.' } })).statusCode).toBe(200);
      expect((await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: mod, body: { action: 'restore' } })).statusCode).toBe(200);
      expect((await call(t, 'PATCH', `/api/comments/${held.id}`, { as: b, body: { body: 'Held for review, edited.' } })).statusCode).toBe(202);
      expect((await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: mod, body: { action: 'approve' } })).statusCode).toBe(200);
      expect((await notificationsOf(t, a)).items.filter((n) => n.kind === 'comment.reply')).toHaveLength(1);
      expect(await outboxOf(t, a, 'reply')).toHaveLength(1);
    });

    it('still tells in the app, but mails nothing, when the recipient turned reply mail off', async () => {
      const { topic } = await dialogueWithTopic(t);
      const a = await participant(t);
      const b = await participant(t);
      await patchMe(t, a, { emailNotifications: { replies: false } });
      const first = await postComment(t, a, topic.id);
      await postComment(t, b, topic.id, { body: 'Hello.', parentId: first.id });
      expect((await notificationsOf(t, a)).items.map((n) => n.kind)).toEqual(['comment.reply']);
      expect(await outboxOf(t, a)).toEqual([]);
    });

    it('pushes the notice to the replied-to reader’s open pages', async () => {
      const { topic } = await dialogueWithTopic(t);
      const a = await participant(t);
      const b = await participant(t);
      const first = await postComment(t, a, topic.id);
      const socket = await live.open(a);
      const pushed = nextEvent(socket, 'notification:created');
      await postComment(t, b, topic.id, { body: 'Live reply.', parentId: first.id });
      await expect(pushed).resolves.toBeUndefined();
    });
  });

  describe('mentions', () => {
    it('tells a participant named with spaces, once even when also replied to', async () => {
      const { topic } = await dialogueWithTopic(t);
      const kwameM = await participant(t, { displayName: 'Kwame Mensah', country: 'GH' });
      const kwame = await participant(t, { displayName: 'Kwame' });
      const lina = await participant(t, { displayName: 'Lina Haddad', language: 'es' });
      const writer = await participant(t, { displayName: 'Writer' });
      await postComment(t, kwameM, topic.id, { body: 'First.' });
      await postComment(t, kwame, topic.id, { body: 'Second.' });
      const linas = await postComment(t, lina, topic.id, { body: 'Third.' });
      const mention = await postComment(t, writer, topic.id, {
        body: 'I agree with @kwame mensah here, and @Lina Haddad too.',
        parentId: linas.id,
      });

      const told = await notificationsOf(t, kwameM);
      expect(told.items).toHaveLength(1);
      expect(told.items[0]).toMatchObject({ kind: 'comment.mention', commentId: mention.id, topicId: topic.id, actorName: 'Writer' });
      const [mail] = await outboxOf(t, kwameM);
      expect(mail).toMatchObject({ kind: 'mention', subject: `Writer mentioned you: ${topic.question}` });
      expect(mail!.text_body).toContain(`${TEST_ORIGIN}/t/${topic.id}?c=${mention.id}`);
      // "@kwame mensah" names the longer name only.
      expect((await notificationsOf(t, kwame)).items).toEqual([]);
      // Readers see whom it names.
      expect(mention.bodyHtml).toBe('<p>I agree with <span class="mention">@kwame mensah</span> here, and <span class="mention">@Lina Haddad</span> too.</p>');
      // Lina is answered and mentioned: one notice, the reply.
      expect((await notificationsOf(t, lina)).items.map((n) => n.kind)).toEqual(['comment.reply']);
      expect((await outboxOf(t, lina)).map((m) => m.kind)).toEqual(['reply']);
    });

    it('names only participants shown by name, and nobody outside the topic', async () => {
      const { topic } = await dialogueWithTopic(t);
      const other = await dialogueWithTopic(t);
      const byCountry = await participant(t, { displayName: 'Hidden Person', nameDisplay: 'country' });
      const elsewhere = await participant(t, { displayName: 'Elsewhere Person' });
      const writer = await participant(t);
      await postComment(t, byCountry, topic.id);
      await postComment(t, elsewhere, other.topic.id);
      const hello = await postComment(t, writer, topic.id, { body: '@Hidden Person and @Elsewhere Person, hello.' });
      expect(hello.bodyHtml).toBe('<p>@Hidden Person and @Elsewhere Person, hello.</p>');
      expect((await notificationsOf(t, byCountry)).items).toEqual([]);
      expect((await notificationsOf(t, elsewhere)).items).toEqual([]);
    });

    it('marks mentions in the preview of a topic the writer can see, and in an edit', async () => {
      const { topic } = await dialogueWithTopic(t);
      const amara = await participant(t, { displayName: 'Amara Diallo' });
      const writer = await participant(t);
      await postComment(t, amara, topic.id, { body: 'Hello.' });
      const preview = async (body: Record<string, unknown>) => call(t, 'POST', '/api/comments/preview', { as: writer, body });
      expect((await preview({ body: 'Thanks @amara diallo', topicId: topic.id })).json()).toEqual({
        bodyHtml: '<p>Thanks <span class="mention">@amara diallo</span></p>',
      });
      expect((await preview({ body: 'Thanks @amara diallo' })).json()).toEqual({ bodyHtml: '<p>Thanks @amara diallo</p>' });
      const unknown = await preview({ body: 'Thanks', topicId: 'no-such-topic' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ error: { code: 'not_found' } });

      const plain = await postComment(t, writer, topic.id, { body: 'Thanks.' });
      const edited = await call(t, 'PATCH', `/api/comments/${plain.id}`, { as: writer, body: { body: 'Thanks, @Amara Diallo.' } });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json<{ bodyHtml: string }>().bodyHtml).toBe('<p>Thanks, <span class="mention">@Amara Diallo</span>.</p>');
    });

    it('mentions nobody from a held comment until it is approved', async () => {
      const { topic, dialogue, owner } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const named = await participant(t, { displayName: 'Named Person' });
      const writer = await participant(t);
      await postComment(t, named, topic.id);
      expect((await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/watched-words`, { as: owner, body: { words: ['smuggler'] } })).statusCode).toBe(200);
      const held = await postComment(t, writer, topic.id, { body: '@Named Person, the smuggler story.' });
      expect(held.status).toBe('pending');
      expect((await notificationsOf(t, named)).items).toEqual([]);
      await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: mod, body: { action: 'approve' } });
      expect((await notificationsOf(t, named)).items.map((n) => n.kind)).toEqual(['comment.mention']);
    });
  });

  describe('following', () => {
    it('follows and stops following; 401 for visitors, 404 for unknown topics', async () => {
      const { topic } = await dialogueWithTopic(t);
      const a = await participant(t);
      expect(await following(t, a, topic.id)).toBe(false);
      expect((await call(t, 'PUT', `/api/topics/${topic.id}/follow`, { as: a })).statusCode).toBe(204);
      expect((await call(t, 'PUT', `/api/topics/${topic.id}/follow`, { as: a })).statusCode).toBe(204);
      expect(await following(t, a, topic.id)).toBe(true);
      expect((await call(t, 'DELETE', `/api/topics/${topic.id}/follow`, { as: a })).statusCode).toBe(204);
      expect(await following(t, a, topic.id)).toBe(false);
      expect((await call(t, 'PUT', `/api/topics/${topic.id}/follow`, { as: anonymous })).statusCode).toBe(401);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/follow`, { as: anonymous })).statusCode).toBe(401);
      const missing = await call(t, 'PUT', '/api/topics/nope/follow', { as: a });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    });

    it('follows what one posts in, but not after one stopped following', async () => {
      const { topic } = await dialogueWithTopic(t);
      const poster = await participant(t);
      const quitter = await participant(t);
      await postComment(t, poster, topic.id);
      expect(await following(t, poster, topic.id)).toBe(true);
      await call(t, 'DELETE', `/api/topics/${topic.id}/follow`, { as: quitter });
      await postComment(t, quitter, topic.id);
      expect(await following(t, quitter, topic.id)).toBe(false);
      // Following again is always possible.
      await call(t, 'PUT', `/api/topics/${topic.id}/follow`, { as: quitter });
      expect(await following(t, quitter, topic.id)).toBe(true);
    });

    it('hides a draft dialogue’s topics from participants', async () => {
      const { topic, owner } = await dialogueWithTopic(t, { published: false });
      const a = await participant(t);
      expect((await call(t, 'PUT', `/api/topics/${topic.id}/follow`, { as: a })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/follow`, { as: a })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/participants?q=`, { as: a })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/participants?q=`, { as: anonymous })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/participants?q=`, { as: owner })).statusCode).toBe(200);
    });
  });

  describe('GET /api/topics/:id/participants', () => {
    it('offers up to 8 participants shown by name whose name or a word of it starts with q', async () => {
      const { topic } = await dialogueWithTopic(t);
      const names = ['Kwame Mensah', 'Kwabena Owusu', 'Mena Ali', 'Zoe Kwan'];
      for (const displayName of names) await postComment(t, await participant(t, { displayName }), topic.id);
      await postComment(t, await participant(t, { displayName: 'Kwasi Hidden', nameDisplay: 'country' }), topic.id);
      const pending = await participant(t, { displayName: 'Kwaku Withdrawn' });
      const withdrawn = await postComment(t, pending, topic.id);
      await call(t, 'DELETE', `/api/comments/${withdrawn.id}`, { as: pending });

      expect((await participantsOf(t, topic.id, 'kw')).sort()).toEqual(['Kwabena Owusu', 'Kwame Mensah', 'Zoe Kwan']);
      expect(await participantsOf(t, topic.id, 'MEN')).toEqual(expect.arrayContaining(['Kwame Mensah', 'Mena Ali']));
      expect(await participantsOf(t, topic.id, 'kwame m')).toEqual(['Kwame Mensah']);
      expect(await participantsOf(t, topic.id, 'xyz')).toEqual([]);
      for (let i = 0; i < 10; i++) await postComment(t, await participant(t, { displayName: `Many ${i}` }), topic.id);
      expect(await participantsOf(t, topic.id, '')).toHaveLength(8);
      // The most recently active first.
      expect((await participantsOf(t, topic.id, 'many'))[0]).toBe('Many 9');
    });

    it('answers 400 for a query too long, 404 for an unknown topic', async () => {
      const { topic } = await dialogueWithTopic(t);
      expect((await call(t, 'GET', `/api/topics/${topic.id}/participants?q=${'a'.repeat(81)}`)).statusCode).toBe(400);
      expect((await call(t, 'GET', '/api/topics/unknown/participants')).statusCode).toBe(404);
    });
  });
});

describeOnEachDatabase('digest of followed topics', (kind) => {
  // Sent for real: the digests go through the mail worker to an SMTP server.
  let smtp: TestSmtp;
  let app: TestApp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    app = await createTestApp(kind, { smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });
  const t: TestApp = {
    get app() {
      return app.app;
    },
    get ctx() {
      return app.ctx;
    },
    get testDb() {
      return app.testDb;
    },
    close: () => app.close(),
  };

  /** Comments and follows are backdated so each digest's period sees exactly what a test means. */
  const setCreated = (commentId: string, iso: string) => t.ctx.db.updateTable('comments').set({ created_at: iso }).where('id', '=', commentId).execute();
  const setFollowedAt = (agent: Agent, topicId: string, iso: string) =>
    t.ctx.db.updateTable('topic_follows').set({ created_at: iso }).where('user_id', '=', agent.user.id).where('topic_id', '=', topicId).execute();
  const digests = (agent: Agent) => outboxOf(t, agent, 'digest');

  async function readerFollowing(overrides: Record<string, unknown>, zone: string | null) {
    const { topic } = await dialogueWithTopic(t);
    const reader = await participant(t, overrides);
    if (zone !== null) await patchMe(t, reader, { timeZone: zone });
    await call(t, 'PUT', `/api/topics/${topic.id}/follow`, { as: reader });
    await setFollowedAt(reader, topic.id, '2027-01-01T00:00:00.000Z');
    return { topic, reader };
  }

  it('goes out daily from 08:00 local time, once a day, with what others posted since the last one', async () => {
    const { topic, reader } = await readerFollowing({ language: 'fr' }, 'Europe/Zurich');
    const writer = await participant(t, { displayName: 'Kwame Mensah' });
    const one = await postComment(t, writer, topic.id, { body: 'First **news**.' });
    const two = await postComment(t, writer, topic.id, { body: 'Second news.' });
    const own = await postComment(t, reader, topic.id, { body: 'My own words.' });
    for (const c of [one, two, own]) await setCreated(c.id, '2027-01-04T12:00:00.000Z');
    await setFollowedAt(reader, topic.id, '2027-01-01T00:00:00.000Z');

    // 07:59 in Zurich (UTC+1 in winter): not yet.
    await runDueDigests(t.ctx, new Date('2027-01-05T06:59:00Z'));
    expect(await digests(reader)).toEqual([]);
    await runDueDigests(t.ctx, new Date('2027-01-05T07:00:00Z'));
    const [mail, ...more] = await digests(reader);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ dedupe_key: `digest:${reader.user.id}:2027-01-05`, language: 'fr', subject: 'Aujourd’hui dans les sujets que vous suivez' });
    expect(mail!.text_body).toContain('2 nouveaux commentaires');
    expect(mail!.text_body).toContain('Kwame Mensah: First news.');
    expect(mail!.text_body).not.toContain('My own words');
    expect(mail!.text_body).toContain(`${TEST_ORIGIN}/t/${topic.id}?c=${one.id}`);
    const arrived = await smtp.waitFor((m) => m.to === reader.user.email && m.subject === 'Aujourd’hui dans les sujets que vous suivez');
    expect(linkIn(arrived, `${TEST_ORIGIN}/t/`)).toBe(`${TEST_ORIGIN}/t/${topic.id}?c=${one.id}`);
    expect(arrived.html).toContain('<html lang="fr">');

    // Later the same day: nothing more.
    await runDueDigests(t.ctx, new Date('2027-01-05T16:00:00Z'));
    expect(await digests(reader)).toHaveLength(1);

    // The next day, two runs at once (two nodes): one mail, with only the new comment.
    const three = await postComment(t, writer, topic.id, { body: 'Third news.' });
    await setCreated(three.id, '2027-01-05T10:00:00.000Z');
    await Promise.all([runDueDigests(t.ctx, new Date('2027-01-06T07:30:00Z')), runDueDigests(t.ctx, new Date('2027-01-06T07:30:00Z'))]);
    const second = (await digests(reader))[1];
    expect(await digests(reader)).toHaveLength(2);
    expect(second!.dedupe_key).toBe(`digest:${reader.user.id}:2027-01-06`);
    expect(second!.text_body).toContain('1 nouveau commentaire');
    expect(second!.text_body).toContain(`?c=${three.id}`);
    expect(second!.text_body).not.toContain('First news');

    // Nothing new: no mail.
    await runDueDigests(t.ctx, new Date('2027-01-07T08:00:00Z'));
    expect(await digests(reader)).toHaveLength(2);
    const { last_digest_at } = await t.ctx.db.selectFrom('users').select('last_digest_at').where('id', '=', reader.user.id).executeTakeFirstOrThrow();
    expect(last_digest_at).toBe('2027-01-07T08:00:00.000Z');
  });

  it('is never queued twice for one period, even by a run that missed the last one', async () => {
    const { topic, reader } = await readerFollowing({}, null);
    const writer = await participant(t);
    const c = await postComment(t, writer, topic.id);
    await setCreated(c.id, '2027-02-01T06:00:00.000Z');
    // UTC when no time zone is known.
    await runDueDigests(t.ctx, new Date('2027-02-01T07:59:00Z'));
    expect(await digests(reader)).toEqual([]);
    await runDueDigests(t.ctx, new Date('2027-02-01T08:00:00Z'));
    expect(await digests(reader)).toHaveLength(1);
    await t.ctx.db.updateTable('users').set({ last_digest_at: null }).where('id', '=', reader.user.id).execute();
    await runDueDigests(t.ctx, new Date('2027-02-01T09:00:00Z'));
    expect(await digests(reader)).toHaveLength(1);
  });

  it('goes out weekly on Mondays only, for the ISO week', async () => {
    const { topic, reader } = await readerFollowing({ language: 'es' }, 'Asia/Tokyo');
    await patchMe(t, reader, { emailNotifications: { digest: 'weekly' } });
    const writer = await participant(t, { displayName: 'Writer', nameDisplay: 'country', country: 'GH' });
    const c = await postComment(t, writer, topic.id);
    await setCreated(c.id, '2027-03-02T00:00:00.000Z');
    // Tuesday 9 March, 09:00 in Tokyo: not a Monday.
    await runDueDigests(t.ctx, new Date('2027-03-09T00:00:00Z'));
    expect(await digests(reader)).toEqual([]);
    // Monday 15 March, 07:00 in Tokyo: too early; 08:00: due.
    await runDueDigests(t.ctx, new Date('2027-03-14T22:00:00Z'));
    expect(await digests(reader)).toEqual([]);
    await runDueDigests(t.ctx, new Date('2027-03-14T23:00:00Z'));
    const [mail] = await digests(reader);
    expect(mail).toMatchObject({ dedupe_key: `digest:${reader.user.id}:2027-W11`, subject: 'Esta semana en los temas que sigue' });
    expect(mail!.text_body).toContain('participante de Ghana');
  });

  it('sends nothing when the digest is off, nothing is new, or the topic is no longer followed', async () => {
    const off = await readerFollowing({}, null);
    await patchMe(t, off.reader, { emailNotifications: { digest: 'off' } });
    const quiet = await readerFollowing({}, null);
    const left = await readerFollowing({}, null);
    const writer = await participant(t);
    for (const topicId of [off.topic.id, left.topic.id]) {
      const c = await postComment(t, writer, topicId);
      await setCreated(c.id, '2027-04-01T06:00:00.000Z');
    }
    await call(t, 'DELETE', `/api/topics/${left.topic.id}/follow`, { as: left.reader });
    await runDueDigests(t.ctx, new Date('2027-04-01T09:00:00Z'));
    for (const reader of [off.reader, quiet.reader, left.reader]) expect(await digests(reader)).toEqual([]);
  });
});
