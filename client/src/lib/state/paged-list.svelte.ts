/** One page of a list read by cursor, as the API answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list read a page at a time, newest first: the first page again when the filters change (an
 * answer to an earlier request is dropped), then the next ones appended on demand. A subclass says
 * how a page is fetched and what else it takes from one (counts, names seen).
 */
export abstract class PagedList<T extends { id: string }, P extends Page<T> = Page<T>> {
  items: T[] = $state.raw([]);
  nextCursor: string | null = $state(null);
  loading = $state(true);
  loadingMore = $state(false);
  error: unknown = $state.raw();
  moreError: unknown = $state.raw();

  #attempt = 0;

  /** The page after `after`, or the first one, under the current filters. */
  protected abstract fetchPage(after: string | undefined): Promise<P>;

  /** What a subclass keeps from each page besides its items. */
  protected took(page: P): void {
    void page;
  }

  /** Reads the first page again. */
  load = async (): Promise<void> => {
    const attempt = ++this.#attempt;
    this.loading = true;
    this.error = undefined;
    this.moreError = undefined;
    try {
      const page = await this.fetchPage(undefined);
      if (attempt !== this.#attempt) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.took(page);
    } catch (error) {
      if (attempt === this.#attempt) this.error = error;
    } finally {
      if (attempt === this.#attempt) this.loading = false;
    }
  };

  /** Appends the next page; returns the first item it added, for the focus to go to. */
  async more(): Promise<T | null> {
    if (this.nextCursor === null || this.loadingMore) return null;
    const attempt = this.#attempt;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await this.fetchPage(this.nextCursor);
      if (attempt !== this.#attempt) return null;
      // An item seen on an earlier page (it changed between the two reads) is not listed twice.
      const known = this.items.map((item) => item.id);
      const added = page.items.filter((item) => !known.includes(item.id));
      this.items = [...this.items, ...added];
      this.nextCursor = page.nextCursor;
      this.took(page);
      return added[0] ?? null;
    } catch (error) {
      if (attempt === this.#attempt) this.moreError = error;
      return null;
    } finally {
      this.loadingMore = false;
    }
  }

  /** Drops any answer still on its way (the view is gone). */
  stop(): void {
    this.#attempt++;
  }
}
