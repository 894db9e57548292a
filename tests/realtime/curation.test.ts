import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../shared/quotes.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { collect, connect, listen, nextEvent, pause, type ClientSocket } from '../helpers/sockets.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describeOnEachDatabase('curation events', (kind) => {
  let t: TestApp;
  let url: string;
  const sockets: ClientSocket[] = [];
  const open = async (agent: Agent | null, dialogueId?: string) => {
    const socket = await connect(url, agent);
    sockets.push(socket);
    if (dialogueId) expect(await socket.emitWithAck('dialogue:join', { dialogueId })).toMatchObject({ ok: true });
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    url = await listen(t.app);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  describe('quote:changed', () => {
    it('sends the dialogue’s moderators the topic’s quotes with flags, the dialogue page only the public ones', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const comment = await postComment(t, await participant(t, { quoteConsent: 'name' }), topic.id, { body: 'Language classes come first.' });
      const [modSocket, reader, outsider] = await Promise.all([
        open(mod),
        open(null, dialogue.id),
        open(await moderator(t, (await dialogueWithTopic(t)).dialogue), dialogue.id),
      ]);
      const toModerator = nextEvent(modSocket, 'quote:changed');
      const toReader = nextEvent(reader, 'quote:changed');
      const created = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'name' } });
      expect(created.statusCode).toBe(201);
      const quote = created.json<Quote>();
      expect(await toModerator).toEqual({ dialogueId: dialogue.id, topicId: topic.id, quotes: [quote] });
      // The public version never names the moderator who chose the quote.
      const { chosenBy: _chosenBy, consentWithdrawn: _consentWithdrawn, ...publicQuote } = quote;
      expect(await toReader).toEqual({ dialogueId: dialogue.id, topicId: topic.id, quotes: [publicQuote] });

      const flaggedForModerator = nextEvent(modSocket, 'quote:changed', (change) => change.quotes[0]?.flagged === 'hidden');
      const goneForReader = nextEvent(reader, 'quote:changed', (change) => change.quotes.length === 0);
      const seenByOutsider = collect(outsider, 'quote:changed');
      await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Personal data.' } });
      expect((await flaggedForModerator).quotes.map((q) => [q.id, q.flagged])).toEqual([[quote.id, 'hidden']]);
      expect((await goneForReader).quotes).toEqual([]);
      await pause(100);
      expect(seenByOutsider.every((change) => change.quotes.every((q) => q.flagged === null))).toBe(true);
    });

    it('tells the quoted author at once, and the curators when the author withdraws consent (the public loses the quote)', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const writer = await participant(t);
      const comment = await postComment(t, writer, topic.id, { body: 'Savings groups built trust.' });
      const [modSocket, reader, authorSocket] = await Promise.all([open(mod), open(null, dialogue.id), open(writer)]);
      const told = nextEvent(authorSocket, 'notification:created');
      const created = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'none' } });
      expect(created.statusCode).toBe(201);
      await told;
      const quote = created.json<Quote>();

      const flagged = nextEvent(modSocket, 'quote:changed', (change) => change.quotes[0]?.consentWithdrawn != null);
      const gone = nextEvent(reader, 'quote:changed', (change) => change.quotes.length === 0);
      const withdrawn = await call(t, 'POST', `/api/quotes/${quote.id}/consent-withdrawal`, { as: writer, body: { reason: 'Too personal.' } });
      expect(withdrawn.statusCode).toBe(204);
      expect((await flagged).quotes).toMatchObject([{ id: quote.id, flagged: 'consent_withdrawn', consentWithdrawn: { reason: 'Too personal.' } }]);
      expect((await gone).quotes).toEqual([]);
    });

    it('announces a new order after a move and a delete', async () => {
      const { dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const comment = await postComment(t, await participant(t), topic.id);
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1)
        ids.push((await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: mod, body: { attribution: 'none' } })).json<Quote>().id);
      const modSocket = await open(mod);
      // Predicates: the announcements of the creations may still be on their way.
      const moved = nextEvent(modSocket, 'quote:changed', (change) => change.quotes[0]?.id === ids[2]);
      await call(t, 'PATCH', `/api/quotes/${ids[2]}`, { as: mod, body: { position: 1 } });
      expect((await moved).quotes.map((q) => [q.id, q.position])).toEqual([
        [ids[2], 1],
        [ids[0], 2],
        [ids[1], 3],
      ]);
      const removed = nextEvent(modSocket, 'quote:changed', (change) => change.quotes.length === 2);
      await call(t, 'DELETE', `/api/quotes/${ids[0]}`, { as: mod });
      expect((await removed).quotes.map((q) => [q.id, q.position])).toEqual([
        [ids[2], 1],
        [ids[1], 2],
      ]);
    });
  });

  describe('summary:changed', () => {
    it('sends drafts to the dialogue’s moderators and only approved versions to the dialogue page', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const mod = await moderator(t, dialogue);
      const [modSocket, reader] = await Promise.all([open(mod), open(null, dialogue.id)]);
      const draftForModerator = nextEvent(modSocket, 'summary:changed');
      const draftForReader = nextEvent(reader, 'summary:changed');
      await call(t, 'PUT', `/api/topics/${topic.id}/summary`, { as: mod, body: { body: 'A draft.', status: 'draft' } });
      expect(await draftForModerator).toMatchObject({ dialogueId: dialogue.id, topicId: topic.id, summary: { body: 'A draft.', status: 'draft', version: 1 } });
      expect(await draftForReader).toMatchObject({ dialogueId: dialogue.id, topicId: topic.id, summary: { body: '', version: 0 } });

      const approvedForReader = nextEvent(reader, 'summary:changed');
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/summary`, { as: owner, body: { body: 'Approved overview.', status: 'approved' } });
      expect(await approvedForReader).toMatchObject({
        dialogueId: dialogue.id,
        topicId: null,
        summary: { body: 'Approved overview.', status: 'approved', version: 1 },
      });
    });
  });
});
