import type { Comment } from '../../../../shared/comments.ts';
import { allowedActions, needsReason, type ReasonAction } from '../../../../shared/moderation.constants.ts';
import type { ModerationActionName, QueueItem, QueueResolved } from '../../../../shared/moderation.ts';
import { ApiError } from '../api.ts';
import { follow, type LiveConnection } from '../realtime-loader.ts';
import type { ConnectionState } from '../realtime.svelte.ts';
import { defaultUntil, untilIso } from '../suspension-dates.ts';

/** What became of an item this moderator acted on: it stays in place, folded, until dismissed. */
export type Outcome = { kind: 'done'; action: ModerationActionName } | { kind: 'conflict' };

export interface QueueEntry {
  item: QueueItem;
  outcome: Outcome | null;
}

export type QueueForm = ReasonAction | 'suspend';

/** What the page tells the moderator, politely, as the queue changes under them. */
export type QueueNotice =
  | { type: 'resolvedByOther'; item: QueueItem }
  | { type: 'done'; action: ModerationActionName; item: QueueItem }
  | { type: 'conflict'; item: QueueItem }
  | { type: 'suspended'; item: QueueItem; until: string }
  | { type: 'lifted'; item: QueueItem };

export interface QueueApi {
  load: () => Promise<QueueItem[]>;
  moderate: (commentId: string, action: ModerationActionName, reason?: string) => Promise<Comment>;
  suspend: (userId: string, until: string, reason: string) => Promise<{ until: string }>;
  lift: (userId: string) => Promise<void>;
}

/** What the queue needs of the page's connection: its socket, and whether it is up. */
export interface QueueConnection extends LiveConnection {
  state: ConnectionState;
}

export interface QueueOptions {
  api: QueueApi;
  /** whether the moderator moderates this dialogue (the feed may carry others) */
  canModerate: (dialogueSlug: string) => boolean;
  /** the moderator's own id: their own comments are decided by another moderator */
  viewerId?: string;
  /** new items arrived live */
  arrived?: (count: number) => void;
  notice?: (notice: QueueNotice) => void;
}

/** Oldest first: the longest-waiting item is the first to deal with. */
export function byWaiting(a: QueueEntry, b: QueueEntry): number {
  return (
    a.item.waitingSince.localeCompare(b.item.waitingSince) ||
    a.item.comment.createdAt.localeCompare(b.item.comment.createdAt) ||
    a.item.comment.id.localeCompare(b.item.comment.id)
  );
}

const isConflict = (error: unknown): boolean => error instanceof ApiError && error.status === 409 && error.code === 'already_moderated';

/**
 * The moderation queue, kept live: held and reported comments oldest first, new ones as they are
 * queued, those another moderator dealt with taken away (with a note), and this moderator's own
 * decisions folded in place so that the list does not jump under the keyboard.
 */
export class ModerationQueue {
  entries: QueueEntry[] = $state.raw([]);
  loading = $state(true);
  loadError: unknown = $state.raw();
  /** the dialogue (slug) the list is narrowed to, '' for all */
  dialogue = $state('');
  /** the item the keyboard acts on */
  selectedId: string | null = $state(null);
  /** the form open under an item, one at a time */
  form: { commentId: string; kind: QueueForm } | null = $state.raw(null);
  reason = $state('');
  /** the suspension's last day, YYYY-MM-DD */
  until = $state('');
  /** the reason was left empty when it is required */
  needsReason = $state(false);
  /** the suspension's day is missing or already over */
  needsUntil = $state(false);
  /** the request running, by comment */
  busy: string | null = $state(null);
  /** a refusal to show under its item */
  failure: { commentId: string; error: unknown } | null = $state.raw(null);
  /** participants suspended from this page, with the end of their suspension */
  suspended: Record<string, string> = $state.raw({});

  visible = $derived(this.dialogue ? this.entries.filter((entry) => entry.item.dialogueSlug === this.dialogue) : this.entries);
  /** items still waiting for a decision, in the current filter */
  waiting = $derived(this.visible.filter((entry) => entry.outcome === null).length);
  /** every item waiting, whatever the filter */
  waitingTotal = $derived(this.entries.filter((entry) => entry.outcome === null).length);
  /** the dialogues that have items, for the filter */
  slugs = $derived(
    this.entries
      .map((entry) => entry.item.dialogueSlug)
      .filter((slug, index, all) => all.indexOf(slug) === index)
      .sort(),
  );

