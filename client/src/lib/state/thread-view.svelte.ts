import { openByDefault, orderThreads, parseOrder, type ThreadOrder } from '../thread-layout.ts';
import type { Thread } from '../threads.ts';

const ORDER_KEY = 'vd.threadOrder';

interface OrderStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

// Storage can be unavailable (privacy modes, tests outside a browser): the choice then lasts the visit.
const storage = (): OrderStorage | undefined => (globalThis as { localStorage?: OrderStorage }).localStorage;

function savedOrder(): ThreadOrder {
  try {
    return parseOrder(storage()?.getItem(ORDER_KEY) ?? null);
  } catch {
    return 'oldest';
  }
}

/**
 * How the reader looks at a topic's thread: in which order, which sub-threads are open, which
 * comment a link points at, and which comment to bring into view next.
 */
export class ThreadView {
  /** remembered per browser */
  order: ThreadOrder = $state(savedOrder());
  /** the comment a link points at (`?c=`): highlighted */
  target: string | null = $state(null);
  /** a comment to bring into view and focus as soon as the thread holds it */
  request: string | null = $state(null);
  /** a linked comment the thread does not hold once read in full (withdrawn from view, hidden, never there) */
  missing: string | null = $state(null);
  ordered: readonly Thread[] = $derived.by(() => orderThreads(this.#threads(), this.order));

  /** the sub-threads the reader opened or closed */
  #choices: Record<string, boolean> = $state.raw({});
  /** the others' state, fixed once the thread is read in full: a reply arriving never folds a sub-thread away under the reader */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- filled while deriving, never a dependency: deliberately not state
  readonly #defaults = new Map<string, boolean>();
  readonly #threads: () => readonly Thread[];
  readonly #complete: () => boolean;

  constructor(threads: () => readonly Thread[], complete: () => boolean) {
    this.#threads = threads;
    this.#complete = complete;
  }

  isOpen(thread: Thread): boolean {
    const id = thread.comment.id;
    const open = this.#choices[id] ?? this.#defaults.get(id);
    if (open !== undefined) return open;
    const byDefault = openByDefault(thread);
    if (this.#complete()) this.#defaults.set(id, byDefault);
    return byDefault;
  }

  toggle(thread: Thread): void {
    this.#choices = { ...this.#choices, [thread.comment.id]: !this.isOpen(thread) };
  }

  /** Opens a sub-thread (one with a linked comment, or one the reader answers). */
  open(threadId: string): void {
    if (this.#choices[threadId] !== true) this.#choices = { ...this.#choices, [threadId]: true };
  }

  setOrder(order: ThreadOrder): void {
    this.order = order;
    try {
      storage()?.setItem(ORDER_KEY, order);
    } catch {
      // see savedOrder
    }
  }

  /** The page's link points at this comment (or at none): highlight it and bring it into view. */
  show(commentId: string | null): void {
    this.target = commentId;
    this.missing = null;
    this.request = commentId;
  }

  /** Brings a comment into view and gives it the focus ("jump to first unread"). */
  jump(commentId: string): void {
    this.request = commentId;
  }

  /** The comment requested is not in the thread read in full. */
  notFound(commentId: string): void {
    if (this.request === commentId) this.request = null;
    if (this.target === commentId) this.missing = commentId;
  }
}
