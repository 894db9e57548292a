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
 */
export function buildThreads(comments: readonly Comment[], previous: readonly Thread[] = []): Thread[] {
  const threads = groupThreads(comments);
  if (previous.length === 0) return threads;
  const before = new Map(previous.map((thread) => [thread.comment.id, thread]));
  return threads.map((thread) => {
    const old = before.get(thread.comment.id);
    return old && sameThread(old, thread) ? old : thread;
  });
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
