import type { Comment } from '../../../shared/comments.ts';
import { getJson } from './api.ts';
import type { PracticeSource } from './state/practice-draft.svelte.ts';

// A comment turned into a good practice: its "Submit as a good practice" link opens the form at
// `/practices/new?comment=ID`, which reads the comment (GET /api/comments/:id) to draw the
// practice from it, in this tab or any other.

/** A comment's words as plain paragraphs: what a sanitized comment says, without its markup. */
function plainText(html: string): string {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  return [...body.children]
    .map((block) => (block.textContent ?? '').trim())
    .filter((text) => text !== '')
    .join('\n\n');
}

/** The comment to draw a practice from, or null when the reader cannot read it (any more). */
export async function commentSource(commentId: string): Promise<PracticeSource | null> {
  try {
    const comment = await getJson<Comment>(`/api/comments/${encodeURIComponent(commentId)}`);
    if (comment.status !== 'published') return null;
    return { commentId: comment.id, topicId: comment.topicId, language: comment.language, text: comment.bodyMarkdown ?? plainText(comment.bodyHtml) };
  } catch {
    return null;
  }
}
