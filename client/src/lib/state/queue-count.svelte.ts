import type { QueueItem, QueueResolved } from '../../../../shared/moderation.ts';
import type { RealtimeSocket } from '../realtime.svelte.ts';

type Socket = Pick<RealtimeSocket, 'on' | 'off'>;

/** How many comments wait for this moderator, kept live for the link in the header. */
export class QueueCount {
  #ids: readonly string[] = $state.raw([]);
  count = $derived(this.#ids.length);

  readonly #load: () => Promise<QueueItem[]>;
  readonly #canModerate: (dialogueSlug: string) => boolean;
  #socket: Socket | null = null;
  #stopped = false;
  #attempt = 0;

  constructor(load: () => Promise<QueueItem[]>, connection: Promise<{ socket: Socket }>, canModerate: (dialogueSlug: string) => boolean) {
    this.#load = load;
    this.#canModerate = canModerate;
    void connection.then(({ socket }) => {
      if (this.#stopped) return;
      this.#socket = socket;
      socket.on('connect', this.#reload);
      socket.on('moderation:queued', this.#onQueued);
      socket.on('moderation:resolved', this.#onResolved);
    });
    void this.#reload();
  }

  stop(): void {
    this.#stopped = true;
    this.#socket?.off('connect', this.#reload);
    this.#socket?.off('moderation:queued', this.#onQueued);
    this.#socket?.off('moderation:resolved', this.#onResolved);
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
