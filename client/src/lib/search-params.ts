import type { Language } from '../../../shared/common.constants.ts';
import { SEARCH_KINDS, SEARCH_LIMITS, type SearchKind } from '../../../shared/search.constants.ts';
import type { SearchQuery } from '../../../shared/search.ts';
import { isLocale } from './i18n/locales.ts';
import { paths } from './routes.ts';

/**
 * What the search page shows, as its address carries it (`/search?q=…&type=…`): the words and the
 * filters, '' for "any". The address is the one source of truth, so that a search can be shared,
 * bookmarked, and gone back to.
 */
export interface SearchFilters {
  q: string;
  type: SearchKind | '';
  /** a dialogue's slug */
  dialogue: string;
  /** a topic's id, only with its dialogue */
  topic: string;
  language: Language | '';
}

export type SearchFilter = Exclude<keyof SearchFilters, 'q'>;

export const NO_FILTERS: SearchFilters = { q: '', type: '', dialogue: '', topic: '', language: '' };

/** The filters' order in an address, after `q`. */
const FILTERS: readonly SearchFilter[] = ['type', 'dialogue', 'topic', 'language'];

// The API's own bound on slugs and ids: a longer value could only be refused.
const MAX_ID = 64;

const isKind = (value: string): value is SearchKind => (SEARCH_KINDS as readonly string[]).includes(value);
const idOrEmpty = (value: string | null): string => {
  const trimmed = value?.trim() ?? '';
  return trimmed.length <= MAX_ID ? trimmed : '';
};

/**
 * The search an address asks for (`location.search`, with or without its `?`). Values the API
 * would refuse (an unknown type or language, an overlong slug) read as "any", and a topic without
 * its dialogue is dropped: the page could not show which topic it is.
 */
export function parseSearch(search: string): SearchFilters {
  const params = new URLSearchParams(search);
  const type = params.get('type') ?? '';
  const language = params.get('language') ?? '';
  const dialogue = idOrEmpty(params.get('dialogue'));
  return {
    // The server reads no further: the heading does not need to show more.
    q: (params.get('q') ?? '').trim().slice(0, SEARCH_LIMITS.queryChars),
    type: isKind(type) ? type : '',
    dialogue,
    topic: dialogue ? idOrEmpty(params.get('topic')) : '',
    language: isLocale(language) ? language : '',
  };
}

/** The query string of a search (`?q=…`, or '' for none), with only the parts that say something, in a fixed order. */
export function searchString(filters: Partial<SearchFilters>): string {
  const params = new URLSearchParams();
  const q = filters.q?.trim() ?? '';
  if (q) params.set('q', q);
  for (const filter of FILTERS) {
    const value = filters[filter];
    // A topic belongs to its dialogue: without it, it would narrow to nothing the reader can see.
    if (value && (filter !== 'topic' || filters.dialogue)) params.set(filter, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The address of a search. */
export const searchPath = (filters: Partial<SearchFilters>): string => `${paths.search()}${searchString(filters)}`;

/** The same search with one filter changed ('' for any); choosing a dialogue forgets the topic of another. */
export function withFilter(filters: SearchFilters, filter: SearchFilter, value: string): SearchFilters {
  const next = { ...filters, [filter]: value };
  if (filter === 'dialogue' && value !== filters.dialogue) next.topic = '';
  return parseSearch(searchString(next));
}

/** Whether anything narrows the search beyond its words. */
export const isNarrowed = (filters: SearchFilters): boolean => FILTERS.some((filter) => filters[filter] !== '');

export const sameSearch = (a: SearchFilters, b: SearchFilters): boolean => a.q === b.q && FILTERS.every((filter) => a[filter] === b[filter]);

/**
 * The API's query for one page of a search, `after` the cursor of the previous page; `lang`, the
 * interface language, is the one the topics' questions come in.
 */
export function searchQuery(filters: SearchFilters, lang: Language, after?: string): SearchQuery {
  const query: SearchQuery = { q: filters.q, lang, limit: SEARCH_LIMITS.pageDefault };
  if (filters.type) query.type = filters.type;
  if (filters.dialogue) query.dialogue = filters.dialogue;
  if (filters.topic) query.topic = filters.topic;
  if (filters.language) query.language = filters.language;
  if (after !== undefined) query.after = after;
  return query;
}
