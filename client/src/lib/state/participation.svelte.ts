import type { Comment } from '../../../../shared/comments.ts';
import { EDIT_WINDOW_MINUTES } from '../../../../shared/comments.constants.ts';
import type { Language } from '../../../../shared/common.ts';
import type { Dialogue, Topic } from '../../../../shared/dialogues.ts';
import type { User } from '../../../../shared/users.ts';
import { editComment, postComment, previewComment, reportComment, withdrawComment } from '../api.ts';
import { drafts } from '../drafts.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { clock } from './clock.svelte.ts';
import { CommentEdit } from './comment-edit.svelte.ts';
import { Composer } from './composer.svelte.ts';
import type { LiveTopic } from './live-topic.svelte.ts';
import { ReportForm } from './report-form.svelte.ts';
import type { Announcer } from './announcer.svelte.ts';

/**
 * Why the reader cannot write here ('checking': whether they are signed in is not known yet;
 * 'unverified': the dialogue asks for a confirmed e-mail address), or null when they can.
 */
export type WriteBlock = 'checking' | 'signedOut' | 'notOpen' | 'closed' | 'locked' | 'suspended' | 'unverified' | null;

export interface ParticipationContext {
  topicId: string;
  live: LiveTopic;
  announcer: Announcer;
  dialogue: () => Dialogue;
  topic: () => Topic;
  user: () => User | null;
  /** whether the session check answered: until then a participant looks like a visitor */
  userKnown: () => boolean;
  /** tells the others in the topic that the reader is writing */
  typing: () => void;
}

/** The comment's language by default: the interface language when the dialogue speaks it. */
function defaultLanguage(languages: readonly Language[]): Language {
  return languages.includes(i18n.locale) ? i18n.locale : (languages[0] ?? i18n.locale);
}

/**
 * What a participant does on a topic page: write a comment, answer one, edit or withdraw their
 * own within the edit window, report someone else's. One reply, one edit and one report form are
 * open at a time; the server decides in the end, and its refusals are shown where they happened.
 */
export class Participation {
  /** the comment being answered, with its own draft */
  reply: Composer | null = $state.raw(null);
  editing: CommentEdit | null = $state.raw(null);
  reporting: ReportForm | null = $state.raw(null);
  /** the comment whose withdrawal waits for the author's confirmation */
  confirmingWithdraw: string | null = $state(null);
  /** a withdrawal the server refused, shown on its comment */
  withdrawFailure: { commentId: string; error: unknown } | null = $state.raw(null);

  block: WriteBlock = $derived.by(() => {
    const user = this.#context.user();
    const dialogue = this.#context.dialogue();
    // The clock, not the status read on arrival: a page left open sees the dialogue open and close.
    if (clock.now < Date.parse(dialogue.opensAt)) return 'notOpen';
    if (clock.now >= Date.parse(dialogue.closesAt)) return 'closed';
    if (this.#context.topic().locked) return 'locked';
    if (!user) return this.#context.userKnown() ? 'signedOut' : 'checking';
    if (user.suspendedUntil && Date.parse(user.suspendedUntil) > clock.now) return 'suspended';
    // The dialogue's moderators are not asked (the server decides alike).
    if (dialogue.requireVerifiedEmail && !user.emailVerified && !user.moderates?.includes(dialogue.slug)) return 'unverified';
    return null;
  });

  readonly #context: ParticipationContext;
  #topLevel: Composer | undefined;

  // Built before the topic is loaded: nothing here reads it until the page shows it.
  constructor(context: ParticipationContext) {
    this.#context = context;
  }

  /** The composer of a new comment in the topic, below the discussion. */
  get composer(): Composer {
    this.#topLevel ??= this.#composer(null);
    return this.#topLevel;
  }

  get languages(): Language[] {
    return this.#context.dialogue().languages;
  }

  get suspendedUntil(): string | null {
    return this.#context.user()?.suspendedUntil ?? null;
  }

  isOwn(comment: Comment): boolean {
    return comment.author.id === this.#context.user()?.id;
  }

  canReply(comment: Comment): boolean {
    return this.block === null && comment.status === 'published';
  }

  /** Edit and withdraw: the author's own comment, while the edit window lasts. */
  canChange(comment: Comment): boolean {
    return (
      this.block === null &&
      this.isOwn(comment) &&
      (comment.status === 'published' || comment.status === 'pending') &&
      Date.parse(comment.createdAt) + (this.#context.dialogue().editWindowMinutes ?? EDIT_WINDOW_MINUTES) * 60_000 > clock.now
    );
  }

  canReport(comment: Comment): boolean {
    const user = this.#context.user();
    return user !== null && comment.author.id !== user.id && comment.status === 'published';
  }

  /** Posts the composer's draft and shows the comment at once; the live event merges into it. */
  async post(composer: Composer): Promise<Comment | null> {
    const posted = await composer.submit();
    if (!posted) return null;
    this.#context.live.add(posted.comment);
    this.#context.announcer.say(i18n.t(posted.pending ? 'composer.sentPending' : 'composer.sent'));
    if (composer === this.reply) this.reply = null;
    return posted.comment;
  }

  openReply(comment: Comment): void {
    if (this.reply?.parent?.id === comment.id) return;
    this.reply?.dispose();
    this.reply = this.#composer(comment);
  }

  /** Closes the reply; what was written stays saved as the draft of that reply. */
  closeReply(): void {
    this.reply?.dispose();
    this.reply = null;
  }

  startEdit(comment: Comment): void {
    this.editing?.dispose();
    this.editing = new CommentEdit(comment, editComment, (body) => previewComment(body, this.#context.topicId));
  }

  cancelEdit(): void {
    this.editing?.dispose();
    this.editing = null;
  }

  /** Saves the edit and closes the editor; an unchanged text just closes it, saying nothing changed. */
  async saveEdit(): Promise<Comment | null> {
    const edit = this.editing;
    const unchanged = edit?.unchanged ?? false;
    const comment = await edit?.submit();
    if (!edit || !comment) return null;
    if (!unchanged) this.#context.live.add(comment);
    if (this.editing === edit) this.cancelEdit();
    this.#context.announcer.say(i18n.t(unchanged ? 'comment.editUnchanged' : 'comment.editSaved'));
    return comment;
  }

  askWithdraw(comment: Comment): void {
    this.confirmingWithdraw = comment.id;
    this.withdrawFailure = null;
  }

  cancelWithdraw(): void {
    this.confirmingWithdraw = null;
  }

  async withdraw(comment: Comment): Promise<boolean> {
    this.confirmingWithdraw = null;
    try {
      await withdrawComment(comment.id);
    } catch (error) {
      this.withdrawFailure = { commentId: comment.id, error };
      return false;
    }
    // The placeholder shows at once; the live event, with a later changeSeq, replaces it.
    this.#context.live.add({ ...comment, status: 'withdrawn', bodyHtml: '' });
    this.#context.announcer.say(i18n.t('comment.withdrawDone'));
    return true;
  }

  openReport(comment: Comment): void {
    this.reporting = new ReportForm(comment.id, reportComment);
  }

  closeReport(): void {
    this.reporting = null;
  }

  #composer(parent: Comment | null): Composer {
    return new Composer({
      topicId: this.#context.topicId,
      parent,
      language: defaultLanguage(this.#context.dialogue().languages),
      post: postComment,
      render: (body) => previewComment(body, this.#context.topicId),
      typing: this.#context.typing,
      drafts,
    });
  }
}
