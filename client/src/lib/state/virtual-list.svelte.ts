import { flushSync, tick } from 'svelte';
import { offsetsOf, unitHeight, visibleRange } from '../windowing.ts';

export interface VirtualListOptions<T> {
  items: () => readonly T[];
  key: (item: T) => string;
  /** how many comments an item shows now: its height is guessed from it until it is measured */
  weight: (item: T) => number;
}

/** Items rendered before the list knows where it stands on the page. */
const FIRST_RENDER = 6;
/** The guessed height of one comment until one is measured, in pixels. */
const FALLBACK_UNIT = 180;
/**
 * The guess is learnt from the first items measured, then kept: were it to change with every item
 * measured, the guessed heights of all the items above the reader would change with it.
 */
const LEARN_FROM = 8;

interface Measured {
  height: number;
  weight: number;
}

// Where the browser anchors scrolling (Chromium, Firefox, Safari 27), a change of height above the
// viewport leaves the reader's view in place by itself; elsewhere the list corrects the scroll.
const anchoring = typeof CSS !== 'undefined' && CSS.supports('overflow-anchor', 'auto');

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * A list of variable-height items in the page's own scroll that renders only those near the
 * viewport: the others are two spacers above and below (siblings of the list, never its padding,
 * so that the browser's scroll anchoring keeps working). Heights are measured as items render and
 * guessed, from their weight, for those never rendered.
 */
export class VirtualList<T> {
  start = $state(0);
  end = $state(FIRST_RENDER);
  /** bumped when a measured height changes */
  #version = $state(0);
  readonly #options: VirtualListOptions<T>;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- read when #version changes, which says when it did
  readonly #heights = new Map<string, Measured>();
  #unit = FALLBACK_UNIT;
  #element: HTMLElement | null = null;
  #observer: ResizeObserver | null = null;
  /** items rendered and not measured yet */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping for update(), not state
  readonly #fresh = new Set<HTMLElement>();
  /** the key of the first item rendered: items added before it (newest first) leave the same items rendered */
  #firstKey: string | null = $state(null);
  #frame = 0;

  /** where each item starts, from the list's top, and the whole height last */
  offsets = $derived.by(() => {
    void this.#version;
    return offsetsOf(this.#options.items().map((item) => this.#height(item)));
  });

  #range = $derived.by(() => {
    const items = this.#options.items();
    let { start, end } = this;
    const first = items[start];
    if (this.#firstKey !== null && (first === undefined || this.#options.key(first) !== this.#firstKey)) {
      const moved = items.findIndex((item) => this.#options.key(item) === this.#firstKey);
      if (moved !== -1) {
        end += moved - start;
        start = moved;
      }
    }
    end = Math.min(end, items.length);
    return { start: Math.min(start, end), end };
  });

  /** the items rendered now */
  visible = $derived.by(() => this.#options.items().slice(this.#range.start, this.#range.end));
  /** the index of the first item rendered */
  first = $derived(this.#range.start);
  /** the height of the items above and below those rendered, in whole pixels (the scroll keeps no fractions) */
  before = $derived(Math.round(this.offsets[this.#range.start] ?? 0));
  after = $derived(Math.round((this.offsets.at(-1) ?? 0) - (this.offsets[this.#range.end] ?? 0)));

  constructor(options: VirtualListOptions<T>) {
    this.#options = options;
  }

  /**
   * An attachment for the element holding both spacers and the list (with `tabindex="-1"`, for the
   * focus of an item scrolled out of the page): follows the page's scroll.
   */
  attach = (element: HTMLElement): (() => void) => {
    this.#element = element;
    this.#observer = new ResizeObserver(this.#resized);
    for (const item of this.#fresh) this.#observer.observe(item);
    addEventListener('scroll', this.schedule, { passive: true });
    addEventListener('resize', this.schedule, { passive: true });
    this.schedule();
    return () => {
      cancelAnimationFrame(this.#frame);
      this.#frame = 0;
      removeEventListener('scroll', this.schedule);
      removeEventListener('resize', this.schedule);
      this.#observer?.disconnect();
      this.#observer = null;
      this.#element = null;
      this.#firstKey = null;
    };
  };

  /** An attachment for each item (with `data-key` and `data-weight`): its height is measured. */
  measure = (element: HTMLElement): (() => void) => {
    this.#fresh.add(element);
    this.#observer?.observe(element);
    return () => {
      this.#fresh.delete(element);
      this.#observer?.unobserve(element);
    };
  };

  /** Recomputes what to render at the next frame (after a scroll, a resize, a change of the items). */
  schedule = (): void => {
    if (this.#frame === 0 && this.#element) this.#frame = requestAnimationFrame(this.update);
  };

  /** Renders the items near the viewport now. */
  update = (): void => {
    this.#frame = 0;
    if (!this.#element) return;
    // Items rendered since the last measurements (their resize notices come after this frame's
    // callbacks): measured now, or the range would be computed from their guessed heights.
    if (this.#fresh.size > 0) {
      const version = this.#version;
      this.#record([...this.#fresh].map((item) => [item, item.getBoundingClientRect().height]));
      // The spacers follow before the range is computed from where the list now stands.
      if (this.#version !== version) flushSync();
    }
    const { start, end } = visibleRange(this.offsets, this.#element.getBoundingClientRect().top, innerHeight);
    this.#keepFocus(start, end);
    this.#firstKey = start < end ? this.#options.key(this.#options.items()[start]!) : null;
    this.start = start;
    this.end = end;
  };

  /**
   * Scrolls item `index` into view and waits until the element `elementId` inside it is rendered
   * and stays put (the items rendered around it are measured meanwhile); returns that element.
   */
  async bringIntoView(index: number, elementId: string): Promise<HTMLElement | null> {
    await tick();
    if (!this.#element) return null;
    const listTop = this.#element.getBoundingClientRect().top + scrollY;
    scrollTo({ top: listTop + (this.offsets[index] ?? 0), behavior: 'instant' });
    let element: HTMLElement | null = null;
    let last = NaN;
    for (let attempt = 0; attempt < 8; attempt++) {
      this.update();
      await tick();
      element = document.getElementById(elementId);
      if (element) {
        element.scrollIntoView({ block: 'start', behavior: 'instant' });
        const top = element.getBoundingClientRect().top;
        if (Math.abs(top - last) < 1) break;
        last = top;
      }
      await nextFrame();
      await nextFrame();
    }
    return element;
  }

  /**
   * The focus in an item about to leave the page goes to the list itself (focusable for this),
   * not to the page's start: the next Tab reaches the items the reader now looks at.
   */
  #keepFocus(start: number, end: number): void {
    const active = document.activeElement;
    const list = this.#element;
    if (!list || !(active instanceof HTMLElement) || active === list || !list.contains(active)) return;
    const key = active.closest<HTMLElement>('[data-key]')?.dataset.key;
    if (key === undefined) return;
    const items = this.#options.items();
    for (let i = start; i < end; i++) if (this.#options.key(items[i]!) === key) return;
    list.focus({ preventScroll: true });
  }

  #height(item: T): number {
    const weight = this.#options.weight(item);
    const measured = this.#heights.get(this.#options.key(item));
    // A thread opened, closed or answered since it was measured: its height moves by what changed.
    return measured ? measured.height + (weight - measured.weight) * this.#unit : weight * this.#unit;
  }

  #resized = (entries: ResizeObserverEntry[]): void => {
    this.#record(entries.map((entry) => [entry.target as HTMLElement, entry.borderBoxSize[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight]));
  };

  /** Takes in the heights of rendered items (and, without scroll anchoring, keeps the view in place). */
  #record(sizes: [HTMLElement, number][]): void {
    let changed = false;
    let above = 0;
    for (const [element, height] of sizes) {
      const key = element.dataset.key;
      if (key === undefined || height === 0) continue;
      this.#fresh.delete(element);
      const weight = Number(element.dataset.weight ?? 1);
      const known = this.#heights.get(key);
      if (known && Math.abs(known.height - height) < 0.5 && known.weight === weight) continue;
      if (!anchoring && known && element.getBoundingClientRect().bottom <= 0) above += height - known.height;
      this.#heights.set(key, { height, weight });
      changed = true;
    }
    if (above !== 0) scrollBy({ top: above, behavior: 'instant' });
    if (!changed) return;
    if (this.#heights.size <= LEARN_FROM) this.#unit = unitHeight(this.#heights.values(), FALLBACK_UNIT);
    this.#version++;
  }
}
