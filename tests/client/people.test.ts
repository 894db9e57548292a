import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PeopleList, PeopleQuery, Person } from '../../shared/users.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { outcomeEn } from '../../client/src/lib/i18n/sections/outcome.en.ts';
import { outcomeEs } from '../../client/src/lib/i18n/sections/outcome.es.ts';
import { outcomeFr } from '../../client/src/lib/i18n/sections/outcome.fr.ts';
import { peopleEn } from '../../client/src/lib/i18n/sections/people.en.ts';
import { peopleEs } from '../../client/src/lib/i18n/sections/people.es.ts';
import { peopleFr } from '../../client/src/lib/i18n/sections/people.fr.ts';
import type { StaffMember } from '../../client/src/lib/moderation-api.ts';
import { listPeople } from '../../client/src/lib/people-api.ts';
import { PEOPLE_PAGE_SIZE, PEOPLE_SEARCH_DELAY_MS, PeopleDirectory, type PeopleApi } from '../../client/src/lib/state/people.svelte.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function person(id: string, extra: Partial<Person> = {}): Person {
  return {
    id,
    displayName: `Person ${id}`,
    email: `${id}@example.org`,
    country: 'KE',
    organization: null,
    affiliation: null,
    role: 'participant',
    moderates: [],
    commentCount: 0,
    suspendedUntil: null,
    createdAt: '2026-07-01T10:00:00.000Z',
    ...extra,
  };
}

const staff = (member: Person): StaffMember => ({ id: member.id, displayName: member.displayName, email: member.email, role: 'moderator' });

/** A directory over a fake API: `pages` answer the list requests in turn; every call is recorded. */
function setup(pages: PeopleList[], overrides: Partial<PeopleApi> = {}) {
  const queries: PeopleQuery[] = [];
  const api: PeopleApi = {
    list: vi.fn(async (query: PeopleQuery) => {
      queries.push(query);
      return pages[Math.min(queries.length - 1, pages.length - 1)]!;
    }),
    changeRole: vi.fn(async (userId, role) => person(userId, { role })),
    appoint: vi.fn(async (_slug, userId) => [staff(person(userId))]),
    remove: vi.fn(async () => []),
    ...overrides,
  };
  return { directory: new PeopleDirectory(api), api, queries };
}

