import type { MentionableParticipant } from '../../../../shared/follows.ts';

/** An @mention being typed: where its `@` is, and what follows it up to the caret. */
export interface MentionQuery {
  at: number;
  text: string;
}

/** How long the writer pauses before the names are asked for: one request per pause, not per key. */
export const MENTION_DELAY_MS = 150;

// After "@": a letter or digit, then up to four words (names have spaces), the last one possibly
// still empty (the space just typed). An "@" inside a word (an e-mail address) starts no mention.
const TYPED = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*(?: [\p{L}\p{M}\p{N}'’.-]*){0,3}$/u;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;
const LONGEST = 60;

/** The mention the writer is typing at the caret, if any. */
export function mentionAt(body: string, caret: number): MentionQuery | null {
  const before = body.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at === -1 || caret - at > LONGEST) return null;
  if (at > 0 && WORD_CHARACTER.test(before.charAt(at - 1))) return null;
  const text = before.slice(at + 1);
  return TYPED.test(text) ? { at, text } : null;
}

const fold = (text: string): string => text.toLocaleLowerCase();

/**
 * The participants offered for the @mention being typed, as a listbox under the composer: asked
 * for after a short pause, remembered per prefix (a prefix nobody matches is not asked again
 * with more letters), and chosen with the keyboard or the mouse. A mention chosen or dismissed
 * with Escape stays closed until its `@` is typed anew.
 */
export class MentionSuggestions {
  query: MentionQuery | null = $state.raw(null);
  items: readonly MentionableParticipant[] = $state.raw([]);
  active = $state(0);
  open = $derived(this.query !== null && this.items.length > 0);

  readonly #search: (q: string) => Promise<MentionableParticipant[]>;
  readonly #delay: number;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a memory of answers, not state: what shows is `items`
  readonly #found = new Map<string, MentionableParticipant[]>();
  #body = '';
  #caret = 0;
  #dismissedAt: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;

  constructor(search: (q: string) => Promise<MentionableParticipant[]>, delay = MENTION_DELAY_MS) {
    this.#search = search;
    this.#delay = delay;
  }

  /** The text or the caret changed. */
  update(body: string, caret: number): void {
    this.#body = body;
    this.#caret = caret;
    const query = mentionAt(body, caret);
    if (query?.at !== this.#dismissedAt) this.#dismissedAt = null;
    const shown = query && query.at !== this.#dismissedAt ? query : null;
    if (shown?.at === this.query?.at && shown?.text === this.query?.text) return;
    this.query = shown;
    this.active = 0;
    this.#lookUp();
  }

  /** Moves the active option down (1) or up (-1), round the ends. */
  move(step: 1 | -1): void {
    const count = this.items.length;
    if (count > 0) this.active = (this.active + step + count) % count;
  }

  /** The text with the chosen participant's name in place of what was typed, and where the caret goes: after the name and a space. */
  choose(index = this.active): { body: string; caret: number } | null {
    const person = this.items[index];
    const query = this.query;
    if (!person || !query) return null;
    const inserted = `@${person.displayName} `;
    const rest = this.#body.slice(this.#caret);
    const body = this.#body.slice(0, query.at) + inserted + (rest.startsWith(' ') ? rest.slice(1) : rest);
    this.#dismissedAt = query.at;
    this.#close();
    return { body, caret: query.at + inserted.length };
  }

  /** Escape: this mention is not to be completed. */
  dismiss(): void {
    if (this.query) this.#dismissedAt = this.query.at;
    this.#close();
  }

  /** The writer left the text area: nothing is offered until they type again. */
  hide(): void {
    this.#close();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#attempt++;
  }

  #close(): void {
    this.query = null;
    this.items = [];
    this.active = 0;
    this.dispose();
  }

  #lookUp(): void {
    clearTimeout(this.#timer);
    const attempt = ++this.#attempt;
    const query = this.query;
    if (!query) {
      this.items = [];
      return;
    }
    const key = fold(query.text);
    const known = this.#found.get(key) ?? (this.#nobodyFor(key) ? [] : undefined);
    if (known) {
      this.items = known;
      return;
    }
    this.#timer = setTimeout(() => {
      this.#search(query.text).then(
        (items) => {
          this.#found.set(key, items);
          if (attempt === this.#attempt) this.items = items;
        },
        () => {
          if (attempt === this.#attempt) this.items = [];
        },
      );
    }, this.#delay);
  }

  /** Whether a shorter prefix of `key` already matched nobody. */
  #nobodyFor(key: string): boolean {
    for (const [prefix, items] of this.#found) if (items.length === 0 && key.startsWith(prefix)) return true;
    return false;
  }
}
