import type { Comment } from '../../../../shared/comments.ts';
import type { Topic } from '../../../../shared/dialogues.ts';
import { allowedActions, needsReason, type ReasonAction } from '../../../../shared/moderation.constants.ts';
import type { ModerationActionName } from '../../../../shared/moderation.ts';

export type ThreadAction = ModerationActionName | 'edit';
export type ThreadForm = ReasonAction | 'edit';

/** What the moderator's decisions need from the page: the requests, and where their results go. */
export interface ThreadModerationOptions {
  /** whether the reader moderates this topic's dialogue, as far as the client knows */
  allowed: () => boolean;
  moderate: (commentId: string, action: ModerationActionName, reason?: string) => Promise<Comment>;
  editWithNote: (commentId: string, body: string, note: string) => Promise<Comment>;
  setLocked: (topicId: string, locked: boolean) => Promise<Topic>;
  /** shows a comment as the server now has it, before its live event comes back */
  show: (comment: Comment) => void;
  /** shows the topic as the server now has it */
  showTopic: (topic: Topic) => void;
  /** says what happened, politely */
  announce: (what: { action: ThreadAction | 'lock' | 'unlock' }) => void;
}

/**
 * A moderator's tools in a topic: hide (with a reason) or restore a comment, approve or decline
 * one that waits, correct one with a note readers see, and lock or unlock the topic. One form is
 * open at a time; the server decides, and refusals are shown where they happened.
 */
export class ThreadModeration {
  form: { commentId: string; kind: ThreadForm } | null = $state.raw(null);
  reason = $state('');
  body = $state('');
  note = $state('');
  needsReason = $state(false);
  needsNote = $state(false);
  needsBody = $state(false);
  busy: string | null = $state(null);
  failure: { commentId: string; error: unknown } | null = $state.raw(null);
  locking = $state(false);
  lockError: unknown = $state.raw();

  readonly #options: ThreadModerationOptions;

  constructor(options: ThreadModerationOptions) {
    this.#options = options;
  }

  get allowed(): boolean {
    return this.#options.allowed();
  }

  actionsFor(comment: Comment): ThreadAction[] {
    if (!this.allowed) return [];
    const pending = comment.status === 'pending';
    // A held comment is declined here rather than hidden: hiding one that never showed is the queue's business.
    const decisions = allowedActions(comment.status).filter((action) => !(pending && action === 'hide'));
    return pending || comment.status === 'published' ? [...decisions, 'edit'] : decisions;
  }

  openForm(comment: Comment, kind: ThreadForm): void {
    this.form = { commentId: comment.id, kind };
    this.reason = '';
    this.note = '';
    this.body = kind === 'edit' ? (comment.bodyMarkdown ?? '') : '';
    this.needsReason = this.needsNote = this.needsBody = false;
    this.failure = null;
  }

  closeForm(): void {
    this.form = null;
  }

  /** Approves or restores at once; hides and declines with the open form's reason. Whether it was done. */
  async act(comment: Comment, action: ModerationActionName): Promise<boolean> {
    const withReason = needsReason(action);
    const reason = this.reason.trim();
    this.needsReason = withReason && !reason;
    if (this.needsReason || this.busy !== null) return false;
    return this.#run(comment.id, action, () => this.#options.moderate(comment.id, action, withReason ? reason : undefined));
  }

  async saveEdit(comment: Comment): Promise<boolean> {
    const body = this.body;
    const note = this.note.trim();
    this.needsBody = body.trim() === '';
    this.needsNote = note === '';
    if (this.needsBody || this.needsNote || this.busy !== null) return false;
    return this.#run(comment.id, 'edit', () => this.#options.editWithNote(comment.id, body, note));
  }

  async setLocked(topic: Topic, locked: boolean): Promise<void> {
    if (this.locking) return;
    this.locking = true;
    this.lockError = undefined;
    try {
      this.#options.showTopic(await this.#options.setLocked(topic.id, locked));
      this.#options.announce({ action: locked ? 'lock' : 'unlock' });
    } catch (error) {
      this.lockError = error;
    } finally {
      this.locking = false;
    }
  }

  async #run(commentId: string, action: ThreadAction, request: () => Promise<Comment>): Promise<boolean> {
    this.busy = commentId;
    this.failure = null;
    try {
      this.#options.show(await request());
      this.form = null;
      this.#options.announce({ action });
      return true;
    } catch (error) {
      // Shown (and announced, as an alert) under the comment: "another moderator already did" included.
      this.failure = { commentId, error };
      return false;
    } finally {
      this.busy = null;
    }
  }
}
