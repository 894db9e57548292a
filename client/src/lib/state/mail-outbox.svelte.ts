import type { MailStatus } from '../../../../shared/mail.constants.ts';
import type { OutboxItem } from '../../../../shared/mail.ts';
import { PagedList } from './paged-list.svelte.ts';
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
export class MailOutbox extends PagedList<OutboxItem, OutboxList> {
  status: MailStatus | '' = $state('');
  counts: OutboxCounts | null = $state.raw(null);
  /** the message being queued again */
  busy: string | null = $state(null);
  /** the message last queued again, to announce */
  retried: OutboxItem | null = $state.raw(null);
  /** a refused retry, shown with its message */
  failure: { id: string; error: unknown } | null = $state.raw(null);

  readonly #api: OutboxApi;

  constructor(api: OutboxApi) {
    super();
    this.#api = api;
    void this.load();
  }

  /** Shows the messages of one status ('' for all) from the newest. */
  filter(status: MailStatus | ''): void {
    this.status = status;
    void this.load();
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

  protected fetchPage(after: string | undefined): Promise<OutboxList> {
    return this.#api.list({ ...this.#query(), ...(after === undefined ? {} : { after }) });
  }

  protected override took(page: OutboxList): void {
    this.counts = page.counts;
  }

  #query(): OutboxQuery {
    return { limit: OUTBOX_PAGE_SIZE, ...(this.status ? { status: this.status } : {}) };
  }
}
