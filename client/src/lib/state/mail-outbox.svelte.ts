import type { MailStatus } from '../../../../shared/mail.constants.ts';
import type { OutboxItem } from '../../../../shared/mail.ts';
import type { OutboxCounts, OutboxList, OutboxQuery } from '../../../../shared/outbox.ts';

export interface OutboxApi {
  list: (query: OutboxQuery) => Promise<OutboxList>;
  retry: (id: string) => Promise<OutboxItem>;
}

export const OUTBOX_PAGE_SIZE = 50;

/**
 * The organizers' view of the outbox: the messages of one status (or all), newest first, a page at
 * a time, with how many are in each status; and a failed message queued again, one at a time.
 */
export class MailOutbox {
  status: MailStatus | '' = $state('');
  items: OutboxItem[] = $state.raw([]);
  counts: OutboxCounts | null = $state.raw(null);
  nextCursor: string | null = $state(null);
  loading = $state(true);
  loadingMore = $state(false);
  error: unknown = $state.raw();
  moreError: unknown = $state.raw();
  /** the message being queued again */
  busy: string | null = $state(null);
  /** the message last queued again, to announce */
  retried: OutboxItem | null = $state.raw(null);
  /** a refused retry, shown with its message */
  failure: { id: string; error: unknown } | null = $state.raw(null);

  readonly #api: OutboxApi;
  #attempt = 0;

  constructor(api: OutboxApi) {
    this.#api = api;
    void this.load();
  }

  /** Shows the messages of one status ('' for all) from the newest. */
  filter(status: MailStatus | ''): void {
    this.status = status;
    void this.load();
  }

  /** Reads the first page again; an answer to an earlier request is dropped. */
  load = async (): Promise<void> => {
    const attempt = ++this.#attempt;
    this.loading = true;
    this.error = undefined;
    this.moreError = undefined;
    try {
      const page = await this.#api.list(this.#query());
      if (attempt !== this.#attempt) return;
      this.items = page.items;
      this.counts = page.counts;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      if (attempt === this.#attempt) this.error = error;
    } finally {
      if (attempt === this.#attempt) this.loading = false;
    }
  };

  /** Appends the next page; the first message it added, for the focus to go to. */
  async more(): Promise<OutboxItem | null> {
    if (this.nextCursor === null || this.loadingMore) return null;
    const attempt = this.#attempt;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await this.#api.list({ ...this.#query(), after: this.nextCursor });
      if (attempt !== this.#attempt) return null;
      const known = this.items.map((item) => item.id);
      const added = page.items.filter((item) => !known.includes(item.id));
      this.items = [...this.items, ...added];
      this.counts = page.counts;
      this.nextCursor = page.nextCursor;
      return added[0] ?? null;
    } catch (error) {
      if (attempt === this.#attempt) this.moreError = error;
      return null;
    } finally {
      this.loadingMore = false;
    }
  }

  /** Queues a failed message again; it stays in the list with its new status. */
  async retry(item: OutboxItem): Promise<void> {
    if (this.busy !== null) return;
    this.busy = item.id;
    this.failure = null;
    this.retried = null;
    try {
      const queued = await this.#api.retry(item.id);
      this.items = this.items.map((candidate) => (candidate.id === queued.id ? queued : candidate));
      if (this.counts) this.counts = { ...this.counts, failed: Math.max(0, this.counts.failed - 1), queued: this.counts.queued + 1 };
      this.retried = queued;
    } catch (error) {
      this.failure = { id: item.id, error };
    } finally {
      this.busy = null;
    }
  }

  stop(): void {
    this.#attempt++;
  }

  #query(): OutboxQuery {
    return { limit: OUTBOX_PAGE_SIZE, ...(this.status ? { status: this.status } : {}) };
  }
}
