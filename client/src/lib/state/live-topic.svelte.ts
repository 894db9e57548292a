import type { Comment, CommentPage } from '../../../../shared/comments.ts';
import type { Topic } from '../../../../shared/dialogues.ts';
import { TYPING_EXPIRES_MS } from '../../../../shared/realtime.constants.ts';
import type { TopicViewers, TypingNotice } from '../../../../shared/realtime.ts';
import { cursorOf, mergeComments } from '../merge-comments.ts';
import { follow } from '../realtime-loader.ts';
import type { Connection, ConnectionState, LiveHandlers } from '../realtime.svelte.ts';

export interface TypingLine extends TypingNotice {
  until: number;
}

/** What the page does when the reader is first in the topic's room, and as comments arrive. */
export interface TopicWatcher {
  /** the first join answered: `lastReadSeq` and `arrivalSeq` are known */
  joined: () => void;
  /** comments new to the page arrived while it is open (not edits of shown ones) */
  arrived: (comments: Comment[]) => void;
}

const JOIN_TIMEOUT_MS = 10_000;

/** One page of the thread over HTTP, after a cursor (the first page without one). */
export type PageLoader = (after?: string) => Promise<CommentPage>;

/**
 * A topic's thread kept live: the whole thread read once over HTTP, page by page (the first page
 * shows while the others come), then every change applied as it comes, and after each reconnect
 * exactly what was missed (new comments, and older ones that were edited, hidden or restored),
 * whichever server node the socket reaches.
 */
export class LiveTopic {
  comments: Comment[] = $state.raw([]);
  viewers = $state(0);
  typing: TypingLine[] = $state.raw([]);
  /** where the signed-in reader left off on arrival (null: never read, or a visitor) */
  lastReadSeq: number | null = $state(null);
  /** the highest `seq` shown when the first join answered: what "since your last visit" counts up to */
  arrivalSeq: number | null = $state(null);
  /** the topic as last announced (locked, reworded), once it changed while shown */
  topic: Topic | null = $state.raw(null);
  /** true until the first page is here */
  loading = $state(true);
  /** whether the whole thread has been read (the later pages come after the first is shown) */
  complete = $state(false);
  error: unknown = $state.raw();

  readonly #topicId: string;
  #connection: Connection | null = $state.raw(null);
  readonly #loadPage: PageLoader;
  #ready = false;
  #shownOnce = false;
  /** where the pages read last ended: the first join after a read asks for what came since */
  #loadedCursor: ReturnType<typeof cursorOf> | null = null;
  #joinedOnce = false;
  #stopped = false;
  #sweep: ReturnType<typeof setTimeout> | undefined;
  #watcher: TopicWatcher = { joined: () => undefined, arrived: () => undefined };

  constructor(topicId: string, loadPage: PageLoader) {
    this.#topicId = topicId;
    this.#loadPage = loadPage;
    void this.#load();
  }

