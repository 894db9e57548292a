import type { Thread } from './threads.ts';

/** Oldest first (posting order, the default) or newest first, by the sub-thread's first comment. */
export type ThreadOrder = 'oldest' | 'newest';
export const THREAD_ORDERS: readonly ThreadOrder[] = ['oldest', 'newest'];

/** Sub-threads with more replies than this start collapsed ("Show 12 replies"); shorter ones open. */
export const COLLAPSE_ABOVE = 4;

export const parseOrder = (value: string | null): ThreadOrder => (value === 'newest' ? 'newest' : 'oldest');

/** The threads in the order the reader chose; replies stay in posting order inside each. */
export function orderThreads(threads: readonly Thread[], order: ThreadOrder): readonly Thread[] {
  return order === 'oldest' ? threads : [...threads].reverse();
}

export const openByDefault = (thread: Thread): boolean => thread.replies.length <= COLLAPSE_ABOVE;

export interface CommentPlace {
  /** the index of its sub-thread */
  index: number;
  /** whether it is one of the replies (shown only while the sub-thread is open) */
  reply: boolean;
}

/** Where a comment stands among the threads, or null when they do not hold it. */
export function placeOf(threads: readonly Thread[], commentId: string): CommentPlace | null {
  for (let index = 0; index < threads.length; index++) {
    const thread = threads[index]!;
    if (thread.comment.id === commentId) return { index, reply: false };
    if (thread.replies.some((reply) => reply.id === commentId)) return { index, reply: true };
  }
  return null;
}

/**
 * How much of a thread shows, in comments, for guessing its height before it is rendered: the
 * first comment, the replies when open, and the button that opens or closes them.
 */
export const threadWeight = (thread: Thread, open: boolean): number => 1 + (thread.replies.length === 0 ? 0 : open ? thread.replies.length + 0.25 : 0.25);
