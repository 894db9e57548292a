import type { Comment } from '../../../shared/comments.ts';
import type { Thread } from './threads.ts';

export interface NewSinceLastVisit {
  count: number;
  /** the first of them as the page shows them, where the "new since your last visit" line goes */
  firstId: string;
}

/**
 * The comments by others that came after where the reader left off and were there when they
 * arrived (those arriving while the page is open are announced live instead); null when there
 * are none, or the reader never opened the topic before.
 */
export function newSinceLastVisit(
  threads: readonly Thread[],
  lastReadSeq: number | null,
  arrivalSeq: number | null,
  readerId: string | null,
): NewSinceLastVisit | null {
  if (lastReadSeq === null || arrivalSeq === null) return null;
  const isNew = (comment: Comment): boolean =>
    comment.seq > lastReadSeq && comment.seq <= arrivalSeq && comment.status === 'published' && comment.author.id !== readerId;
  let count = 0;
  let firstId: string | null = null;
  for (const { comment, replies } of threads) {
    for (const shown of [comment, ...replies]) {
      if (!isNew(shown)) continue;
      count++;
      firstId ??= shown.id;
    }
  }
  return firstId === null ? null : { count, firstId };
}
