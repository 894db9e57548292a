import type { Attribution } from '../../../../shared/quote-consent.ts';
import type { DialogueQuotes, PatchQuoteBody, Quote, QuotesChanged, TopicQuotes } from '../../../../shared/quotes.ts';
import { follow, type LiveConnection } from '../realtime-loader.ts';

/** What the curation page says aloud after a change, in the moderator's language. */
export type CurationNews =
  | { kind: 'moved'; quote: Quote; position: number; total: number }
  | { kind: 'attribution'; quote: Quote }
  | { kind: 'removed'; topicNumber: number }
  /** someone else changed a topic's quotes */
  | { kind: 'changed'; topicNumber: number }
  /** the author of a quote withdrew consent for it, just now */
  | { kind: 'consentWithdrawn'; topicNumber: number; position: number };

export interface CurationOptions {
  load: () => Promise<DialogueQuotes>;
  patch: (quoteId: string, body: PatchQuoteBody) => Promise<Quote>;
  remove: (quoteId: string) => Promise<void>;
  announce: (news: CurationNews) => void;
}

/** A topic's quotes in a new order: `quoteId` moved to the 1-based `position`, the others closing up, positions renumbered. */
export function reorder(quotes: readonly Quote[], quoteId: string, position: number): Quote[] {
  const moving = quotes.find((quote) => quote.id === quoteId);
  if (!moving) return [...quotes];
  const others = quotes.filter((quote) => quote.id !== quoteId);
  const index = Math.max(0, Math.min(position, quotes.length) - 1);
  others.splice(index, 0, moving);
  return others.map((quote, i) => (quote.position === i + 1 ? quote : { ...quote, position: i + 1 }));
}

/**
 * A dialogue's quotes per topic, as a moderator curates them: reorder (the new order shows at
 * once and goes back if the server refuses it), change an attribution, remove, with flagged quotes
 * (source taken down, consent withdrawn) among them. Other moderators' changes arrive live; while
 * one of ours is on its way, the live state of that topic waits for it, so the list never jumps
 * back to an order that is about to change.
 */
export class CurationList {
  topics: TopicQuotes[] = $state.raw([]);
  loading = $state(true);
  loadError: unknown = $state.raw();
  /** a change the server refused, shown at its quote */
  failure: { quoteId: string; error: unknown } | null = $state.raw(null);
  /** the quote whose removal waits for confirmation */
  confirmingRemove: string | null = $state(null);
  /** quotes with a request on the way */
  busy: readonly string[] = $state.raw([]);

  quoteCount = $derived(this.topics.reduce((sum, topic) => sum + topic.quotes.length, 0));
  flaggedCount = $derived(this.topics.reduce((sum, topic) => sum + topic.quotes.filter((quote) => quote.flagged !== null).length, 0));

  readonly #options: CurationOptions;
  // Per topic: our writes on the way, and the last live state that waits for them.
  readonly #writing: Record<string, number> = {};
  readonly #held: Record<string, Quote[]> = {};
  #dialogueId: string | null = null;
  #loads = 0;

  constructor(options: CurationOptions) {
    this.#options = options;
  }