  readonly #options: QueueOptions;
  // Requests of this page in flight: their own resolution events are not "another moderator".
  #acting: string[] = [];
  #connection: QueueConnection | null = $state.raw(null);
  #stopped = false;
  #attempt = 0;

  constructor(options: QueueOptions) {
    this.#options = options;
    void this.reload();
  }

  /** Takes in queued and resolved items as they come, and reads the queue again after each reconnection; the function returned stops. */
  follow(connection: Promise<QueueConnection>): () => void {
    const unfollow = follow(connection, { connect: this.#onConnect, 'moderation:queued': this.#onQueued, 'moderation:resolved': this.#onResolved }, (ready) => {
      this.#connection = ready;
    });
    return () => {
      this.#stopped = true;
      unfollow();
    };
  }

  /** Whether new and resolved items arrive live; 'connecting' until the connection is there at all. */
  get connectionState(): ConnectionState {
    return this.#connection?.state ?? 'connecting';
  }

  get selected(): QueueEntry | undefined {
    return this.visible.find((entry) => entry.item.comment.id === this.selectedId);
  }

  /** Reads the queue again; folded outcomes of this page are kept. */
  reload = async (): Promise<void> => {
    const attempt = ++this.#attempt;
    try {
      const items = await this.#options.api.load();
      if (attempt !== this.#attempt || this.#stopped) return;
      const loaded = items.map((item) => item.comment.id);
      const kept = this.entries.filter((entry) => entry.outcome !== null && !loaded.includes(entry.item.comment.id));
      this.entries = [...kept, ...items.filter((item) => this.#options.canModerate(item.dialogueSlug)).map((item) => ({ item, outcome: null }))].sort(
        byWaiting,
      );
      this.loadError = undefined;
    } catch (error) {
      if (attempt === this.#attempt) this.loadError = error;
    } finally {
      if (attempt === this.#attempt) this.loading = false;
    }
  };

  filter(dialogue: string): void {
    this.dialogue = dialogue;
    if (this.selectedId && !this.selected) this.selectedId = null;
  }

  select(commentId: string | null): void {
    this.selectedId = commentId;
  }

  /** Moves the selection by `delta` items, from nothing to the first; returns the item now selected. */
  move(delta: 1 | -1): string | null {
    const list = this.visible;
    if (list.length === 0) return null;
    const index = list.findIndex((entry) => entry.item.comment.id === this.selectedId);
    const next = index === -1 ? (delta === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, index + delta));
    this.selectedId = list[next]!.item.comment.id;
    return this.selectedId;
  }

  /** Which decisions fit the item: a held comment is approved or declined, a reported one kept or hidden. */
  /**
   * Whether the comment is the moderator's own, which another moderator decides on: as the
   * queue's GET says, or (for items queued live, which every moderator gets alike) by its author.
   */
  isOwn(entry: QueueEntry): boolean {
    return entry.item.own ?? (this.#options.viewerId !== undefined && entry.item.comment.author.id === this.#options.viewerId);
  }

  actionsFor(entry: QueueEntry): ModerationActionName[] {
    if (this.isOwn(entry)) return [];
    if (entry.outcome?.kind === 'done') return entry.outcome.action === 'hide' ? ['restore'] : [];
    if (entry.outcome) return [];
    return allowedActions(entry.item.comment.status, entry.item.kind === 'reported');
  }

  openForm(commentId: string, kind: QueueForm): void {
    this.form = { commentId, kind };
    this.selectedId = commentId;
    this.reason = '';
    this.needsReason = false;
    this.needsUntil = false;
    this.failure = null;
    if (kind === 'suspend' && !this.until) this.until = defaultUntil();
  }

  closeForm(): void {
    this.form = null;
    this.needsReason = false;
    this.needsUntil = false;
  }

  /** Approves or restores at once; hides and declines with the reason of the open form. */
  async act(commentId: string, action: ModerationActionName): Promise<void> {
    const entry = this.entries.find((candidate) => candidate.item.comment.id === commentId);
    if (!entry || this.busy !== null || !this.actionsFor(entry).includes(action)) return;
    const withReason = needsReason(action);
    const reason = this.reason.trim();
    if (withReason && !reason) {
      this.needsReason = true;
      return;
    }
    this.busy = commentId;
    this.failure = null;
    this.#acting = [...this.#acting, commentId];
    try {
      await this.#options.api.moderate(commentId, action, withReason ? reason : undefined);
      this.#setOutcome(commentId, { kind: 'done', action });
      this.#options.notice?.({ type: 'done', action, item: entry.item });
      if (withReason) this.closeForm();
    } catch (error) {
      if (isConflict(error)) {
        this.#setOutcome(commentId, { kind: 'conflict' });
        this.closeForm();
        this.#options.notice?.({ type: 'conflict', item: entry.item });
      } else {
        this.failure = { commentId, error };
      }
    } finally {
      this.#acting = this.#acting.filter((id) => id !== commentId);
      this.busy = null;
    }
  }

  /** Takes a folded item out of the list. */
  dismiss(commentId: string): void {
    this.#remove(commentId);
  }

  async suspendAuthor(commentId: string): Promise<void> {
    const entry = this.entries.find((candidate) => candidate.item.comment.id === commentId);
    const reason = this.reason.trim();
    const end = untilIso(this.until);
    if (!entry || this.busy !== null) return;
    this.needsReason = !reason;
    this.needsUntil = end === null;
    if (!reason || end === null) return;
    this.busy = commentId;
    this.failure = null;
    try {
      const { until } = await this.#options.api.suspend(entry.item.comment.author.id, end, reason);
      this.suspended = { ...this.suspended, [entry.item.comment.author.id]: until };
      this.closeForm();
      this.#options.notice?.({ type: 'suspended', item: entry.item, until });
    } catch (error) {
      this.failure = { commentId, error };
    } finally {
      this.busy = null;
    }
  }

  async liftSuspension(commentId: string): Promise<void> {
    const entry = this.entries.find((candidate) => candidate.item.comment.id === commentId);
    if (!entry || this.busy !== null) return;
    const authorId = entry.item.comment.author.id;
    this.busy = commentId;
    this.failure = null;
    try {
      await this.#options.api.lift(authorId);
      this.#forgetSuspension(authorId);
      this.#options.notice?.({ type: 'lifted', item: entry.item });
    } catch (error) {
      // Lifted already (elsewhere, or it ran out): what was asked for is true.
      if (error instanceof ApiError && error.code === 'not_suspended') this.#forgetSuspension(authorId);
      else this.failure = { commentId, error };
    } finally {
      this.busy = null;
    }
  }

  #forgetSuspension(authorId: string): void {
    const rest = { ...this.suspended };
    delete rest[authorId];
    this.suspended = rest;
  }

  #setOutcome(commentId: string, outcome: Outcome): void {
    this.entries = this.entries.map((entry) => (entry.item.comment.id === commentId ? { ...entry, outcome } : entry));
  }

  #remove(commentId: string): void {
    const list = this.visible;
    const index = list.findIndex((entry) => entry.item.comment.id === commentId);
    this.entries = this.entries.filter((entry) => entry.item.comment.id !== commentId);
    if (this.form?.commentId === commentId) this.closeForm();
    if (this.failure?.commentId === commentId) this.failure = null;
    // The keyboard stays where it was: on the item that took the removed one's place.
    if (this.selectedId === commentId) {
      const rest = this.visible;
      this.selectedId = rest.length === 0 ? null : rest[Math.min(index, rest.length - 1)]!.item.comment.id;
    }
  }

  // Whatever was queued or resolved while the connection was down is read again.
  #onConnect = (): void => {
    void this.reload();
  };

  #onQueued = (item: QueueItem): void => {
    if (!this.#options.canModerate(item.dialogueSlug)) return;
    const id = item.comment.id;
    const known = this.entries.some((entry) => entry.item.comment.id === id);
    const others = this.entries.filter((entry) => entry.item.comment.id !== id);
    // A new report on an item already listed updates it, and it waits again.
    this.entries = [...others, { item, outcome: null }].sort(byWaiting);
    if (!known) this.#options.arrived?.(1);
  };

  #onResolved = (resolved: QueueResolved): void => {
    const id = resolved.commentId;
    if (this.#acting.includes(id)) return;
    const entry = this.entries.find((candidate) => candidate.item.comment.id === id);
    // This page's own decisions and refusals stay folded until the moderator dismisses them.
    if (!entry || entry.outcome !== null) return;
    this.#remove(id);
    this.#options.notice?.({ type: 'resolvedByOther', item: entry.item });
  };
}
