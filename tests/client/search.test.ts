import { describe, expect, it, vi } from 'vitest';
import type { Dialogue, DialogueSummary } from '../../shared/dialogues.ts';
import { SEARCH_LIMITS } from '../../shared/search.constants.ts';
import type { SearchQuery, SearchResult, SearchResults } from '../../shared/search.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { searchEn } from '../../client/src/lib/i18n/sections/search.en.ts';
import { searchEs } from '../../client/src/lib/i18n/sections/search.es.ts';
import { searchFr } from '../../client/src/lib/i18n/sections/search.fr.ts';
import { matchRoute, paths, routablePath } from '../../client/src/lib/routes.ts';
import {
  isNarrowed,
  NO_FILTERS,
  parseSearch,
  sameSearch,
  searchPath,
  searchQuery,
  searchString,
  withFilter,
  type SearchFilters,
} from '../../client/src/lib/search-params.ts';
import { SearchResultsView, type SearchApi } from '../../client/src/lib/state/search.svelte.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const placeholders = (message: string): string =>
  [...message.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join();

const filters = (extra: Partial<SearchFilters>): SearchFilters => ({ ...NO_FILTERS, ...extra });

describe('the search messages', () => {
  it.each([
    ['fr', searchFr],
    ['es', searchEs],
  ] as const)('%s has every key of en, translated, with the same placeholders', (locale, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(searchEn).sort());
    // Words spelt the same in both languages, and a pattern with no words in it.
    const same = locale === 'fr' ? ['search.dialogue'] : ['search.topic.option'];
    for (const [key, english] of Object.entries(searchEn)) {
      const translated = catalogue[key as keyof typeof searchEn];
      expect(translated.trim(), key).not.toBe('');
      if (!same.includes(key)) expect(translated, key).not.toBe(english);
      expect(placeholders(translated), key).toBe(placeholders(english));
    }
  });
});

describe('the search page’s address', () => {
  it('is a route of its own, kept in the app with its query', () => {
    expect(matchRoute('/search')).toEqual({ name: 'search' });
    expect(paths.search()).toBe('/search');
    expect(paths.search('integración social')).toBe('/search?q=integraci%C3%B3n+social');
    const here = { href: 'http://localhost:3000/t/t1', origin: 'http://localhost:3000', pathname: '/t/t1' };
    expect(routablePath('/search?q=migration&type=comment', here)).toBe('/search?q=migration&type=comment');
  });

  it('reads the words and every filter', () => {
    expect(parseSearch('?q=%22social+cohesion%22+integr*&type=comment&dialogue=idm-2010&topic=t1&language=fr')).toEqual({
      q: '"social cohesion" integr*',
      type: 'comment',
      dialogue: 'idm-2010',
      topic: 't1',
      language: 'fr',
    });
    expect(parseSearch('')).toEqual(NO_FILTERS);
    expect(parseSearch('q=migration')).toEqual(filters({ q: 'migration' }));
  });

  it('reads what the API would refuse as “any”, and a topic without its dialogue as no topic', () => {
    expect(parseSearch('?q=%20%20migration%20&type=video&language=de&topic=t1')).toEqual(filters({ q: 'migration' }));
    expect(parseSearch(`?q=a&dialogue=${'d'.repeat(65)}&topic=t1`)).toEqual(filters({ q: 'a' }));
    expect(parseSearch(`?q=${'x'.repeat(SEARCH_LIMITS.queryChars + 10)}`).q).toHaveLength(SEARCH_LIMITS.queryChars);
  });

  it('writes only what says something, in a fixed order, and reads back what it wrote', () => {
    const all = filters({ q: 'migración laboral', type: 'practice', dialogue: 'idm-2010', topic: 't1', language: 'es' });
    expect(searchString({ language: 'es', topic: 't1', dialogue: 'idm-2010', type: 'practice', q: 'migración laboral' })).toBe(
      '?q=migraci%C3%B3n+laboral&type=practice&dialogue=idm-2010&topic=t1&language=es',
    );
    expect(parseSearch(searchString(all))).toEqual(all);
    expect(searchPath(filters({ q: '  ' }))).toBe('/search');
    expect(searchPath(filters({ q: 'a & b=c', topic: 't1' }))).toBe('/search?q=a+%26+b%3Dc');
    expect(searchString(NO_FILTERS)).toBe('');
  });

  it('forgets the topic when another dialogue is chosen, and keeps it otherwise', () => {
    const inTopic = filters({ q: 'work', dialogue: 'idm-2010', topic: 't1' });
    expect(withFilter(inTopic, 'dialogue', 'idm-2011')).toEqual(filters({ q: 'work', dialogue: 'idm-2011' }));
    expect(withFilter(inTopic, 'dialogue', '')).toEqual(filters({ q: 'work' }));
    expect(withFilter(inTopic, 'language', 'fr')).toEqual({ ...inTopic, language: 'fr' });
    expect(withFilter(inTopic, 'type', '')).toEqual(inTopic);
  });

  it('says whether filters narrow the words, and whether two searches are the same', () => {
    expect(isNarrowed(filters({ q: 'a' }))).toBe(false);
    expect(isNarrowed(filters({ q: 'a', language: 'en' }))).toBe(true);
    expect(sameSearch(parseSearch('?q=a&type=quote'), parseSearch('?type=quote&q=a'))).toBe(true);
    expect(sameSearch(parseSearch('?q=a&type=quote'), parseSearch('?q=a'))).toBe(false);
  });

  it('asks the API for a page of the search, with the filters chosen only', () => {
    expect(searchQuery(filters({ q: 'a' }), 'en')).toEqual({ q: 'a', lang: 'en', limit: SEARCH_LIMITS.pageDefault });
    expect(searchQuery(filters({ q: 'a', type: 'quote', dialogue: 'd', topic: 't', language: 'es' }), 'fr', '20')).toEqual({
      q: 'a',
      lang: 'fr',
      limit: SEARCH_LIMITS.pageDefault,
      type: 'quote',
      dialogue: 'd',
      topic: 't',
      language: 'es',
      after: '20',
    });
  });
});