  /** Reads every topic's quotes; `quietly` keeps what is shown while it loads (after a reconnection). */
  async load(quietly = false): Promise<void> {
    const attempt = ++this.#loads;
    if (!quietly) {
      this.loading = true;
      this.loadError = undefined;
    }
    try {
      const { topics } = await this.#options.load();
      if (attempt === this.#loads) this.topics = topics;
    } catch (error) {
      if (attempt === this.#loads && !quietly) this.loadError = error;
    } finally {
      if (attempt === this.#loads) this.loading = false;
    }
  }

  /** Follows `quote:changed` for the dialogue, and reloads after a reconnection; the function returned stops. */
  follow(connection: Promise<LiveConnection>, dialogueId: string): () => void {
    this.#dialogueId = dialogueId;
    let connectedBefore = false;
    return follow(connection, {
      connect: () => {
        if (connectedBefore) void this.load(true);
        connectedBefore = true;
      },
      'quote:changed': (change) => this.apply(change),
    });
  }

  /** A topic's quotes as the server now has them. */
  apply(change: QuotesChanged): void {
    if (this.#dialogueId !== null && change.dialogueId !== this.#dialogueId) return;
    if (this.#writing[change.topicId]) {
      this.#held[change.topicId] = change.quotes;
      return;
    }
    const topic = this.topics.find((entry) => entry.topicId === change.topicId);
    if (!topic) return;
    // The echo of one of our own changes shows what is already shown: taken in silence.
    const news = !sameContent(topic.quotes, change.quotes);
    const withdrawn = change.quotes.find((quote) => quote.consentWithdrawn && !topic.quotes.some((was) => was.id === quote.id && was.consentWithdrawn));
    this.#setQuotes(change.topicId, change.quotes);
    if (withdrawn) this.#options.announce({ kind: 'consentWithdrawn', topicNumber: topic.number, position: withdrawn.position });
    else if (news) this.#options.announce({ kind: 'changed', topicNumber: topic.number });
  }

  topicOf(quoteId: string): TopicQuotes | undefined {
    return this.topics.find((topic) => topic.quotes.some((quote) => quote.id === quoteId));
  }

  /** Moves a quote to a 1-based place in its topic. Whether the server took it. */
  async move(quoteId: string, position: number): Promise<boolean> {
    const topic = this.topicOf(quoteId);
    const quote = topic?.quotes.find((entry) => entry.id === quoteId);
    if (!topic || !quote) return false;
    const target = Math.max(1, Math.min(position, topic.quotes.length));
    if (target === quote.position) return false;
    const before = topic.quotes;
    this.#setQuotes(topic.topicId, reorder(before, quoteId, target));
    this.#options.announce({ kind: 'moved', quote, position: target, total: before.length });
    const saved = await this.#write(topic.topicId, quoteId, () => this.#options.patch(quoteId, { position: target }), holdsQuote);
    if (!saved) this.#setQuotes(topic.topicId, before);
    return saved !== null;
  }

  /** One place up (-1) or down (+1). */
  moveBy(quoteId: string, delta: -1 | 1): Promise<boolean> {
    const quote = this.topicOf(quoteId)?.quotes.find((entry) => entry.id === quoteId);
    return quote ? this.move(quoteId, quote.position + delta) : Promise.resolve(false);
  }

  async setAttribution(quoteId: string, attribution: Attribution): Promise<boolean> {
    const topic = this.topicOf(quoteId);
    if (!topic) return false;
    const saved = await this.#write(topic.topicId, quoteId, () => this.#options.patch(quoteId, { attribution }), holdsQuote);
    if (!saved) return false;
    this.#setQuotes(
      topic.topicId,
      this.#quotesOf(topic.topicId).map((quote) => (quote.id === quoteId ? saved : quote)),
    );
    this.#options.announce({ kind: 'attribution', quote: saved });
    return true;
  }

  askRemove(quoteId: string): void {
    this.confirmingRemove = quoteId;
    this.failure = null;
  }

  cancelRemove(): void {
    this.confirmingRemove = null;
  }

  async remove(quoteId: string): Promise<boolean> {
    this.confirmingRemove = null;
    const topic = this.topicOf(quoteId);
    if (!topic) return false;
    const done = await this.#write(
      topic.topicId,
      quoteId,
      async () => {
        await this.#options.remove(quoteId);
        return true;
      },
      (held) => !held.some((quote) => quote.id === quoteId),
    );
    if (!done) return false;
    const rest = this.#quotesOf(topic.topicId).filter((quote) => quote.id !== quoteId);
    this.#setQuotes(
      topic.topicId,
      rest.map((quote, i) => ({ ...quote, position: i + 1 })),
    );
    this.#options.announce({ kind: 'removed', topicNumber: topic.number });
    return true;
  }

  /**
   * Runs one change of ours. A live state of the topic that came meanwhile waited; once our
   * changes are done it is shown if it already holds ours (`holdsOurs`), else dropped for the
   * echo of ours that is on its way. After a refusal it is the server's word and is shown.
   */
  async #write<T>(topicId: string, quoteId: string, request: () => Promise<T>, holdsOurs: (held: Quote[], result: T) => boolean): Promise<T | null> {
    this.failure = null;
    this.#writing[topicId] = (this.#writing[topicId] ?? 0) + 1;
    this.busy = [...this.busy, quoteId];
    let result: T | null = null;
    try {
      result = await request();
      return result;
    } catch (error) {
      this.failure = { quoteId, error };
      return null;
    } finally {
      this.#writing[topicId] = (this.#writing[topicId] ?? 1) - 1;
      const index = this.busy.indexOf(quoteId);
      this.busy = this.busy.filter((_, i) => i !== index);
      const held = this.#held[topicId];
      if (!this.#writing[topicId] && held) {
        delete this.#held[topicId];
        // Shown after the caller has shown its own result.
        if (result === null || holdsOurs(held, result)) {
          queueMicrotask(() => {
            if (!this.#writing[topicId]) this.#setQuotes(topicId, held);
          });
        }
      }
    }
  }

  #quotesOf(topicId: string): Quote[] {
    return this.topics.find((topic) => topic.topicId === topicId)?.quotes ?? [];
  }

  #setQuotes(topicId: string, quotes: Quote[]): void {
    this.topics = this.topics.map((topic) => (topic.topicId === topicId ? { ...topic, quotes } : topic));
  }
}

/** Whether a topic's live state already holds a quote as the server saved it for us (or no longer has it). */
const holdsQuote = (held: Quote[], saved: Quote): boolean => {
  const there = held.find((quote) => quote.id === saved.id);
  return !there || there.updatedAt >= saved.updatedAt;
};

/** What a moderator sees of a quote: its place, words, attribution and flags (not when it was last touched). */
const shown = (quote: Quote): string =>
  JSON.stringify([
    quote.id,
    quote.position,
    quote.text,
    quote.attribution,
    quote.effectiveAttribution,
    quote.attributionLabel,
    quote.flagged,
    quote.consentWithdrawn ?? null,
  ]);

const sameContent = (a: readonly Quote[], b: readonly Quote[]): boolean => a.length === b.length && a.every((quote, i) => shown(quote) === shown(b[i]!));
