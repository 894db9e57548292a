import { describe, expect, it } from 'vitest';
import type { AuditLog } from '../../shared/moderation.ts';
import type { PeopleList, Person, User } from '../../shared/users.ts';
import { DAY, toIso } from '../../server/lib/time.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { anonymous, call, createDialogue, moderator, organizer, participant, postComment, uniqueEmail, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const people = async (t: TestApp, as: Agent, query: string) => {
  const response = await call(t, 'GET', `/api/users?${query}`, { as });
  expect(response.statusCode).toBe(200);
  return response.json<PeopleList>();
};
const names = (page: PeopleList) => page.items.map((person) => person.displayName);
const setRole = (t: TestApp, as: Agent | null, userId: string, body: unknown) => call(t, 'PATCH', `/api/users/${userId}`, { as, body });
const me = async (t: TestApp, as: Agent) => (await call(t, 'GET', '/api/auth/me', { as })).json<{ user: User }>().user;
const organizerCount = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('role', '=', 'organizer')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A word no other test's names contain, to search by. */
const uniqueTag = (() => {
  let n = 0;
  return () => {
    n += 1;
    return `zz${Date.now().toString(36)}x${n}`;
  };
})();

describeOnEachDatabase('people', (kind) => {
  const t = useTestApp(kind);

  describe('GET /api/users', () => {
    it('lists people by name with e-mail, appointments, comments in any status and suspension', async () => {
      const owner = await organizer(t);
      const tag = uniqueTag();
      const dialogue = await createDialogue(t, owner);
      const topic = (await call(t, 'POST', `/api/dialogues/${dialogue.slug}/topics`, { as: owner, body: { question: 'Why?' } })).json<{ id: string }>();
      const ana = await participant(t, { displayName: `Ana ${tag}`, country: 'PT', organization: 'IOM', affiliation: 'ngo' });
      const bea = await participant(t, { displayName: `Bea ${tag}` });
      const carl = await participant(t, { displayName: `Carl ${tag}` });
      await postComment(t, ana, topic.id);
      const withdrawn = await postComment(t, ana, topic.id, { body: 'On second thought…' });
      await call(t, 'DELETE', `/api/comments/${withdrawn.id}`, { as: ana });
      expect((await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/moderators/${bea.user.id}`, { as: owner })).statusCode).toBe(200);
      const until = toIso(Date.now() + 7 * DAY);
      expect((await call(t, 'POST', `/api/users/${carl.user.id}/suspension`, { as: owner, body: { until, reason: 'Insults.' } })).statusCode).toBe(201);

      const page = await people(t, owner, `q=${tag.toUpperCase()}`);
      expect(names(page)).toEqual([`Ana ${tag}`, `Bea ${tag}`, `Carl ${tag}`]);
      expect(page.nextCursor).toBeNull();
      expect(page.items[0]).toEqual({
        id: ana.user.id,
        displayName: `Ana ${tag}`,
        email: ana.user.email,
        country: 'PT',
        organization: 'IOM',
        affiliation: 'ngo',
        role: 'participant',
        moderates: [],
        commentCount: 2,
        suspendedUntil: null,
        createdAt: ana.user.createdAt,
      } satisfies Person);
      expect(page.items[1]).toMatchObject({ role: 'moderator', moderates: [dialogue.slug], commentCount: 0 });
      expect(page.items[2]).toMatchObject({ suspendedUntil: until });
      expect(JSON.stringify(page)).not.toMatch(/password/i);
    });

    it('finds by part of the e-mail address whatever the case, and filters by country, affiliation and role', async () => {
      const owner = await organizer(t);
      const tag = uniqueTag();
      const dialogue = await createDialogue(t, owner);
      const byMail = await participant(t, { displayName: 'Mailed Person', email: uniqueEmail(`${tag}mail`) });
      await participant(t, { displayName: `Spanish ${tag}`, country: 'ES', affiliation: 'academia' });
      await participant(t, { displayName: `French ${tag}`, country: 'FR', affiliation: 'academia' });
      const appointed = await participant(t, { displayName: `Appointed ${tag}`, country: 'FR' });
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/moderators/${appointed.user.id}`, { as: owner });
      const promoted = await participant(t, { displayName: `Promoted ${tag}` });
      await setRole(t, owner, promoted.user.id, { role: 'organizer' });
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/moderators/${promoted.user.id}`, { as: owner });
      const chief = await participant(t, { displayName: `Chief ${tag}` });
      await setRole(t, owner, chief.user.id, { role: 'organizer' });

      expect((await people(t, owner, `q=${tag.toUpperCase()}MAIL`)).items.map((person) => person.id)).toEqual([byMail.user.id]);
      expect(names(await people(t, owner, `q=${tag}&country=FR`))).toEqual([`Appointed ${tag}`, `French ${tag}`]);
      expect(names(await people(t, owner, `q=${tag}&affiliation=academia`))).toEqual([`French ${tag}`, `Spanish ${tag}`]);
      expect(names(await people(t, owner, `q=${tag}&affiliation=academia&country=ES`))).toEqual([`Spanish ${tag}`]);
      expect(names(await people(t, owner, `q=${tag}&role=organizer`))).toEqual([`Chief ${tag}`, `Promoted ${tag}`]);
      expect(names(await people(t, owner, `q=${tag}&role=moderator`))).toEqual([`Appointed ${tag}`, `Promoted ${tag}`]);
      expect(names(await people(t, owner, `q=${tag}&role=participant`))).toEqual([`French ${tag}`, 'Mailed Person', `Spanish ${tag}`]);
    });

    it('pages by name with a cursor, and refuses a forged cursor with 400', async () => {
      const owner = await organizer(t);
      const tag = uniqueTag();
      const everyone = ['Eve', 'Dan', 'Bob', 'Amy', 'Cat', 'Amy'].map((name) => `${name} ${tag}`);
      for (const displayName of everyone) await participant(t, { displayName });
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: PeopleList = await people(t, owner, `q=${tag}&limit=2${after ? `&after=${after}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...names(page));
        after = page.nextCursor;
        pages += 1;
      } while (after !== null);
      expect(pages).toBe(3);
      expect(seen).toEqual([...everyone].sort());
      for (const forged of ['not-a-cursor', Buffer.from('{"displayName":"Amy"}').toString('base64url')]) {
        const response = await call(t, 'GET', `/api/users?after=${forged}`, { as: owner });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('invalid_cursor');
      }
    });

    it('is for organizers only (401, 403) and validates the query', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      expect((await call(t, 'GET', '/api/users?limit=0')).statusCode).toBe(401);
      for (const caller of [await participant(t), await moderator(t, dialogue)]) {
        expect((await call(t, 'GET', '/api/users?limit=0', { as: caller })).statusCode).toBe(403);
      }
      for (const query of ['limit=0', 'limit=201', 'country=es', 'country=ESP', 'affiliation=army', 'role=admin', 'colour=blue', `q=${'x'.repeat(101)}`]) {
        const response = await call(t, 'GET', `/api/users?${query}`, { as: owner });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('promotes a participant to organizer, with the rights at once, and back; audited with the role before and after', async () => {
      const owner = await organizer(t);
      const someone = await participant(t);
      const promoted = await setRole(t, owner, someone.user.id, { role: 'organizer' });
      expect(promoted.statusCode).toBe(200);
      expect(promoted.json<Person>()).toMatchObject({ id: someone.user.id, role: 'organizer', email: someone.user.email });
      expect((await me(t, someone)).role).toBe('organizer');
      expect((await call(t, 'GET', '/api/users?limit=1', { as: someone })).statusCode).toBe(200);

      const demoted = await setRole(t, owner, someone.user.id, { role: 'participant' });
      expect(demoted.json<Person>()).toMatchObject({ role: 'participant' });
      expect((await call(t, 'GET', '/api/users?limit=1', { as: someone })).statusCode).toBe(403);

      const entries = (await call(t, 'GET', `/api/moderation/log?action=user.role&actor=${owner.user.id}`, { as: owner })).json<AuditLog>().items;
      expect(entries.map((entry) => [entry.targetId, entry.before, entry.after])).toEqual([
        [someone.user.id, { role: 'organizer' }, { role: 'participant' }],
        [someone.user.id, { role: 'participant' }, { role: 'organizer' }],
      ]);
      expect(entries[0]).toMatchObject({ dialogueId: null, targetType: 'user' });
    });

    it('makes a demoted organizer a moderator while appointed to a dialogue; the same role again changes and logs nothing', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const other = await organizer(t);
      await call(t, 'PUT', `/api/dialogues/${dialogue.slug}/moderators/${other.user.id}`, { as: owner });
      const demoted = await setRole(t, owner, other.user.id, { role: 'participant' });
      expect(demoted.json<Person>()).toMatchObject({ role: 'moderator', moderates: [dialogue.slug] });
      expect(await me(t, other)).toMatchObject({ role: 'moderator', moderates: [dialogue.slug] });
      const again = await setRole(t, owner, other.user.id, { role: 'participant' });
      expect(again.statusCode).toBe(200);
      expect(again.json<Person>().role).toBe('moderator');
      const entries = (await call(t, 'GET', `/api/moderation/log?action=user.role&actor=${owner.user.id}`, { as: owner })).json<AuditLog>().items;
      expect(entries.filter((entry) => entry.targetId === other.user.id)).toHaveLength(1);
    });

    it('decides 401 and 403 before the body, then 400 for a wrong role, type or field and 404 for an unknown user', async () => {
      const owner = await organizer(t);
      const dialogue = await createDialogue(t, owner);
      const someone = await participant(t);
      expect((await setRole(t, anonymous, someone.user.id, { role: 'admin' })).statusCode).toBe(401);
      for (const caller of [someone, await moderator(t, dialogue)]) {
        expect((await setRole(t, caller, someone.user.id, { role: 'admin' })).statusCode).toBe(403);
        expect((await setRole(t, caller, caller.user.id, { role: 'organizer' })).statusCode).toBe(403);
      }
      for (const body of [{ role: 'moderator' }, { role: 'admin' }, { role: 1 }, {}, { role: 'organizer', email: 'x@example.org' }]) {
        const response = await setRole(t, owner, someone.user.id, body);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('validation_failed');
      }
      expect((await setRole(t, owner, 'no-such-user', { role: 'organizer' })).statusCode).toBe(404);
      expect((await me(t, someone)).role).toBe('participant');
    });
  });
});

describeOnEachDatabase('the last organizer', (kind) => {
  const t = useTestApp(kind);

  it('is never demoted, not even by two demotions at once', async () => {
    const first = await organizer(t);
    const second = await organizer(t);
    expect(await organizerCount(t)).toBe(2);
    expect((await setRole(t, first, second.user.id, { role: 'participant' })).statusCode).toBe(200);
    const last = await setRole(t, first, first.user.id, { role: 'participant' });
    expect(last.statusCode).toBe(409);
    expect(last.json().error.code).toBe('last_organizer');
    expect((await setRole(t, second, first.user.id, { role: 'participant' })).statusCode).toBe(403);
    expect(await organizerCount(t)).toBe(1);

    // Each round, the two organizers demote each other at the same moment: one wins, the other is
    // refused (409, or 403 when its request came in after it had lost its role); one stays.
    for (let round = 0; round < 4; round += 1) {
      const survivor = round === 0 ? first : (await me(t, first)).role === 'organizer' ? first : second;
      const other = survivor === first ? second : first;
      expect((await setRole(t, survivor, other.user.id, { role: 'organizer' })).statusCode).toBe(200);
      expect(await organizerCount(t)).toBe(2);
      const burst = await Promise.all([setRole(t, first, second.user.id, { role: 'participant' }), setRole(t, second, first.user.id, { role: 'participant' })]);
      const statuses = burst.map((response) => response.statusCode).sort();
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await organizerCount(t)).toBe(1);
    }
  });
});