function result(type: SearchResult['type'], id: string, extra: Partial<SearchResult> = {}): SearchResult {
  return {
    type,
    id,
    title: `Title ${id}`,
    snippetHtml: `about <mark>migration</mark> ${id}`,
    url: type === 'practice' ? `/practices/${id}` : `/t/t1?c=${id}`,
    language: 'en',
    createdAt: '2026-07-01T10:00:00.000Z',
    ...extra,
  };
}

const summary = (slug: string, published: boolean) => ({ slug, published }) as DialogueSummary;
const dialogue = (slug: string, topicIds: string[]) => ({ slug, languages: ['en'], topics: topicIds.map((id) => ({ id })) }) as unknown as Dialogue;

/** A search over a fake API: `pages` answer the searches in turn; every query and announcement is recorded. */
function setup(initial: SearchFilters, pages: SearchResults[], overrides: Partial<SearchApi> = {}) {
  const queries: SearchQuery[] = [];
  const shown: [number, boolean][] = [];
  const api: SearchApi = {
    search: vi.fn(async (query: SearchQuery) => {
      queries.push(query);
      return pages[Math.min(queries.length - 1, pages.length - 1)]!;
    }),
    dialogues: vi.fn(async () => [summary('idm-2010', true), summary('draft', false)]),
    dialogue: vi.fn(async (slug: string) => dialogue(slug, ['t1', 't2'])),
    ...overrides,
  };
  const view = new SearchResultsView(api, initial, 'en', (count, more) => shown.push([count, more]));
  return { view, api, queries, shown };
}

