import type { SearchQuery, SearchResults } from '../../../shared/search.ts';
import { getJson } from './api.ts';

// The search page's one request. Kept apart from api.ts: only the lazily loaded search page uses it.

/** One page of the visible comments, quotes and good practices matching `query`, best first. */
export function search(query: SearchQuery): Promise<SearchResults> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return getJson(`/api/search?${params}`);
}
