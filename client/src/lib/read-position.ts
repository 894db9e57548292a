/** The page must have been open this long before it counts as read: a glance is not a visit. */
export const SETTLE_MS = 3_000;
/** While comments keep arriving, the position is saved at most this often. */
export const SAVE_EVERY_MS = 15_000;

export interface ReadPositionOptions {
  /** the highest `seq` the page shows */
  highestSeq: () => number;
  save: (lastSeq: number) => Promise<void>;
  /** whether the reader can see the page (a background tab reads nothing) */
  visible: () => boolean;
  now?: () => number;
}

/**
 * Remembers on the server where a signed-in reader left off, so that their next visit can say
 * "N new since your last visit": once the page has been open a moment, then again as new comments
 * arrive while it is in view, throttled. The server only ever moves the position forward.
 */
export class ReadPosition {
  readonly #options: ReadPositionOptions;
  readonly #now: () => number;
  #saved = 0;
  #savedAt = -Infinity;
  #started = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ReadPositionOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The page is shown: save the position once it has been open a moment. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#schedule(SETTLE_MS);
  }

  /** More was shown (new comments, the tab came back into view): save again, throttled. */
  seen(): void {
    if (!this.#started || this.#timer !== undefined) return;
    this.#schedule(Math.max(0, this.#savedAt + SAVE_EVERY_MS - this.#now()));
  }

  stop(): void {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(wait: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#save();
    }, wait);
  }

  async #save(): Promise<void> {
    const seq = this.#options.highestSeq();
    if (!this.#options.visible() || seq <= this.#saved) return;
    const before = this.#saved;
    this.#saved = seq;
    this.#savedAt = this.#now();
    // A failed save is tried again with the next comment or the next return to the tab.
    await this.#options.save(seq).catch(() => {
      if (this.#saved === seq) this.#saved = before;
    });
  }
}