describe('PeopleDirectory', () => {
  afterEach(() => vi.useRealTimers());

  it('reads the first page at once, without the filters left empty', async () => {
    const { directory, queries } = setup([{ items: [person('a'), person('b')], nextCursor: 'c1' }]);
    expect(directory.loading).toBe(true);
    await flush();
    expect(queries).toEqual([{ limit: PEOPLE_PAGE_SIZE }]);
    expect(directory.items.map((item) => item.id)).toEqual(['a', 'b']);
    expect(directory.nextCursor).toBe('c1');
    expect(directory.loading).toBe(false);
  });

  it('searches once typing pauses, with the words trimmed, and keeps the filters chosen', async () => {
    vi.useFakeTimers();
    const { directory, queries } = setup([{ items: [], nextCursor: null }]);
    await vi.advanceTimersByTimeAsync(0);
    directory.filter('country', 'KE');
    directory.filter('role', 'moderator');
    await vi.advanceTimersByTimeAsync(0);
    directory.search('an');
    await vi.advanceTimersByTimeAsync(PEOPLE_SEARCH_DELAY_MS / 2);
    directory.search(' ana ');
    await vi.advanceTimersByTimeAsync(PEOPLE_SEARCH_DELAY_MS - 1);
    expect(queries).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(queries.at(-1)).toEqual({ limit: PEOPLE_PAGE_SIZE, q: 'ana', country: 'KE', role: 'moderator' });
    expect(directory.query).toBe(' ana ');
  });

  it('keeps the answer to the latest search when an earlier one comes back later', async () => {
    const answers: ((page: PeopleList) => void)[] = [];
    const { directory } = setup([], { list: () => new Promise((resolve) => answers.push(resolve)) });
    directory.filter('affiliation', 'ngo');
    answers[1]!({ items: [person('ngo')], nextCursor: null });
    await flush();
    answers[0]!({ items: [person('everyone')], nextCursor: 'x' });
    await flush();
    expect(directory.items.map((item) => item.id)).toEqual(['ngo']);
    expect(directory.nextCursor).toBeNull();
    expect(directory.loading).toBe(false);
  });

  it('loads more with the same filters after the cursor, lists nobody twice and returns the first newcomer', async () => {
    const pages: Record<string, PeopleList> = {
      first: { items: [person('a'), person('b')], nextCursor: 'c1' },
      c1: { items: [person('b'), person('c')], nextCursor: null },
    };
    const queries: PeopleQuery[] = [];
    const list = async (query: PeopleQuery) => {
      queries.push(query);
      return pages[query.after ?? 'first']!;
    };
    const { directory } = setup([], { list });
    directory.filter('role', 'organizer');
    await flush();
    const first = await directory.more();
    expect(queries.at(-1)).toEqual({ limit: PEOPLE_PAGE_SIZE, role: 'organizer', after: 'c1' });
    expect(first?.id).toBe('c');
    expect(directory.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(directory.nextCursor).toBeNull();
    expect(await directory.more()).toBeNull();
  });

  it('keeps what is listed when loading more fails, and says so apart', async () => {
    let calls = 0;
    const { directory } = setup([], {
      list: async () => {
        calls++;
        if (calls === 1) return { items: [person('a')], nextCursor: 'c1' };
        throw new ApiError(0, 'network_error', 'offline');
      },
    });
    await flush();
    expect(await directory.more()).toBeNull();
    expect(directory.items.map((item) => item.id)).toEqual(['a']);
    expect(directory.moreError).toBeInstanceOf(ApiError);
    expect(directory.error).toBeUndefined();
  });

  it('changes a role only once confirmed, and shows the person as the server now describes them', async () => {
    const { directory, api } = setup([{ items: [person('a'), person('b')], nextCursor: null }]);
    await flush();
    directory.ask(directory.items[0]!, 'organizer');
    expect(api.changeRole).not.toHaveBeenCalled();
    expect(directory.confirming).toEqual({ personId: 'a', role: 'organizer' });
    expect(await directory.confirm()).toBe(true);
    expect(api.changeRole).toHaveBeenCalledWith('a', 'organizer');
    expect(directory.confirming).toBeNull();
    expect(directory.items.map((item) => item.role)).toEqual(['organizer', 'participant']);
    expect(directory.news).toEqual({ kind: 'promoted', personId: 'a', name: 'Person a' });
  });

  it('changes nothing on cancel', async () => {
    const { directory, api } = setup([{ items: [person('a')], nextCursor: null }]);
    await flush();
    directory.ask(directory.items[0]!, 'organizer');
    directory.cancel();
    expect(await directory.confirm()).toBe(false);
    expect(api.changeRole).not.toHaveBeenCalled();
  });

  it('keeps the last organizer one, and says why next to them', async () => {
    const refusal = new ApiError(409, 'last_organizer', 'There must always be an organizer.');
    const { directory } = setup([{ items: [person('boss', { role: 'organizer' })], nextCursor: null }], {
      changeRole: async () => {
        throw refusal;
      },
    });
    await flush();
    directory.ask(directory.items[0]!, 'participant');
    expect(await directory.confirm()).toBe(false);
    expect(directory.failure).toEqual({ personId: 'boss', error: refusal });
    expect(directory.items[0]!.role).toBe('organizer');
    expect(directory.news).toBeNull();
    expect(directory.busy).toBeNull();
  });

  it('appoints a participant to moderate a dialogue: a moderator of it from then on', async () => {
    const { directory, api } = setup([{ items: [person('a', { moderates: ['idm-2010'] })], nextCursor: null }]);
    await flush();
    expect(await directory.appoint(directory.items[0]!, 'idm-2011')).toBe(true);
    expect(api.appoint).toHaveBeenCalledWith('idm-2011', 'a');
    expect(directory.items[0]).toMatchObject({ role: 'moderator', moderates: ['idm-2010', 'idm-2011'] });
    expect(directory.news).toEqual({ kind: 'appointed', personId: 'a', name: 'Person a', slug: 'idm-2011' });
  });

  it('makes a moderator removed from their last dialogue a participant again, as the server does', async () => {
    const { directory, api } = setup([
      {
        items: [person('one', { role: 'moderator', moderates: ['idm-2010'] }), person('two', { role: 'moderator', moderates: ['idm-2010', 'idm-2011'] })],
        nextCursor: null,
      },
    ]);
    await flush();
    await directory.removeModerator(directory.items[0]!, 'idm-2010');
    await directory.removeModerator(directory.items[1]!, 'idm-2010');
    expect(api.remove).toHaveBeenCalledWith('idm-2010', 'one');
    expect(directory.items.map(({ role, moderates }) => ({ role, moderates }))).toEqual([
      { role: 'participant', moderates: [] },
      { role: 'moderator', moderates: ['idm-2011'] },
    ]);
  });

  it('makes one change at a time', async () => {
    let finish: (staffList: StaffMember[]) => void = () => undefined;
    const { directory, api } = setup([{ items: [person('a'), person('b')], nextCursor: null }], {
      appoint: vi.fn(() => new Promise<StaffMember[]>((resolve) => (finish = resolve))),
    });
    await flush();
    const first = directory.appoint(directory.items[0]!, 'idm-2011');
    expect(directory.busy).toBe('a');
    expect(await directory.appoint(directory.items[1]!, 'idm-2011')).toBe(false);
    finish([staff(person('a'))]);
    expect(await first).toBe(true);
    expect(api.appoint).toHaveBeenCalledTimes(1);
  });
});

describe('listPeople', () => {
  const fetchMock = vi.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockResolvedValue(new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks GET /api/users with the filters given, none empty', async () => {
    await listPeople({ limit: 50, q: 'ana maría', country: 'ES', after: 'cursor/1' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/users?limit=50&q=ana+mar%C3%ADa&country=ES&after=cursor%2F1');
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'GET' });
  });
});