  /**
   * Joins the topic live and keeps the thread up to date; the function returned leaves the topic's
   * room and stops listening. `connection` may still be on its way (its code loads after the page
   * is shown): the thread is read meanwhile, and joined live as soon as both are there.
   */
  follow(connection: Promise<Connection>): () => void {
    const handlers: LiveHandlers = {
      connect: this.#join,
      'comment:created': this.#apply,
      'comment:updated': this.#apply,
      'comment:removed': this.#apply,
      'topic:viewers': this.#onViewers,
      'topic:typing': this.#onTyping,
      'topic:changed': this.#onTopic,
    };
    const unfollow = follow(connection, handlers, (ready) => {
      this.#connection = ready;
      if (ready.socket.connected) void this.#join();
    });
    return () => {
      this.#stopped = true;
      clearTimeout(this.#sweep);
      unfollow();
      const socket = this.#connection?.socket;
      if (socket?.connected) socket.emit('topic:leave', { topicId: this.#topicId });
    };
  }

  /** Whether live updates flow; 'connecting' until the connection is there at all. */
  get connectionState(): ConnectionState {
    return this.#connection?.state ?? 'connecting';
  }

  /** Reads the thread again after a failed load. */
  reload = (): void => {
    void this.#load();
  };

  watch(watcher: TopicWatcher): void {
    this.#watcher = watcher;
  }

  /** Shows a comment the reader just posted, before its event comes back; both merge by id. */
  add(comment: Comment): void {
    this.comments = mergeComments(this.comments, [comment]);
  }

  /** Tells the others in the topic that the reader is writing, when the connection is up. */
  sendTyping(): void {
    const socket = this.#connection?.socket;
    if (socket?.connected) socket.emit('topic:typing', { topicId: this.#topicId });
  }

  // The first read shows each page as it comes; a read again (after a failure, or when a reconnect
  // missed too much) replaces the thread at once when complete, so nothing shown moves meanwhile.
  async #load(): Promise<void> {
    const progressive = !this.#shownOnce;
    this.loading = this.comments.length === 0;
    this.complete = false;
    const loaded: Comment[] = [];
    try {
      let after: string | undefined;
      do {
        const page = await this.#loadPage(after);
        if (this.#stopped) return;
        loaded.push(...page.items);
        after = page.nextCursor ?? undefined;
        if (progressive) {
          this.comments = mergeComments(this.comments, page.items);
          this.loading = false;
        }
      } while (after !== undefined);
      if (!progressive) this.comments = mergeComments([], loaded);
      this.error = undefined;
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
    if (this.#stopped || this.error) return;
    this.#shownOnce = true;
    this.#loadedCursor = cursorOf(loaded);
    this.complete = true;
    this.#ready = true;
    if (this.#connection?.socket.connected) await this.#join();
  }

  // Joined (again) on every connect, with the cursor of what is shown: the server answers from
  // the database with what came or changed since, so nothing is missed and nothing doubles.
  #join = async (): Promise<void> => {
    const socket = this.#connection?.socket;
    if (!this.#ready || this.#stopped || !socket) return;
    // A comment the reader posted while the pages came is newer than others' they have not read yet.
    const cursor = this.#loadedCursor ?? cursorOf(this.comments);
    const reply = await socket
      .timeout(JOIN_TIMEOUT_MS)
      .emitWithAck('topic:join', { topicId: this.#topicId, ...cursor })
      .catch(() => null);
    if (!reply?.ok || this.#stopped) return;
    this.#loadedCursor = null;
    this.viewers = reply.viewers;
    // What the first join brings was there when the reader arrived: not announced as arriving.
    const first = !this.#joinedOnce;
    if (reply.more) {
      this.#ready = false;
      await this.#load();
    } else {
      this.#merge(reply.missed);
    }
    this.#joinedOnce = true;
    if (first) {
      this.lastReadSeq = reply.lastReadSeq;
      this.arrivalSeq = this.comments.at(-1)?.seq ?? 0;
      this.#watcher.joined();
    }
  };

  #apply = (comment: Comment): void => {
    if (comment.topicId !== this.#topicId || !this.#ready) return;
    this.#merge([comment]);
  };

  // The list only grows by comments it did not hold: counting them costs nothing per event.
  #merge(incoming: Comment[]): void {
    const before = this.comments;
    this.comments = mergeComments(before, incoming);
    if (this.comments.length === before.length || !this.#joinedOnce) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup for this call, not state
    const known = incoming.length === 1 ? null : new Set(before.map((comment) => comment.id));
    this.#watcher.arrived(known ? incoming.filter((comment) => !known.has(comment.id)) : incoming);
  }

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
    this.#sweepTyping();
  };

  /**
   * Drops the typing lines past their time, then waits for the next one to end. A timer may fire a
   * millisecond before the clock reaches its line's end: the line is then kept and swept again,
   * never left on screen.
   */
  #sweepTyping = (): void => {
    clearTimeout(this.#sweep);
    const now = Date.now();
    this.typing = this.typing.filter((line) => line.until > now);
    if (this.typing.length === 0 || this.#stopped) return;
    const next = Math.min(...this.typing.map((line) => line.until));
    this.#sweep = setTimeout(this.#sweepTyping, next - now + 1);
  };
}
