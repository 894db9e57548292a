import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import { ReadPosition, SAVE_EVERY_MS, SETTLE_MS } from '../../client/src/lib/read-position.ts';
import { buildThreads } from '../../client/src/lib/threads.ts';
import { newSinceLastVisit } from '../../client/src/lib/unread.ts';

describe('ReadPosition: where a signed-in reader left off', () => {
  let highest: number;
  let visible: boolean;
  let save: ReturnType<typeof vi.fn<(seq: number) => Promise<void>>>;

  beforeEach(() => {
    vi.useFakeTimers();
    highest = 10;
    visible = true;
    save = vi.fn(async () => undefined);
  });
  afterEach(() => vi.useRealTimers());

  const position = () => new ReadPosition({ highestSeq: () => highest, save, visible: () => visible, now: () => Date.now() });

  it('saves the highest comment shown once the page has been open a moment, not at a glance', async () => {
    const p = position();
    p.start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledWith(10);
    p.stop();
  });

  it('saves again as comments arrive, at most once per interval, and never the same position twice', async () => {
    const p = position();
    p.start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    for (let i = 0; i < 10; i++) {
      highest++;
      p.seen();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(save.mock.calls.length).toBe(1);
    await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS);
    expect(save.mock.calls.map(([seq]) => seq)).toEqual([10, 20]);
    p.seen();
    await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS);
    expect(save).toHaveBeenCalledTimes(2);
    p.stop();
  });

  it('saves nothing while the page is out of sight, and catches up when it comes back', async () => {
    visible = false;
    const p = position();
    p.start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(save).not.toHaveBeenCalled();
    visible = true;
    p.seen();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledWith(10);
    p.stop();
  });

  it('tries a failed save again with the next comment', async () => {
    save.mockRejectedValueOnce(new Error('offline'));
    const p = position();
    p.start();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    p.seen();
    await vi.advanceTimersByTimeAsync(SAVE_EVERY_MS);
    expect(save.mock.calls.map(([seq]) => seq)).toEqual([10, 10]);
    p.stop();
  });
});

describe('newSinceLastVisit', () => {
  const comment = (seq: number, author: string, parentId: string | null = null, status: Comment['status'] = 'published'): Comment =>
    ({ id: `c${seq}`, seq, parentId, status, author: { id: author } }) as Comment;
  const thread = [
    comment(1, 'me'),
    comment(2, 'ana'),
    comment(3, 'ana'),
    comment(4, 'me'),
    comment(5, 'bo', 'c1'),
    comment(6, 'bo', null, 'hidden'),
    comment(7, 'ana'),
  ];

  it('counts comments by others after where the reader left off, up to what was there on arrival', () => {
    // Shown in thread order: the reply to c1 (seq 5) comes before c3, so the marker goes on it.
    expect(newSinceLastVisit(buildThreads(thread), 2, 6, 'me')).toEqual({ count: 2, firstId: 'c5' });
  });

  it('says nothing to a first-time reader, or when nothing is new', () => {
    expect(newSinceLastVisit(buildThreads(thread), null, 7, 'me')).toBeNull();
    expect(newSinceLastVisit(buildThreads(thread), 7, 7, 'me')).toBeNull();
    expect(newSinceLastVisit(buildThreads(thread), 3, 4, 'me')).toBeNull();
  });
});
