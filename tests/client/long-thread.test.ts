import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { threadEn } from '../../client/src/lib/i18n/sections/thread.en.ts';
import { threadEs } from '../../client/src/lib/i18n/sections/thread.es.ts';
import { threadFr } from '../../client/src/lib/i18n/sections/thread.fr.ts';
import { ThreadView } from '../../client/src/lib/state/thread-view.svelte.ts';
import { COLLAPSE_ABOVE, openByDefault, orderThreads, parseOrder, placeOf, threadWeight } from '../../client/src/lib/thread-layout.ts';
import { buildThreads, type Thread } from '../../client/src/lib/threads.ts';
import { itemAt, offsetsOf, rangeFor, unitHeight, visibleRange } from '../../client/src/lib/windowing.ts';

const comment = (id: string, seq: number, parentId: string | null = null): Comment => ({
  id,
  seq,
  changeSeq: seq,
  topicId: 't1',
  parentId,
  replyTo: null,
  author: { id: 'u1', displayName: 'Amina K.', country: 'SN', affiliation: 'ngo' },
  bodyHtml: `<p>${id}</p>`,
  language: 'en',
  status: 'published',
  editNote: null,
  createdAt: '2026-07-12T10:00:00.000Z',
  editedAt: null,
});

/** A thread `id` with `replies` replies, starting at `seq`. */
const thread = (id: string, seq: number, replies: number): Thread => ({
  comment: comment(id, seq),
  replies: Array.from({ length: replies }, (_, i) => comment(`${id}${i + 1}`, seq + i + 1, id)),
});

describe('windowing: which items a list renders', () => {
  const offsets = offsetsOf([100, 50, 200, 100]);

  it('adds the heights up into where each item starts, the total last', () => {
    expect([...offsets]).toEqual([0, 100, 150, 350, 450]);
    expect([...offsetsOf([])]).toEqual([0]);
  });

  it('finds the item a point falls in, item boundaries belonging to the next item', () => {
    expect([-20, 0, 99.5, 100, 149, 150, 449, 450, 9_000].map((y) => itemAt(offsets, y))).toEqual([0, 0, 0, 1, 1, 2, 3, 4, 4]);
  });

  it('renders the items that overlap a stretch, and at least one: the first above the list, the last below it', () => {
    expect(rangeFor(offsets, 120, 160)).toEqual({ start: 1, end: 3 });
    expect(rangeFor(offsets, 0, 100)).toEqual({ start: 0, end: 2 });
    expect(rangeFor(offsets, -500, -400)).toEqual({ start: 0, end: 1 });
    expect(rangeFor(offsets, 1_000, 2_000)).toEqual({ start: 3, end: 4 });
    expect(rangeFor(offsetsOf([]), 0, 100)).toEqual({ start: 0, end: 0 });
  });

  it('renders what the viewport shows and some way past it on both sides', () => {
    const tall = offsetsOf(Array.from({ length: 100 }, () => 100));
    // The list's top 2,000 px above the viewport's: the viewport shows items 20 to 27.
    expect(visibleRange(tall, -2_000, 800, 0)).toEqual({ start: 20, end: 29 });
    expect(visibleRange(tall, -2_000, 800, 0.5)).toEqual({ start: 16, end: 33 });
    // The list starts below the viewport: its first items are ready as the reader scrolls down.
    expect(visibleRange(tall, 500, 800, 0.5)).toEqual({ start: 0, end: 8 });
  });

  it('learns the height of one comment from what was measured, or keeps its guess', () => {
    expect(unitHeight([], 180)).toBe(180);
    expect(
      unitHeight(
        [
          { height: 300, weight: 1 },
          { height: 900, weight: 3 },
        ],
        180,
      ),
    ).toBe(300);
  });
});

