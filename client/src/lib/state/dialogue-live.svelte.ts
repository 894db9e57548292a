import type { Topic } from '../../../../shared/dialogues.ts';
import type { TopicViewers } from '../../../../shared/realtime.ts';
import { dialogueUnread } from '../api.ts';
import { follow } from '../realtime-loader.ts';
import type { Connection } from '../realtime.svelte.ts';

const JOIN_TIMEOUT_MS = 10_000;

/**
 * A dialogue's topics as they move: how many people read each now, comment counts as they grow,
 * and for a signed-in reader how many comments are new in each since they last read it.
 */
export class DialogueLive {
  viewers: Record<string, number> = $state.raw({});
  /** topics as last announced, by id: they replace the ones read on arrival */
  changed: Record<string, Topic> = $state.raw({});
  unread: Record<string, number> = $state.raw({});

  #socket: Connection['socket'] | null = null;
  #dialogueId: string | null = null;

  /**
   * Joins the dialogue's room as soon as connected and after every reconnect; the function returned
   * leaves it. The connection may arrive after the page is shown: socket.io's code is not needed for
   * a first view.
   */
  follow(connection: Promise<Connection>, dialogueId: string): () => void {
    this.#dialogueId = dialogueId;
    const unfollow = follow(connection, { connect: this.#join, 'topic:viewers': this.#onViewers, 'topic:changed': this.#onTopic }, ({ socket }) => {
      this.#socket = socket;
      if (socket.connected) void this.#join();
    });
    return () => {
      const socket = this.#socket;
      this.#dialogueId = null;
      this.#socket = null;
      unfollow();
      if (socket?.connected) socket.emit('dialogue:leave', { dialogueId });
    };
  }

  /** Reads the unread counts; a failure leaves them out, which only hides a convenience. */
  async loadUnread(slug: string): Promise<void> {
    const items = await dialogueUnread(slug).catch(() => []);
    this.unread = Object.fromEntries(items.map((item) => [item.topicId, item.lastReadSeq === null ? 0 : item.unread]));
  }

  #join = async (): Promise<void> => {
    const dialogueId = this.#dialogueId;
    const socket = this.#socket;
    if (dialogueId === null || socket === null) return;
    const reply = await socket
      .timeout(JOIN_TIMEOUT_MS)
      .emitWithAck('dialogue:join', { dialogueId })
      .catch(() => null);
    if (!reply?.ok || dialogueId !== this.#dialogueId) return;
    this.viewers = Object.fromEntries(reply.viewers.map((entry: TopicViewers) => [entry.topicId, entry.viewers]));
  };

  #onViewers = (update: TopicViewers): void => {
    this.viewers = { ...this.viewers, [update.topicId]: update.viewers };
  };

  #onTopic = (topic: Topic): void => {
    if (topic.dialogueId === this.#dialogueId) this.changed = { ...this.changed, [topic.id]: topic };
  };
}
