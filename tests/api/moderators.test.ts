import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { AuditLog, DialogueModeratorList, QueueItem, UserSearchResult } from '../../shared/moderation.ts';
import type { User } from '../../shared/users.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import {
  anonymous,
  call,
  createDialogue,
  dialogueWithTopic,
  moderator,
  organizer,
  participant,
  postComment,
  uniqueEmail,
  type Agent,
} from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const appoint = (t: TestApp, as: Agent | null, slug: string, userId: string) => call(t, 'PUT', `/api/dialogues/${slug}/moderators/${userId}`, { as });
const remove = (t: TestApp, as: Agent | null, slug: string, userId: string) => call(t, 'DELETE', `/api/dialogues/${slug}/moderators/${userId}`, { as });
const me = async (t: TestApp, as: Agent) => (await call(t, 'GET', '/api/auth/me', { as })).json<{ user: User }>().user;
const ids = (response: LightMyRequestResponse) => response.json<DialogueModeratorList>().items.map((item) => item.id);

describeOnEachDatabase('moderators per dialogue', (kind) => {
  const t = useTestApp(kind);

  describe('PUT and DELETE /api/dialogues/:slug/moderators/:userId', () => {
    it('appoints a participant, who becomes a moderator of that dialogue only, and lists them', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const other = await createDialogue(t, owner);
      const someone = await participant(t, { displayName: 'Amina Moderator' });
      const appointed = await appoint(t, owner, dialogue.slug, someone.user.id);
      expect(appointed.statusCode).toBe(200);
      expect(appointed.json()).toEqual({ items: [{ id: someone.user.id, displayName: 'Amina Moderator', email: someone.user.email, role: 'moderator' }] });
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/moderators`, { as: owner })).json()).toEqual(appointed.json());
      expect(await me(t, someone)).toMatchObject({ role: 'moderator', moderates: [dialogue.slug] });
      expect((await call(t, 'GET', `/api/moderation/queue?dialogue=${dialogue.slug}`, { as: someone })).statusCode).toBe(200);
      expect((await call(t, 'GET', `/api/moderation/queue?dialogue=${other.slug}`, { as: someone })).statusCode).toBe(403);
    });

    it('appoints idempotently: appointing again changes nothing and logs nothing', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const someone = await participant(t);
      expect(ids(await appoint(t, owner, dialogue.slug, someone.user.id))).toEqual([someone.user.id]);
      const again = await appoint(t, owner, dialogue.slug, someone.user.id);
      expect([again.statusCode, ids(again)]).toEqual([200, [someone.user.id]]);
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&action=dialogue.moderator_appoint`, { as: owner })).json<AuditLog>();
      expect(log.items).toHaveLength(1);
    });

    it('logs each appointment and removal with who, when, and the role before and after', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const someone = await participant(t);
      await appoint(t, owner, dialogue.slug, someone.user.id);
      await remove(t, owner, dialogue.slug, someone.user.id);
      const log = (await call(t, 'GET', `/api/moderation/log?dialogue=${dialogue.slug}&actor=${owner.user.id}`, { as: owner })).json<AuditLog>();
      const entries = log.items.filter((entry) => entry.targetId === someone.user.id);
      expect(entries).toMatchObject([
        {
          action: 'dialogue.moderator_remove',
          actor: { id: owner.user.id },
          targetType: 'user',
          before: { role: 'moderator', moderates: true },
          after: { role: 'participant', moderates: false },
        },
        {
          action: 'dialogue.moderator_appoint',
          actor: { id: owner.user.id },
          targetType: 'user',
          before: { role: 'participant', moderates: false },
          after: { role: 'moderator', moderates: true },
        },
      ]);
      for (const entry of entries) expect(Date.parse(entry.createdAt)).not.toBeNaN();
    });

    it('makes a moderator removed from their last dialogue a participant again, with no moderation tool left', async () => {
      const { owner, topic, dialogue } = await dialogueWithTopic(t, { moderation: 'pre' });
      const someone = await participant(t);
      await appoint(t, owner, dialogue.slug, someone.user.id);
      const held = await postComment(t, await participant(t), topic.id);
      const removed = await remove(t, owner, dialogue.slug, someone.user.id);
      expect([removed.statusCode, removed.json()]).toEqual([200, { items: [] }]);
      expect(await me(t, someone)).toMatchObject({ role: 'participant', moderates: [] });
      expect((await call(t, 'GET', '/api/moderation/queue', { as: someone })).statusCode).toBe(403);
      expect((await call(t, 'POST', `/api/comments/${held.id}/moderation`, { as: someone, body: { action: 'approve' } })).statusCode).toBe(403);
      // Removing again changes nothing.
      expect((await remove(t, owner, dialogue.slug, someone.user.id)).json()).toEqual({ items: [] });
    });

    it('keeps a moderator with another dialogue a moderator, of that dialogue only', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const second = await createDialogue(t, owner);
      const someone = await participant(t);
      await appoint(t, owner, dialogue.slug, someone.user.id);
      await appoint(t, owner, second.slug, someone.user.id);
      expect((await me(t, someone)).moderates?.sort()).toEqual([dialogue.slug, second.slug].sort());
      await remove(t, owner, dialogue.slug, someone.user.id);
      expect(await me(t, someone)).toMatchObject({ role: 'moderator', moderates: [second.slug] });
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/watched-words`, { as: someone })).statusCode).toBe(403);
      expect((await call(t, 'GET', `/api/dialogues/${second.slug}/watched-words`, { as: someone })).statusCode).toBe(200);
    });

    it('never demotes an organizer, appointed or removed', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const colleague = await organizer(t);
      expect((await appoint(t, owner, dialogue.slug, colleague.user.id)).json<DialogueModeratorList>().items[0]).toMatchObject({ role: 'organizer' });
      await remove(t, owner, dialogue.slug, colleague.user.id);
      expect((await me(t, colleague)).role).toBe('organizer');
    });

    it('keeps the role right when one dialogue’s removal and another’s appointment of the same person race', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const second = await createDialogue(t, owner);
      for (let round = 0; round < 3; round += 1) {
        const someone = await participant(t);
        await appoint(t, owner, dialogue.slug, someone.user.id);
        await Promise.all([remove(t, owner, dialogue.slug, someone.user.id), appoint(t, owner, second.slug, someone.user.id)]);
        expect(await me(t, someone)).toMatchObject({ role: 'moderator', moderates: [second.slug] });
      }
    });

    it('answers 404 for an unknown user or dialogue and 400 for a malformed id', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const someone = await participant(t);
      expect((await appoint(t, owner, dialogue.slug, 'nosuchuser')).statusCode).toBe(404);
      expect((await appoint(t, owner, 'no-such-dialogue', someone.user.id)).statusCode).toBe(404);
      expect((await remove(t, owner, dialogue.slug, 'nosuchuser')).statusCode).toBe(404);
      expect((await appoint(t, owner, dialogue.slug, 'not an id')).statusCode).toBe(400);
    });

    it('is for organizers only: anonymous 401; participants and moderators, of that dialogue too, 403', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      const someone = await participant(t);
      expect((await appoint(t, anonymous, dialogue.slug, someone.user.id)).statusCode).toBe(401);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/moderators`)).statusCode).toBe(401);
      const moderatorHere = await moderator(t, dialogue);
      for (const caller of [await participant(t), moderatorHere]) {
        expect((await appoint(t, caller, dialogue.slug, someone.user.id)).statusCode).toBe(403);
        expect((await remove(t, caller, dialogue.slug, someone.user.id)).statusCode).toBe(403);
        expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/moderators`, { as: caller })).statusCode).toBe(403);
      }
      expect(ids(await call(t, 'GET', `/api/dialogues/${dialogue.slug}/moderators`, { as: owner }))).toEqual([moderatorHere.user.id]);
    });
  });

  describe('GET /api/users', () => {
    it('finds users by part of the display name or e-mail address, whatever the case, by name', async () => {
      const owner = await organizer(t);
      const tag = `zq${Date.now().toString(36)}`;
      const bea = await participant(t, { displayName: `Bea ${tag.toUpperCase()}`, country: 'PT' });
      const ana = await participant(t, { displayName: `Ana ${tag}` });
      const byMail = await participant(t, { displayName: 'Someone Else', email: uniqueEmail(`${tag}mail`) });
      const found = (await call(t, 'GET', `/api/users?q=${tag.toUpperCase()}`, { as: owner })).json<UserSearchResult>();
      expect(found.items.map((item) => item.id)).toEqual([ana.user.id, bea.user.id, byMail.user.id]);
      expect(found.items[1]).toMatchObject({
        id: bea.user.id,
        displayName: `Bea ${tag.toUpperCase()}`,
        email: bea.user.email,
        role: 'participant',
        country: 'PT',
      });
      expect(JSON.stringify(found)).not.toMatch(/password/i);
      const limited = (await call(t, 'GET', `/api/users?q=${tag}&limit=2`, { as: owner })).json<UserSearchResult>();
      expect(limited.items).toHaveLength(2);
    });

    it('takes % and _ in the search text literally', async () => {
      const owner = await organizer(t);
      const tag = `pq${Date.now().toString(36)}`;
      const percent = await participant(t, { displayName: `100% ${tag}` });
      await participant(t, { displayName: `100x ${tag}` });
      const found = (await call(t, 'GET', `/api/users?q=${encodeURIComponent(`0% ${tag}`)}`, { as: owner })).json<UserSearchResult>();
      expect(found.items.map((item) => item.id)).toEqual([percent.user.id]);
      expect((await call(t, 'GET', `/api/users?q=${encodeURIComponent(`_${tag}`)}`, { as: owner })).json<UserSearchResult>().items).toEqual([]);
    });

    it('is for organizers only and bounds the query', async () => {
      const { dialogue } = await dialogueWithTopic(t);
      expect((await call(t, 'GET', '/api/users?q=a')).statusCode).toBe(401);
      for (const caller of [await participant(t), await moderator(t, dialogue)])
        expect((await call(t, 'GET', '/api/users?q=a', { as: caller })).statusCode).toBe(403);
      const owner = await organizer(t);
      expect((await call(t, 'GET', '/api/users?limit=201', { as: owner })).statusCode).toBe(400);
      expect((await call(t, 'GET', `/api/users?q=${'x'.repeat(101)}`, { as: owner })).statusCode).toBe(400);
      expect((await call(t, 'GET', '/api/users?role=admin', { as: owner })).statusCode).toBe(400);
    });
  });

  describe('GET /api/auth/me', () => {
    it('tells each user which dialogues’ moderation tools they may use: none, the appointed ones, or all for organizers', async () => {
      const { owner, dialogue } = await dialogueWithTopic(t);
      expect((await me(t, await participant(t))).moderates).toEqual([]);
      expect((await me(t, await moderator(t, dialogue))).moderates).toEqual([dialogue.slug]);
      expect((await me(t, owner)).moderates).toContain(dialogue.slug);
    });
  });

  describe('rights on every moderation endpoint', () => {
    /**
     * Dialogue A with a topic, its moderator, a moderator of dialogue B, a participant; each probe
     * builds its own fresh target, so that every caller meets the same state.
     */
    async function scene() {
      const a = await dialogueWithTopic(t);
      const b = await dialogueWithTopic(t);
      return {
        a,
        owner: a.owner,
        moderatorOfA: await moderator(t, a.dialogue),
        moderatorOfB: await moderator(t, b.dialogue),
        someone: await participant(t),
      };
    }
    type Scene = Awaited<ReturnType<typeof scene>>;
    type Probe = (s: Scene, as: Agent | null) => Promise<LightMyRequestResponse>;

    const freshComment = async (s: Scene): Promise<Comment> => postComment(t, await participant(t), s.a.topic.id);
    const probes: Record<string, Probe> = {
      'GET /api/moderation/queue?dialogue=A': (s, as) => call(t, 'GET', `/api/moderation/queue?dialogue=${s.a.dialogue.slug}`, { as }),
      'POST /api/comments/:id/moderation': async (s, as) =>
        call(t, 'POST', `/api/comments/${(await freshComment(s)).id}/moderation`, { as, body: { action: 'hide', reason: 'Rights test.' } }),
      'PATCH /api/comments/:id (moderator edit)': async (s, as) =>
        call(t, 'PATCH', `/api/comments/${(await freshComment(s)).id}`, { as, body: { body: 'Edited by a moderator.', note: 'Rights test.' } }),
      'PATCH /api/topics/:id (lock)': (s, as) => call(t, 'PATCH', `/api/topics/${s.a.topic.id}`, { as, body: { locked: false } }),
      'GET /api/moderation/log?dialogue=A': (s, as) => call(t, 'GET', `/api/moderation/log?dialogue=${s.a.dialogue.slug}`, { as }),
      'GET /api/dialogues/A/watched-words': (s, as) => call(t, 'GET', `/api/dialogues/${s.a.dialogue.slug}/watched-words`, { as }),
    };

    for (const [endpoint, probe] of Object.entries(probes)) {
      it(`${endpoint}: allowed to the dialogue’s moderator and organizers; 403 to a moderator of another dialogue and to participants; 401 anonymous`, async () => {
        const s = await scene();
        expect((await probe(s, s.moderatorOfA)).statusCode).toBe(200);
        expect((await probe(s, s.owner)).statusCode).toBe(200);
        expect((await probe(s, await organizer(t))).statusCode).toBe(200);
        expect((await probe(s, s.moderatorOfB)).statusCode).toBe(403);
        expect((await probe(s, s.someone)).statusCode).toBe(403);
        expect((await probe(s, anonymous)).statusCode).toBe(401);
      });
    }

    it('PUT /api/dialogues/A/watched-words: organizers only, even the dialogue’s moderator gets 403', async () => {
      const s = await scene();
      const put = (as: Agent | null) => call(t, 'PUT', `/api/dialogues/${s.a.dialogue.slug}/watched-words`, { as, body: { words: ['spam'] } });
      expect((await put(s.owner)).statusCode).toBe(200);
      for (const caller of [s.moderatorOfA, s.moderatorOfB, s.someone]) expect((await put(caller)).statusCode).toBe(403);
      expect((await put(anonymous)).statusCode).toBe(401);
    });

    it('POST and DELETE /api/users/:id/suspension: site-wide, so any dialogue’s moderator may; a moderator of no dialogue, participants and anonymous may not', async () => {
      const s = await scene();
      const until = new Date(Date.now() + 86_400_000).toISOString();
      const suspend = (as: Agent | null, target: Agent) =>
        call(t, 'POST', `/api/users/${target.user.id}/suspension`, { as, body: { until, reason: 'Rights test.' } });
      const lift = (as: Agent | null, target: Agent) => call(t, 'DELETE', `/api/users/${target.user.id}/suspension`, { as });
      for (const caller of [s.moderatorOfA, s.moderatorOfB, s.owner]) {
        const target = await participant(t);
        expect((await suspend(caller, target)).statusCode).toBe(201);
        expect((await lift(caller, target)).statusCode).toBe(204);
      }
      const target = await participant(t);
      for (const caller of [await moderator(t), s.someone]) {
        expect((await suspend(caller, target)).statusCode).toBe(403);
        expect((await lift(caller, target)).statusCode).toBe(403);
      }
      expect((await suspend(anonymous, target)).statusCode).toBe(401);
    });

    it('refuses a moderator of another dialogue (403) before it looks at the body', async () => {
      const s = await scene();
      const comment = await freshComment(s);
      const bad = { action: 'obliterate' };
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: s.moderatorOfB, body: bad })).statusCode).toBe(403);
      expect((await call(t, 'POST', `/api/comments/${comment.id}/moderation`, { as: s.moderatorOfA, body: bad })).statusCode).toBe(400);
      expect((await call(t, 'PATCH', `/api/topics/${s.a.topic.id}`, { as: s.moderatorOfB, body: { locked: 'yes' } })).statusCode).toBe(403);
      expect((await call(t, 'PATCH', `/api/topics/${s.a.topic.id}`, { as: s.moderatorOfA, body: { locked: 'yes' } })).statusCode).toBe(400);
    });

    it('scopes the queue and the audit log: a moderator sees only their dialogues’ items and entries (and site-wide ones), an organizer all', async () => {
      const a = await dialogueWithTopic(t, { moderation: 'pre' });
      const b = await dialogueWithTopic(t, { moderation: 'pre' });
      const [modA, modB] = [await moderator(t, a.dialogue), await moderator(t, b.dialogue)];
      const heldA = await postComment(t, await participant(t), a.topic.id);
      const heldB = await postComment(t, await participant(t), b.topic.id);
      const queueOf = async (as: Agent, query = '') =>
        (await call(t, 'GET', `/api/moderation/queue${query}`, { as })).json<{ items: QueueItem[] }>().items.map((item) => item.comment.id);
      expect(await queueOf(modA)).toContain(heldA.id);
      expect(await queueOf(modA)).not.toContain(heldB.id);
      expect(await queueOf(modB)).toEqual(expect.arrayContaining([heldB.id]));
      expect(await queueOf(modB)).not.toContain(heldA.id);
      expect(await queueOf(a.owner)).toEqual(expect.arrayContaining([heldA.id, heldB.id]));
      expect(await queueOf(a.owner, `?dialogue=${b.dialogue.slug}`)).toEqual([heldB.id]);
      expect((await call(t, 'GET', '/api/moderation/queue?dialogue=no-such-dialogue', { as: modA })).statusCode).toBe(404);

      await call(t, 'POST', `/api/comments/${heldA.id}/moderation`, { as: modA, body: { action: 'approve' } });
      const suspended = await participant(t);
      await call(t, 'POST', `/api/users/${suspended.user.id}/suspension`, {
        as: modA,
        body: { until: new Date(Date.now() + 60_000).toISOString(), reason: 'Site-wide.' },
      });
      const logOf = async (as: Agent) => (await call(t, 'GET', '/api/moderation/log?limit=200', { as })).json<AuditLog>().items;
      const seenByB = await logOf(modB);
      expect(seenByB.some((entry) => entry.targetId === heldA.id)).toBe(false);
      expect(seenByB.some((entry) => entry.dialogueId === a.dialogue.id)).toBe(false);
      expect(seenByB.some((entry) => entry.action === 'user.suspend' && entry.targetId === suspended.user.id)).toBe(true);
      expect((await logOf(a.owner)).some((entry) => entry.targetId === heldA.id)).toBe(true);
    });

    it('shows pending and hidden comment bodies in GET comments to the dialogue’s moderators only', async () => {
      const s = await scene();
      await call(t, 'PATCH', `/api/dialogues/${s.a.dialogue.slug}`, { as: s.owner, body: { moderation: 'pre' } });
      const pending = await postComment(t, await participant(t), s.a.topic.id, { body: 'Pending words.' });
      const list = async (as: Agent) => (await call(t, 'GET', `/api/topics/${s.a.topic.id}/comments`, { as })).json<{ items: Comment[] }>().items;
      expect((await list(s.moderatorOfA)).map((c) => [c.id, c.status])).toEqual([[pending.id, 'pending']]);
      expect(await list(s.moderatorOfB)).toEqual([]);
      expect((await list(s.owner)).map((c) => c.id)).toEqual([pending.id]);
      await call(t, 'POST', `/api/comments/${pending.id}/moderation`, { as: s.moderatorOfA, body: { action: 'hide', reason: 'No.' } });
      expect((await list(s.moderatorOfA))[0]!.bodyHtml).toContain('Pending words.');
      // Hidden before anyone saw it: no placeholder for those who are not its moderators.
      expect(await list(s.moderatorOfB)).toEqual([]);
    });

    it('lets an unpublished dialogue’s moderator work on it while everyone else still gets 404', async () => {
      const owner = await organizer(t);
      const hidden: Dialogue = await createDialogue(t, owner, { published: false });
      const modHere = await moderator(t, hidden);
      const elsewhere = await moderator(t, (await dialogueWithTopic(t)).dialogue);
      expect((await call(t, 'GET', `/api/dialogues/${hidden.slug}/watched-words`, { as: modHere })).statusCode).toBe(200);
      expect((await call(t, 'GET', `/api/dialogues/${hidden.slug}/watched-words`, { as: elsewhere })).statusCode).toBe(404);
      expect((await call(t, 'GET', `/api/moderation/queue?dialogue=${hidden.slug}`, { as: elsewhere })).statusCode).toBe(404);
    });
  });
});