describe('thread layout: order, folded sub-threads, where a comment is', () => {
  const threads = [thread('a', 1, 2), thread('b', 4, 0), thread('c', 5, COLLAPSE_ABOVE + 1)];

  it('shows the newest sub-threads first when asked, replies still in posting order, without changing the list', () => {
    expect(orderThreads(threads, 'oldest')).toBe(threads);
    const newest = orderThreads(threads, 'newest');
    expect(newest.map((t) => t.comment.id)).toEqual(['c', 'b', 'a']);
    expect(newest[2]!.replies.map((r) => r.id)).toEqual(['a1', 'a2']);
    expect(threads.map((t) => t.comment.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads a remembered order, oldest first for anything else', () => {
    expect([parseOrder('newest'), parseOrder('oldest'), parseOrder(null), parseOrder('sideways')]).toEqual(['newest', 'oldest', 'oldest', 'oldest']);
  });

  it('opens short sub-threads and folds long ones', () => {
    expect(threads.map(openByDefault)).toEqual([true, true, false]);
  });

  it('finds a comment among the sub-threads, as the first comment or a reply', () => {
    expect(placeOf(threads, 'b')).toEqual({ index: 1, reply: false });
    expect(placeOf(threads, 'c3')).toEqual({ index: 2, reply: true });
    expect(placeOf(threads, 'gone')).toBeNull();
  });

  it('weighs a sub-thread by the comments it shows', () => {
    expect(threadWeight(threads[0]!, true)).toBe(3.25);
    expect(threadWeight(threads[0]!, false)).toBe(1.25);
    expect(threadWeight(threads[1]!, true)).toBe(1);
  });
});

describe('ThreadView: how the reader looks at a thread', () => {
  function view(initial: Thread[], complete = true) {
    const state = { threads: initial, complete };
    return {
      state,
      view: new ThreadView(
        () => state.threads,
        () => state.complete,
      ),
    };
  }

  it('folds a sub-thread by its length once, so that replies arriving later never fold it under the reader', () => {
    const { state, view: v } = view([thread('a', 1, 3)]);
    expect(v.isOpen(state.threads[0]!)).toBe(true);
    state.threads = [thread('a', 1, COLLAPSE_ABOVE + 3)];
    expect(v.isOpen(state.threads[0]!)).toBe(true);
    expect(v.isOpen(thread('z', 50, COLLAPSE_ABOVE + 3))).toBe(false);
  });

  it('decides nothing for good while the thread is still being read', () => {
    const { state, view: v } = view([thread('a', 1, 3)], false);
    expect(v.isOpen(state.threads[0]!)).toBe(true);
    state.threads = [thread('a', 1, COLLAPSE_ABOVE + 3)];
    expect(v.isOpen(state.threads[0]!)).toBe(false);
  });

  it('opens and folds sub-threads as the reader asks', () => {
    const long = thread('c', 5, COLLAPSE_ABOVE + 1);
    const { view: v } = view([thread('a', 1, 1), long]);
    v.toggle(long);
    expect(v.isOpen(long)).toBe(true);
    v.toggle(long);
    expect(v.isOpen(long)).toBe(false);
    v.open('c');
    expect(v.isOpen(long)).toBe(true);
  });

  it('orders the threads as chosen', () => {
    const threads = buildThreads([comment('a', 1), comment('b', 2), comment('a1', 3, 'a')]);
    const { view: v } = view(threads);
    expect(v.ordered.map((t) => t.comment.id)).toEqual(['a', 'b']);
    v.setOrder('newest');
    expect(v.ordered.map((t) => t.comment.id)).toEqual(['b', 'a']);
  });

  it('highlights and brings into view the linked comment, and says when the thread does not hold it', () => {
    const { view: v } = view([thread('a', 1, 1)]);
    v.show('a1');
    expect([v.target, v.request, v.missing]).toEqual(['a1', 'a1', null]);
    v.show('gone');
    v.notFound('gone');
    expect([v.target, v.request, v.missing]).toEqual(['gone', null, 'gone']);
    v.show(null);
    expect([v.target, v.request, v.missing]).toEqual([null, null, null]);
    // A jump brings a comment into view without highlighting it.
    v.jump('a');
    expect([v.target, v.request]).toEqual([null, 'a']);
  });
});

describe('the thread’s messages', () => {
  const placeholders = (message: string): string =>
    [...message.matchAll(PLACEHOLDER)]
      .map((match) => match[1])
      .sort()
      .join();

  it.each([
    ['fr', threadFr],
    ['es', threadEs],
  ] as const)('%s has every key of en, translated, with the same placeholders', (_locale, messages) => {
    const keys = Object.keys(threadEn) as (keyof typeof threadEn)[];
    expect(Object.keys(messages).sort()).toEqual([...keys].sort());
    expect(keys.filter((key) => messages[key] === threadEn[key] || messages[key].trim() === '')).toEqual([]);
    expect(keys.filter((key) => placeholders(messages[key]) !== placeholders(threadEn[key]))).toEqual([]);
  });
});
