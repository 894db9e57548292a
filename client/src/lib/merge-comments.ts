import type { Comment } from '../../../shared/comments.ts';

/**
 * A comment held for review (again) reaches readers who may not see it without its text or its
 * Markdown, which only its author and moderators get: it leaves their thread, as it is no
 * longer in what the thread's GET returns to them.
 */
const leftView = (comment: Comment): boolean => (comment.status === 'pending' || comment.status === 'declined') && comment.bodyMarkdown === undefined;

/**
 * Puts comments into a thread kept in `seq` order: a new one goes to its place, a known one is
 * replaced unless what arrived is older than what is shown (a late event after a catch-up).
 * Events and catch-up may deliver the same comment twice; it is shown once.
 */
export function mergeComments(list: readonly Comment[], incoming: readonly Comment[]): Comment[] {
  if (incoming.length === 0) return list as Comment[];
  // The common case, comments newer than all shown (a live comment, the next page): a `seq` is
  // never reused in a topic, so none of them is known yet, and a 2,000-comment thread is not
  // looked through for each.
  if (incoming.every((comment, i) => comment.seq > (i === 0 ? (list.at(-1)?.seq ?? 0) : incoming[i - 1]!.seq) && !leftView(comment))) {
    return [...list, ...incoming];
  }
  const byId = new Map(list.map((comment) => [comment.id, comment]));
  let appendOnly = true;
  let lastSeq = list.at(-1)?.seq ?? 0;
  for (const comment of incoming) {
    const known = byId.get(comment.id);
    if (known && known.changeSeq > comment.changeSeq) continue;
    if (leftView(comment)) {
      byId.delete(comment.id);
      continue;
    }
    if (known || comment.seq < lastSeq) appendOnly = false;
    byId.set(comment.id, comment);
    lastSeq = Math.max(lastSeq, comment.seq);
  }
  const merged = [...byId.values()];
  // The common case, a new comment at the end, keeps insertion order and needs no sort.
  return appendOnly ? merged : merged.sort((a, b) => a.seq - b.seq);
}

/** Where a client stands in a thread: what `topic:join` needs to send back only what it lacks. */
export function cursorOf(list: readonly Comment[]): { afterSeq: number; afterChange: number } {
  let afterSeq = 0;
  let afterChange = 0;
  for (const comment of list) {
    afterSeq = Math.max(afterSeq, comment.seq);
    afterChange = Math.max(afterChange, comment.changeSeq);
  }
  return { afterSeq, afterChange };
}
