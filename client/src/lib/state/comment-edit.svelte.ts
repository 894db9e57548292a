import type { Comment } from '../../../../shared/comments.ts';
import { MarkdownDraft } from './markdown-draft.svelte.ts';

/**
 * The author rewording their comment in place, with the same preview as when it was written.
 * Saving the text as it was sends nothing: the comment is not marked "edited" for it.
 */
export class CommentEdit extends MarkdownDraft {
  readonly comment: Comment;
  saving = $state(false);
  error: unknown = $state.raw();
  readonly #save: (id: string, body: string) => Promise<Comment>;

  constructor(comment: Comment, save: (id: string, body: string) => Promise<Comment>, render: (body: string) => Promise<string>) {
    super(render, comment.bodyMarkdown ?? '');
    this.comment = comment;
    this.#save = save;
  }

  /** Whether the text is the comment's own, unchanged. */
  get unchanged(): boolean {
    return this.body === (this.comment.bodyMarkdown ?? '');
  }

  /** The comment as edited (as it was, when unchanged), or null when the edit was refused (see `error`). */
  async submit(): Promise<Comment | null> {
    if (this.saving || this.blank || this.tooLong) return null;
    if (this.unchanged) return this.comment;
    this.saving = true;
    this.error = undefined;
    try {
      return await this.#save(this.comment.id, this.body);
    } catch (error) {
      this.error = error;
      return null;
    } finally {
      this.saving = false;
    }
  }
}
