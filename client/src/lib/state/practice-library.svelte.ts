import type { Practice, PracticeList, PracticeListQuery, PracticeStats, PracticeStatsQuery } from '../../../../shared/practices.ts';
import { filterQuery, NO_FILTERS, searchOfFilters, type PracticeFilters } from '../practice-filters.ts';
import { PagedList } from './paged-list.svelte.ts';

export interface PracticeLibraryApi {
  list: (query: PracticeListQuery) => Promise<PracticeList>;
  stats: (query: PracticeStatsQuery) => Promise<PracticeStats>;
}

export const PRACTICE_PAGE_SIZE = 20;

/**
 * The library of good practices under the filters of the address: the published practices a page
 * at a time, newest first, and their counts (how many, by continent). `show` follows a new
 * address; what an earlier one asked for and answers late is dropped.
 */
export class PracticeLibrary extends PagedList<Practice> {
  filters: PracticeFilters = $state.raw(NO_FILTERS);
  stats: PracticeStats | undefined = $state.raw();
  statsError: unknown = $state.raw();

  readonly #api: PracticeLibraryApi;
  #statsAttempt = 0;

  constructor(api: PracticeLibraryApi, filters: PracticeFilters) {
    super();
    this.#api = api;
    this.filters = filters;
    void this.#reload();
  }

  /** Shows the practices under other filters; the same filters again change nothing. */
  show(filters: PracticeFilters): void {
    if (searchOfFilters(filters) === searchOfFilters(this.filters)) return;
    this.filters = filters;
    void this.#reload();
  }

  reloadStats = async (): Promise<void> => {
    const attempt = ++this.#statsAttempt;
    this.statsError = undefined;
    try {
      const stats = await this.#api.stats(filterQuery(this.filters));
      if (attempt === this.#statsAttempt) this.stats = stats;
    } catch (error) {
      if (attempt === this.#statsAttempt) this.statsError = error;
    }
  };

  override stop(): void {
    this.#statsAttempt++;
    super.stop();
  }

  protected fetchPage(after: string | undefined): Promise<PracticeList> {
    return this.#api.list({
      ...filterQuery(this.filters),
      // Published only, as the counts: a moderator would otherwise see every practice they moderate.
      status: 'published',
      limit: PRACTICE_PAGE_SIZE,
      ...(after === undefined ? {} : { after }),
    });
  }

  async #reload(): Promise<void> {
    await Promise.all([this.load(), this.reloadStats()]);
  }
}
