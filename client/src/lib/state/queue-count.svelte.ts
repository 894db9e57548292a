import type { QueueItem, QueueResolved } from '../../../../shared/moderation.ts';
import { follow, type LiveConnection } from '../realtime-loader.ts';

/** How many comments wait for this moderator, kept live for the link in the header. */
export class QueueCount {
  #ids: readonly string[] = $state.raw([]);
  count = $derived(this.#ids.length);

  readonly #load: () => Promise<QueueItem[]>;
  readonly #canModerate: (dialogueSlug: string) => boolean;
  #stopped = false;
  #attempt = 0;

  constructor(load: () => Promise<QueueItem[]>, canModerate: (dialogueSlug: string) => boolean) {
    this.#load = load;
    this.#canModerate = canModerate;
    void this.#reload();
  }

  /** Counts queued and resolved items as they come, and again after each reconnection; the function returned stops. */
  follow(connection: Promise<LiveConnection>): () => void {
    const unfollow = follow(connection, { connect: this.#reload, 'moderation:queued': this.#onQueued, 'moderation:resolved': this.#onResolved });
    return () => {
      this.#stopped = true;
      unfollow();
    };
  }

  // A count that cannot be read stays as it was: it is a convenience, the queue page says more.
  #reload = async (): Promise<void> => {
    const attempt = ++this.#attempt;
    const items = await this.#load().catch(() => null);
    if (items && attempt === this.#attempt && !this.#stopped) {
      this.#ids = items.filter((item) => this.#canModerate(item.dialogueSlug)).map((item) => item.comment.id);
    }
  };

  #onQueued = (item: QueueItem): void => {
    if (this.#canModerate(item.dialogueSlug) && !this.#ids.includes(item.comment.id)) this.#ids = [...this.#ids, item.comment.id];
  };

  #onResolved = (resolved: QueueResolved): void => {
    this.#ids = this.#ids.filter((id) => id !== resolved.commentId);
  };
}
