import type { Comment } from '../../../shared/comments.ts';

/** A top-level comment and its replies (one level: a reply to a reply joins the same sub-thread). */
export interface Thread {
  comment: Comment;
  replies: Comment[];
}

const sameThread = (a: Thread, b: Thread): boolean =>
  a.comment === b.comment && a.replies.length === b.replies.length && a.replies.every((reply, i) => reply === b.replies[i]);

/**
 * Threads in posting order; a reply whose parent is not in the list stands on its own. A thread
 * whose comments did not change is the very object of `previous`: a keyed list then leaves its
 * nodes alone entirely, and a comment arriving in a long topic costs one thread, not all of them.
 * `previousComments`, what `previous` was built from: when `comments` only adds to its end, the
 * threads are not grouped again.
 */
export function buildThreads(comments: readonly Comment[], previous: readonly Thread[] = [], previousComments?: readonly Comment[]): Thread[] {
  if (previousComments && previous.length > 0 && extendsList(comments, previousComments)) {
    return appendToThreads(previous, comments.slice(previousComments.length));
  }
  const threads = groupThreads(comments);
  if (previous.length === 0) return threads;
  const before = new Map(previous.map((thread) => [thread.comment.id, thread]));
  return threads.map((thread) => {
    const old = before.get(thread.comment.id);
    return old && sameThread(old, thread) ? old : thread;
  });
}

/** Whether `comments` is `before` (the very objects, in order) with comments added at the end. */
function extendsList(comments: readonly Comment[], before: readonly Comment[]): boolean {
  if (comments.length < before.length) return false;
  for (let i = 0; i < before.length; i++) if (comments[i] !== before[i]) return false;
  return true;
}

/**
 * Comments posted after all the others (a live comment) join the threads as grouping them all
 * again would put them, and only the threads they join change: a reply usually answers a recent
 * thread, looked for from the end.
 */
function appendToThreads(previous: readonly Thread[], added: readonly Comment[]): Thread[] {
  const threads = [...previous];
  for (const comment of added) {
    const at = comment.parentId === null ? -1 : threads.findLastIndex((thread) => thread.comment.id === comment.parentId);
    if (at === -1) {
      threads.push({ comment, replies: [] });
      continue;
    }
    const thread = threads[at]!;
    threads[at] = { comment: thread.comment, replies: [...thread.replies, comment] };
  }
  return threads;
}

function groupThreads(comments: readonly Comment[]): Thread[] {
  const ordered = [...comments].sort((a, b) => a.seq - b.seq);
  const byId = new Map<string, Thread>();
  const threads: Thread[] = [];
  for (const comment of ordered) {
    const parent = comment.parentId === null ? undefined : byId.get(comment.parentId);
    if (parent) {
      parent.replies.push(comment);
      continue;
    }
    const thread = { comment, replies: [] };
    byId.set(comment.id, thread);
    threads.push(thread);
  }
  return threads;
}
