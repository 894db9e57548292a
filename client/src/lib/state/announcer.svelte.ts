/** How long the first of a burst waits for the others, so they are announced together. */
export const GATHER_MS = 1_500;
/** The least time between two announcements of new comments, however fast they come. */
export const QUIET_MS = 5_000;

/**
 * What the page's one polite live region says. New comments are counted and announced in batches
 * ("3 new comments"), at most once per QUIET_MS: a screen reader user hears that the discussion
 * moves without being talked over by every comment of a busy minute.
 */
export class Announcer {
  message = $state('');

  readonly #describe: (count: number) => string;
  readonly #now: () => number;
  #pending = 0;
  #quietUntil = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;
  // Alternates so that two equal messages in a row are still a change the region announces.
  #toggle = false;

  constructor(describe: (count: number) => string, now: () => number = Date.now) {
    this.#describe = describe;
    this.#now = now;
  }

  /** Counts comments that arrived; they are announced with the others of their batch. */
  arrived(count: number): void {
    if (count <= 0) return;
    this.#pending += count;
    if (this.#timer !== undefined) return;
    const wait = Math.max(GATHER_MS, this.#quietUntil - this.#now());
    this.#timer = setTimeout(() => this.#flush(), wait);
  }

  /** Says something at once: the answer to what the reader just did. */
  say(text: string): void {
    this.#set(text);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = 0;
  }

  #flush(): void {
    this.#timer = undefined;
    const count = this.#pending;
    this.#pending = 0;
    this.#quietUntil = this.#now() + QUIET_MS;
    this.#set(this.#describe(count));
  }

  #set(text: string): void {
    this.#toggle = !this.#toggle;
    this.message = this.#toggle ? text : `${text}\u00a0`;
  }
}
