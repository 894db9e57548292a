import type { Comment } from '../../../shared/comments.ts';

/** A top-level comment and its replies (one level: a reply to a reply joins the same sub-thread). */
export interface Thread {
  comment: Comment;
  replies: Comment[];
}

/** Threads in posting order; a reply whose parent is not in the list stands on its own. */
export function buildThreads(comments: readonly Comment[]): Thread[] {
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