describe('SearchResultsView', () => {
  it('asks nothing without words, and offers the published dialogues to filter by', async () => {
    const { view, queries } = setup(NO_FILTERS, []);
    expect(view.loading).toBe(false);
    await flush();
    expect(queries).toEqual([]);
    expect(view.items).toEqual([]);
    expect(view.dialogues.map((candidate) => candidate.slug)).toEqual(['idm-2010']);
  });

  it('reads the first page of the search in the address, each result keyed by its kind, and tells how many came', async () => {
    const { view, queries, shown } = setup(filters({ q: 'migration', type: 'comment' }), [
      { items: [result('comment', 'c1'), result('quote', 'c1')], nextCursor: '2' },
    ]);
    expect(view.loading).toBe(true);
    await flush();
    expect(queries).toEqual([{ q: 'migration', type: 'comment', lang: 'en', limit: SEARCH_LIMITS.pageDefault }]);
    expect(view.items.map((hit) => hit.id)).toEqual(['comment-c1', 'quote-c1']);
    expect(view.items[1]!.result.url).toBe('/t/t1?c=c1');
    expect(view.loading).toBe(false);
    expect(shown).toEqual([[2, true]]);
  });

  it('loads more after the cursor, under the same filters, and tells the new count', async () => {
    const { view, queries, shown } = setup(filters({ q: 'migration', language: 'fr' }), [
      { items: [result('comment', 'c1')], nextCursor: '1' },
      { items: [result('practice', 'p1')], nextCursor: null },
    ]);
    await flush();
    const first = await view.more();
    expect(first?.id).toBe('practice-p1');
    expect(queries[1]).toEqual({ q: 'migration', language: 'fr', lang: 'en', limit: SEARCH_LIMITS.pageDefault, after: '1' });
    expect(view.items.map((hit) => hit.id)).toEqual(['comment-c1', 'practice-p1']);
    expect(view.nextCursor).toBeNull();
    expect(shown).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('searches again when the address changes, not when it says the same, and drops an answer that came too late', async () => {
    let answer: (page: SearchResults) => void = () => undefined;
    const slow = new Promise<SearchResults>((resolve) => (answer = resolve));
    const queries: SearchQuery[] = [];
    const { view } = setup(filters({ q: 'first' }), [], {
      search: async (query) => {
        queries.push(query);
        return query.q === 'first' ? slow : { items: [result('comment', 'c2')], nextCursor: null };
      },
    });
    view.show(filters({ q: 'second' }), 'en');
    await flush();
    answer({ items: [result('comment', 'c1')], nextCursor: null });
    await flush();
    expect(view.items.map((hit) => hit.id)).toEqual(['comment-c2']);
    view.show(parseSearch('?q=second'), 'en');
    await flush();
    expect(queries.map((query) => query.q)).toEqual(['first', 'second']);
    // In another interface language the topics' questions change: the same words are asked again.
    view.show(parseSearch('?q=second'), 'fr');
    await flush();
    expect(queries.map((query) => `${query.q} ${query.lang}`)).toEqual(['first en', 'second en', 'second fr']);
  });

  it('clears the results when the words are taken away', async () => {
    const { view, queries } = setup(filters({ q: 'migration' }), [{ items: [result('comment', 'c1')], nextCursor: null }]);
    await flush();
    view.show(filters({ type: 'quote' }), 'en');
    expect(view.items).toEqual([]);
    expect(view.loading).toBe(false);
    expect(queries).toHaveLength(1);
  });

  it('fetches the chosen dialogue’s topics, and forgets them for another dialogue', async () => {
    let answer: (value: Dialogue) => void = () => undefined;
    const { view, api } = setup(filters({ q: 'a', dialogue: 'idm-2010', topic: 't1' }), [{ items: [], nextCursor: null }]);
    await flush();
    expect(view.dialogue?.topics.map((topic) => topic.id)).toEqual(['t1', 't2']);
    vi.mocked(api.dialogue).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    view.show(filters({ q: 'a', dialogue: 'idm-2011' }), 'en');
    expect(view.dialogue).toBeNull();
    view.show(filters({ q: 'a' }), 'en');
    answer(dialogue('idm-2011', ['t9']));
    await flush();
    expect(view.dialogue).toBeNull();
  });

  it('keeps the error of a search that failed, and the search works again on retry', async () => {
    const search = vi
      .fn<SearchApi['search']>()
      .mockRejectedValueOnce(new ApiError(0, 'network_error', 'offline'))
      .mockResolvedValueOnce({ items: [result('comment', 'c1')], nextCursor: null });
    const { view, shown } = setup(filters({ q: 'migration' }), [], { search, dialogues: async () => Promise.reject(new Error('down')) });
    await flush();
    expect(view.error).toBeInstanceOf(ApiError);
    expect(view.dialogues).toEqual([]);
    expect(shown).toEqual([]);
    await view.load();
    expect(view.error).toBeUndefined();
    expect(view.items).toHaveLength(1);
  });
});
