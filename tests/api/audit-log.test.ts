import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../../shared/moderation.ts';
import type { Quote } from '../../shared/quotes.ts';
import { auditExcerpt } from '../../server/moderation/audit-subjects.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, dialogueWithTopic, moderator, participant, postComment, type Agent } from '../helpers/factories.ts';
import { useTestApp } from '../helpers/test-app.ts';

const LONG = 'Returning migrants started **savings cooperatives** in their villages, and the new habits of saving mattered more than the money itself.';

describe('auditExcerpt', () => {
  it('gives a comment’s first words as plain text, cut after a whole word with "…"', () => {
    expect(auditExcerpt('Short **and** sweet.')).toBe('Short and sweet.');
    const excerpt = auditExcerpt(LONG);
    expect(excerpt).toBe('Returning migrants started savings cooperatives in their villages, and the new…');
    expect([...excerpt].length).toBeLessThanOrEqual(80);
    expect([...auditExcerpt('x'.repeat(200))]).toHaveLength(80);
  });
});

describeOnEachDatabase('audit log subjects', (kind) => {
  const t = useTestApp(kind);
  const log = async (as: Agent, query: string): Promise<AuditEntry[]> => (await call(t, 'GET', `/api/moderation/log?${query}`, { as })).json<AuditLog>().items;

  describe('GET /api/moderation/log', () => {
    it('names the comment of a decision by its first words, its topic and its author', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const ana = await participant(t, { displayName: 'Ana López', country: 'ES' });
      const comment = await postComment(t, ana, topic.id, { body: LONG });
      const mod = await moderator(t, dialogue);
      await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Off topic.' } });
      for (const reader of [mod, owner]) {
        const [entry] = await log(reader, `dialogue=${dialogue.slug}&action=comment.hide`);
        expect(entry).toMatchObject({
          targetId: comment.id,
          comment: {
            id: comment.id,
            topicId: topic.id,
            excerpt: 'Returning migrants started savings cooperatives in their villages, and the new…',
            author: { id: ana.user.id, displayName: 'Ana López', country: 'ES' },
          },
        });
        expect(entry?.user).toBeUndefined();
      }
    });

    it('names someone shown as "participant from COUNTRY" to organizers only', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const shy = await participant(t, { displayName: 'Private Person', country: 'PE', nameDisplay: 'country' });
      const comment = await postComment(t, shy, topic.id);
      const mod = await moderator(t, dialogue);
      await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: mod, body: { action: 'hide', reason: 'Spam.' } });
      const [seenByModerator] = await log(mod, `dialogue=${dialogue.slug}&action=comment.hide`);
      expect(seenByModerator?.comment?.author).toEqual({ id: shy.user.id, displayName: null, country: 'PE' });
      const [seenByOrganizer] = await log(owner, `dialogue=${dialogue.slug}&action=comment.hide`);
      expect(seenByOrganizer?.comment?.author.displayName).toBe('Private Person');
    });

    it('names the participant of a suspension, the topic of a lock, and the comment of a quote even once removed', async () => {
      const { owner, dialogue, topic } = await dialogueWithTopic(t);
      const amina = await participant(t, { displayName: 'Amina', country: 'SN', quoteConsent: 'name' });
      const until = new Date(Date.now() + 86_400_000).toISOString();
      expect((await call(t, 'POST', `/api/users/${amina.user.id}/suspension`, { as: owner, body: { until, reason: 'Insults.' } })).statusCode).toBe(201);
      const [suspension] = await log(owner, 'action=user.suspend');
      expect(suspension).toMatchObject({ targetId: amina.user.id, user: { id: amina.user.id, displayName: 'Amina', country: 'SN' } });
      await call(t, 'DELETE', `/api/users/${amina.user.id}/suspension`, { as: owner });

      await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { locked: true } });
      const [lock] = await log(owner, `dialogue=${dialogue.slug}&action=topic.lock`);
      expect(lock?.topic).toEqual({ id: topic.id, number: topic.number, question: topic.question });
      await call(t, 'PATCH', `/api/topics/${topic.id}`, { as: owner, body: { locked: false } });

      const comment = await postComment(t, amina, topic.id, { body: 'Savings groups built trust.' });
      const created = await call(t, 'POST', `/api/comments/${comment.id}/quotes`, { as: owner, body: { attribution: 'none' } });
      expect(created.statusCode).toBe(201);
      await call(t, 'DELETE', `/api/quotes/${created.json<Quote>().id}`, { as: owner });
      const quoteEntries = (await log(owner, `dialogue=${dialogue.slug}`)).filter((entry) => entry.targetType === 'quote');
      expect(quoteEntries.map((entry) => [entry.action, entry.comment?.excerpt, entry.comment?.topicId])).toEqual([
        ['quote.delete', 'Savings groups built trust.', topic.id],
        ['quote.create', 'Savings groups built trust.', topic.id],
      ]);
    });
  });
});
