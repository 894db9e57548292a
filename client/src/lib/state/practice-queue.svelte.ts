import type { PracticeAction } from '../../../../shared/practices.constants.ts';
import type { Practice, PracticeList, PracticeListQuery } from '../../../../shared/practices.ts';
import { PagedList } from './paged-list.svelte.ts';

export const PRACTICE_QUEUE_PAGE_SIZE = 50;

/** What the queue says once a practice has been decided on (it then leaves the list). */
export interface PracticeDecision {
  title: string;
  action: PracticeAction;
}

/**
 * The good practices waiting for a moderator: the submitted ones the reader may decide on, a page
 * at a time. A practice decided on leaves the list, and the decision is kept to be said.
 */
export class PracticeQueue extends PagedList<Practice> {
  last: PracticeDecision | null = $state.raw(null);
  readonly #list: (query: PracticeListQuery) => Promise<PracticeList>;

  constructor(list: (query: PracticeListQuery) => Promise<PracticeList>) {
    super();
    this.#list = list;
    void this.load();
  }

  /**
   * The practices the reader may decide on (a submitter sees their own too), the longest-waiting
   * first, as the comments: a resubmitted practice waits since it was changed.
   */
  get waiting(): Practice[] {
    return this.items
      .filter((practice) => practice.canModerate && practice.status === 'submitted')
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
  }

  decided(practice: Practice, action: PracticeAction): void {
    this.items = this.items.filter((item) => item.id !== practice.id);
    this.last = { title: practice.title, action };
  }

  protected fetchPage(after: string | undefined): Promise<PracticeList> {
    return this.#list({ status: 'submitted', limit: PRACTICE_QUEUE_PAGE_SIZE, ...(after === undefined ? {} : { after }) });
  }
}
