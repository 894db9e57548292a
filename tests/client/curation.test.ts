import { describe, expect, it } from 'vitest';
import type { DialogueQuotes, PatchQuoteBody, Quote, QuotesChanged } from '../../shared/quotes.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { listen, type RealtimeSocket } from '../../client/src/lib/realtime.svelte.ts';
import { CurationList, reorder, type CurationNews } from '../../client/src/lib/state/curation.svelte.ts';

const DIALOGUE = 'd1';

function quote(id: string, topicId: string, position: number, extra: Partial<Quote> = {}): Quote {
  return {
    id,
    topicId,
    commentId: `c-${id}`,
    text: `Text of ${id}`,
    excerpt: false,
    attribution: 'none',
    effectiveAttribution: 'none',
    attributionLabel: { name: null, country: null, affiliation: null },
    position,
    chosenBy: { id: 'm1', displayName: 'Moderator' },
    createdAt: '2026-07-12T10:00:00.000Z',
    updatedAt: '2026-07-12T10:00:00.000Z',
    flagged: null,
    ...extra,
  };
}

const ids = (quotes: readonly Quote[]): string[] => quotes.map((entry) => entry.id);
const positions = (quotes: readonly Quote[]): number[] => quotes.map((entry) => entry.position);

/** A request that settles when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(topics: DialogueQuotes['topics']) {
  const news: CurationNews[] = [];
  const patches: { quoteId: string; body: PatchQuoteBody; reply: ReturnType<typeof deferred<Quote>> }[] = [];
  const removals: { quoteId: string; reply: ReturnType<typeof deferred<void>> }[] = [];
  const list = new CurationList({
    load: async () => ({ topics }),
    patch: (quoteId, body) => {
      const reply = deferred<Quote>();
      patches.push({ quoteId, body, reply });
      return reply.promise;
    },
    remove: (quoteId) => {
      const reply = deferred<void>();
      removals.push({ quoteId, reply });
      return reply.promise;
    },
    announce: (item) => news.push(item),
  });
  return { list, news, patches, removals };
}

const twoTopics = (): DialogueQuotes['topics'] => [
  { topicId: 't1', number: 1, question: 'One?', quotes: [quote('a', 't1', 1), quote('b', 't1', 2), quote('c', 't1', 3)] },
  { topicId: 't2', number: 2, question: 'Two?', quotes: [] },
];

describe('reorder', () => {
  const quotes = [quote('a', 't', 1), quote('b', 't', 2), quote('c', 't', 3), quote('d', 't', 4)];

  it.each([
    ['a', 3, ['b', 'c', 'a', 'd']],
    ['d', 1, ['d', 'a', 'b', 'c']],
    ['b', 99, ['a', 'c', 'd', 'b']],
    ['c', 0, ['c', 'a', 'b', 'd']],
    ['x', 1, ['a', 'b', 'c', 'd']],
  ] as const)('moves %s to place %i', (id, position, expected) => {
    const moved = reorder(quotes, id, position);
    expect(ids(moved)).toEqual(expected);
    expect(positions(moved)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the quotes that did not move as they were', () => {
    const moved = reorder(quotes, 'a', 2);
    expect(moved[2]).toBe(quotes[2]);
  });
});

describe('CurationList', () => {
  it('shows a move at once, says it, and keeps it when the server agrees', async () => {
    const { list, news, patches } = setup(twoTopics());
    await list.load();
    const moving = list.moveBy('c', -1);
    expect(ids(list.topics[0]!.quotes)).toEqual(['a', 'c', 'b']);
    expect(news).toEqual([expect.objectContaining({ kind: 'moved', position: 2, total: 3 })]);
    expect(patches.map((patch) => [patch.quoteId, patch.body])).toEqual([['c', { position: 2 }]]);
    expect(list.busy).toEqual(['c']);
    patches[0]!.reply.resolve(quote('c', 't1', 2));
    expect(await moving).toBe(true);
    expect(ids(list.topics[0]!.quotes)).toEqual(['a', 'c', 'b']);
    expect(list.busy).toEqual([]);
  });

  it('puts the order back and shows the refusal at the quote when the server refuses', async () => {
    const { list, patches } = setup(twoTopics());
    await list.load();
    const moving = list.move('a', 3);
    expect(ids(list.topics[0]!.quotes)).toEqual(['b', 'c', 'a']);
    const refusal = new ApiError(403, 'forbidden', 'no');
    patches[0]!.reply.reject(refusal);
    expect(await moving).toBe(false);
    expect(ids(list.topics[0]!.quotes)).toEqual(['a', 'b', 'c']);
    expect(list.failure).toEqual({ quoteId: 'a', error: refusal });
  });

  it('does not ask the server for a move that changes nothing', async () => {
    const { list, patches } = setup(twoTopics());
    await list.load();
    expect(await list.moveBy('a', -1)).toBe(false);
    expect(await list.move('c', 3)).toBe(false);
    expect(patches).toEqual([]);
  });

  it('replaces a topic’s quotes with the live state another moderator caused, and says so', async () => {
    const { list, news } = setup(twoTopics());
    await list.load();
    const change: QuotesChanged = { dialogueId: DIALOGUE, topicId: 't2', quotes: [quote('z', 't2', 1)] };
    list.apply(change);
    expect(ids(list.topics[1]!.quotes)).toEqual(['z']);
    expect(news).toEqual([{ kind: 'changed', topicNumber: 2 }]);
    // The same state again is not news.
    list.apply(change);
    expect(news).toHaveLength(1);
  });

  it('says so when the author of a quote withdraws consent for it, once', async () => {
    const { list, news } = setup(twoTopics());
    await list.load();
    const withdrawn = quote('b', 't1', 2, { flagged: 'consent_withdrawn', consentWithdrawn: { at: '2026-07-13T10:00:00.000Z', reason: 'Too personal.' } });
    const change: QuotesChanged = { dialogueId: DIALOGUE, topicId: 't1', quotes: [quote('a', 't1', 1), withdrawn, quote('c', 't1', 3)] };
    list.apply(change);
    expect(list.topics[0]!.quotes[1]).toEqual(withdrawn);
    expect(list.flaggedCount).toBe(1);
    expect(news).toEqual([{ kind: 'consentWithdrawn', topicNumber: 1, position: 2 }]);
    list.apply(change);
    expect(news).toHaveLength(1);
  });

  it('takes the echo of its own move in silence, with the server’s details', async () => {
    const { list, news, patches } = setup(twoTopics());
    await list.load();
    const moving = list.move('a', 2);
    patches[0]!.reply.resolve(quote('a', 't1', 2));
    await moving;
    const echo = [quote('b', 't1', 1), quote('a', 't1', 2, { updatedAt: '2026-07-12T11:00:00.000Z' }), quote('c', 't1', 3)];
    list.apply({ dialogueId: DIALOGUE, topicId: 't1', quotes: echo });
    expect(list.topics[0]!.quotes).toEqual(echo);
    expect(news.map((item) => item.kind)).toEqual(['moved']);
  });

  it('holds the live state of a topic while its own move is on the way, then shows the server’s word', async () => {
    const { list, patches } = setup(twoTopics());
    await list.load();
    const moving = list.move('c', 1);
    // An event sent before the move was stored: applying it now would jump back.
    list.apply({ dialogueId: DIALOGUE, topicId: 't1', quotes: [quote('a', 't1', 1), quote('b', 't1', 2), quote('c', 't1', 3)] });
    expect(ids(list.topics[0]!.quotes)).toEqual(['c', 'a', 'b']);
    // The one sent after it, which wins over the first.
    const after = [quote('c', 't1', 1), quote('a', 't1', 2), quote('b', 't1', 3, { text: 'Edited meanwhile' })];
    list.apply({ dialogueId: DIALOGUE, topicId: 't1', quotes: after });
    patches[0]!.reply.resolve(after[0]!);
    await moving;
    await tick();
    expect(list.topics[0]!.quotes).toEqual(after);
  });

  it('drops a live state that waited for its move when it does not hold the move yet', async () => {
    const { list, patches } = setup(twoTopics());
    await list.load();
    const moving = list.move('c', 1);
    // Read by the server before the move was stored.
    list.apply({ dialogueId: DIALOGUE, topicId: 't1', quotes: [quote('a', 't1', 1), quote('b', 't1', 2), quote('c', 't1', 3)] });
    patches[0]!.reply.resolve(quote('c', 't1', 1, { updatedAt: '2026-07-12T11:00:00.000Z' }));
    await moving;
    await tick();
    expect(ids(list.topics[0]!.quotes)).toEqual(['c', 'a', 'b']);
  });

  it('follows quote:changed for its dialogue only, and reloads quietly after a reconnection', async () => {
    const topics = twoTopics();
    let loads = 0;
    const listeners = new Map<string, (payload?: QuotesChanged) => void>();
    const feed = {
      on: (event: string, listener: (payload?: QuotesChanged) => void) => listeners.set(event, listener),
      off: (event: string) => listeners.delete(event),
    } as unknown as RealtimeSocket;
    const list = new CurationList({
      load: async () => {
        loads += 1;
        return { topics };
      },
      patch: async () => quote('x', 't1', 1),
      remove: async () => undefined,
      announce: () => undefined,
    });
    await list.load();
    const stop = list.follow(Promise.resolve({ listen: (handlers) => listen(feed, handlers) }), DIALOGUE);
    await tick();
    listeners.get('quote:changed')!({ dialogueId: 'other', topicId: 't1', quotes: [] });
    expect(list.topics[0]!.quotes).toHaveLength(3);
    listeners.get('connect')!();
    expect(loads).toBe(1);
    listeners.get('connect')!();
    await tick();
    expect(loads).toBe(2);
    expect(list.loading).toBe(false);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('counts the flagged quotes, which a live change can flag', async () => {
    const { list } = setup(twoTopics());
    await list.load();
    expect(list.flaggedCount).toBe(0);
    list.apply({
      dialogueId: DIALOGUE,
      topicId: 't1',
      quotes: [
        quote('a', 't1', 1, { flagged: 'hidden' }),
        quote('b', 't1', 2, { flagged: 'consent_withdrawn', effectiveAttribution: null }),
        quote('c', 't1', 3),
      ],
    });
    expect(list.flaggedCount).toBe(2);
    expect(list.quoteCount).toBe(3);
  });

  it('removes a quote after confirmation and closes up the others', async () => {
    const { list, removals, news } = setup(twoTopics());
    await list.load();
    list.askRemove('a');
    expect(list.confirmingRemove).toBe('a');
    const removing = list.remove('a');
    expect(list.confirmingRemove).toBe(null);
    removals[0]!.reply.resolve();
    expect(await removing).toBe(true);
    expect(ids(list.topics[0]!.quotes)).toEqual(['b', 'c']);
    expect(positions(list.topics[0]!.quotes)).toEqual([1, 2]);
    expect(news).toEqual([{ kind: 'removed', topicNumber: 1 }]);
  });

  it('shows a refused attribution at its quote and leaves the quote as it was', async () => {
    const { list, patches } = setup(twoTopics());
    await list.load();
    const setting = list.setAttribution('b', 'name');
    const refusal = new ApiError(409, 'quote_not_allowed', 'The author consents to be quoted only anonymously.');
    patches[0]!.reply.reject(refusal);
    expect(await setting).toBe(false);
    expect(list.failure).toEqual({ quoteId: 'b', error: refusal });
    expect(list.topics[0]!.quotes[1]!.attribution).toBe('none');
  });

  it('keeps the load error to show, and clears it when a retry works', async () => {
    let fail = true;
    const list = new CurationList({
      load: async () => {
        if (fail) throw new ApiError(0, 'network_error', 'down');
        return { topics: twoTopics() };
      },
      patch: async () => quote('x', 't1', 1),
      remove: async () => undefined,
      announce: () => undefined,
    });
    await list.load();
    expect(list.loadError).toBeInstanceOf(ApiError);
    fail = false;
    await list.load();
    expect(list.loadError).toBeUndefined();
    expect(list.quoteCount).toBe(3);
  });
});