describe('the people and outcome catalogues', () => {
  type Catalogue = Readonly<Record<string, string>>;
  const sections: Record<string, Record<'en' | 'fr' | 'es', Catalogue>> = {
    people: { en: peopleEn, fr: peopleFr, es: peopleEs },
    outcome: { en: outcomeEn, fr: outcomeFr, es: outcomeEs },
  };
  const placeholders = (message: string) =>
    [...message.matchAll(PLACEHOLDER)]
      .map((match) => match[1])
      .sort()
      .join();

  describe.each(Object.entries(sections))('%s', (name, { en, fr, es }) => {
    it.each([
      ['fr', fr],
      ['es', es],
    ] as const)('%s has the keys and {placeholders} of en, each message written', (_locale, translation) => {
      expect(Object.keys(translation).sort()).toEqual(Object.keys(en).sort());
      for (const [key, message] of Object.entries(en)) {
        expect(placeholders(translation[key]!), key).toBe(placeholders(message));
        expect(translation[key]!.trim(), key).not.toBe('');
      }
    });

    it('keeps its keys in its own namespace', () => {
      expect(Object.keys(en).filter((key) => !key.startsWith(`${name}.`))).toEqual([]);
    });
  });

  it('says in three languages that there must always be an organizer', () => {
    expect(peopleEn['people.lastOrganizer']).toContain('at least one organizer');
    expect(peopleFr['people.lastOrganizer']).toContain('au moins un organisateur');
    expect(peopleEs['people.lastOrganizer']).toContain('al menos un organizador');
  });
});
