import type { Comment } from '../../../../shared/comments.ts';
import type { Topic } from '../../../../shared/dialogues.ts';
import { TYPING_EXPIRES_MS } from '../../../../shared/realtime.constants.ts';
import type { TopicViewers, TypingNotice } from '../../../../shared/realtime.ts';
import { cursorOf, mergeComments } from '../merge-comments.ts';
import type { Connection } from '../realtime.svelte.ts';

export interface TypingLine extends TypingNotice {
  until: number;
}

const JOIN_TIMEOUT_MS = 10_000;

/**
 * A topic's thread kept live: the whole thread read once over HTTP, then every change applied as
 * it comes, and after each reconnect exactly what was missed (new comments, and older ones that
 * were edited, hidden or restored), whichever server node the socket reaches.
 */
export class LiveTopic {
  comments: Comment[] = $state.raw([]);
  viewers = $state(0);
  typing: TypingLine[] = $state.raw([]);
  /** where the signed-in reader left off on arrival (null: never read, or a visitor) */
  lastReadSeq: number | null = $state(null);
  /** the topic as last announced (locked, reworded), once it changed while shown */
  topic: Topic | null = $state.raw(null);
  loading = $state(true);
  error: unknown = $state.raw();

  readonly #topicId: string;
  readonly #connection: Connection;
  readonly #loadAll: () => Promise<Comment[]>;
  #ready = false;
  #joinedOnce = false;
  #stopped = false;
  #sweep: ReturnType<typeof setTimeout> | undefined;

  constructor(topicId: string, connection: Connection, loadAll: () => Promise<Comment[]>) {
    this.#topicId = topicId;
    this.#connection = connection;
    this.#loadAll = loadAll;
    const socket = connection.socket;
    socket.on('connect', this.#join);
    socket.on('comment:created', this.#apply);
    socket.on('comment:updated', this.#apply);
    socket.on('comment:removed', this.#apply);
    socket.on('topic:viewers', this.#onViewers);
    socket.on('topic:typing', this.#onTyping);
    socket.on('topic:changed', this.#onTopic);
    void this.#load();
  }

  /** Reads the thread again after a failed load. */
  reload = (): void => {
    void this.#load();
  };

  /** Leaves the topic's room and stops listening: the page is gone. */
  stop(): void {
    this.#stopped = true;
    const socket = this.#connection.socket;
    socket.off('connect', this.#join);
    socket.off('comment:created', this.#apply);
    socket.off('comment:updated', this.#apply);
    socket.off('comment:removed', this.#apply);
    socket.off('topic:viewers', this.#onViewers);
    socket.off('topic:typing', this.#onTyping);
    socket.off('topic:changed', this.#onTopic);
    if (socket.connected) socket.emit('topic:leave', { topicId: this.#topicId });
    clearTimeout(this.#sweep);
  }

  async #load(): Promise<void> {
    this.loading = true;
    try {
      this.comments = mergeComments([], await this.#loadAll());
      this.error = undefined;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
    if (this.#stopped || this.error) return;
    this.#ready = true;
    if (this.#connection.socket.connected) await this.#join();
  }

  // Joined (again) on every connect, with the cursor of what is shown: the server answers from
  // the database with what came or changed since, so nothing is missed and nothing doubles.
  #join = async (): Promise<void> => {
    if (!this.#ready || this.#stopped) return;
    const reply = await this.#connection.socket
      .timeout(JOIN_TIMEOUT_MS)
      .emitWithAck('topic:join', { topicId: this.#topicId, ...cursorOf(this.comments) })
      .catch(() => null);
    if (!reply?.ok || this.#stopped) return;
    this.viewers = reply.viewers;
    if (!this.#joinedOnce) this.lastReadSeq = reply.lastReadSeq;
    this.#joinedOnce = true;
    if (reply.more) {
      this.#ready = false;
      await this.#load();
      return;
    }
    this.comments = mergeComments(this.comments, reply.missed);
  };

  #apply = (comment: Comment): void => {
    if (comment.topicId !== this.#topicId || !this.#ready) return;
    this.comments = mergeComments(this.comments, [comment]);
  };

  #onViewers = (update: TopicViewers): void => {
    if (update.topicId === this.#topicId) this.viewers = update.viewers;
  };

  #onTopic = (topic: Topic): void => {
    if (topic.id === this.#topicId) this.topic = topic;
  };

  #onTyping = (notice: TypingNotice): void => {
    if (notice.topicId !== this.#topicId) return;
    const now = Date.now();
    const same = (line: TypingNotice) => line.displayName === notice.displayName && line.country === notice.country;
    this.typing = [...this.typing.filter((line) => line.until > now && !same(line)), { ...notice, until: now + TYPING_EXPIRES_MS }];
    clearTimeout(this.#sweep);
    this.#sweep = setTimeout(() => (this.typing = this.typing.filter((line) => line.until > Date.now())), TYPING_EXPIRES_MS);
  };
}
