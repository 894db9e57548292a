import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { ModerationActionName, QueueItem, QueueResolved } from '../../shared/moderation.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { isTyping, queueCommand, type KeyPress } from '../../client/src/lib/queue-shortcuts.ts';
import { listen } from '../../client/src/lib/realtime.svelte.ts';
import { ModerationQueue, type QueueApi, type QueueNotice } from '../../client/src/lib/state/moderation-queue.svelte.ts';
import { defaultUntil, localDay, untilIso } from '../../client/src/lib/suspension-dates.ts';

/** A socket that the test drives: `fire` delivers a server event to the listeners. */
function fakeSocket() {
  const listeners = new Map<string, ((payload?: unknown) => void)[]>();
  const socket = {
    connected: true,
    on(event: string, listener: (payload?: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    off(event: string, listener: (payload?: unknown) => void) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
      );
      return socket;
    },
    fire(event: string, payload?: unknown) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    count: (event: string) => listeners.get(event)?.length ?? 0,
  };
  return socket;
}

function item(id: string, waitingSince: string, overrides: Partial<QueueItem> = {}, status: Comment['status'] = 'pending'): QueueItem {
  return {
    comment: {
      id,
      seq: 1,
      changeSeq: 1,
      topicId: 't1',
      parentId: null,
      replyTo: null,
      author: { id: `author-${id}`, displayName: `Author ${id}`, country: 'KE', affiliation: null },
      bodyHtml: `<p>${id}</p>`,
      bodyMarkdown: id,
      language: 'en',
      status,
      editNote: null,
      createdAt: waitingSince,
      editedAt: null,
    },
    dialogueSlug: 'idm',
    topicNumber: 1,
    kind: status === 'pending' ? 'held' : 'reported',
    heldReason: status === 'pending' ? 'watched_word' : null,
    waitingSince,
    reports: [],
    authorHistory: { held: 0, hidden: 0, declined: 0 },
    ...overrides,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const ids = (queue: ModerationQueue) => queue.visible.map((entry) => entry.item.comment.id);

interface Setup {
  items?: QueueItem[];
  moderate?: QueueApi['moderate'];
  canModerate?: (slug: string) => boolean;
  viewerId?: string;
}

async function setup({ items = [], moderate, canModerate = () => true, viewerId }: Setup = {}) {
  const socket = fakeSocket();
  const notices: QueueNotice[] = [];
  const arrivals: number[] = [];
  const calls: { commentId: string; action: ModerationActionName; reason?: string }[] = [];
  let loaded = items;
  const queue = new ModerationQueue({
    api: {
      load: async () => loaded,
      moderate:
        moderate ??
        (async (commentId, action, reason) => {
          calls.push({ commentId, action, ...(reason === undefined ? {} : { reason }) });
          return item(commentId, '2026-07-12T10:00:00.000Z').comment;
        }),
      suspend: async (_userId, until) => ({ until }),
      lift: async () => undefined,
    },
    canModerate,
    ...(viewerId === undefined ? {} : { viewerId }),
    arrived: (count) => arrivals.push(count),
    notice: (notice) => notices.push(notice),
  });
  const stop = queue.follow(Promise.resolve({ listen: (handlers) => listen(socket as never, handlers), state: 'online' }));
  await flush();
  return { queue, stop, socket, notices, arrivals, calls, setLoaded: (next: QueueItem[]) => (loaded = next) };
}

describe('ModerationQueue, the live moderation queue', () => {
  it('offers no decision on the moderator’s own comment, as the queue says or, live, by its author', async () => {
    const { queue, socket, calls } = await setup({
      items: [item('mine', '2026-07-12T10:01:00.000Z', { own: true }), item('theirs', '2026-07-12T10:02:00.000Z', { own: false })],
      viewerId: 'author-live',
    });
    const [mine, theirs] = queue.visible;
    expect([queue.isOwn(mine!), queue.isOwn(theirs!)]).toEqual([true, false]);
    expect(queue.actionsFor(mine!)).toEqual([]);
    expect(queue.actionsFor(theirs!)).not.toEqual([]);
    await queue.act('mine', 'approve');
    expect(calls).toEqual([]);
    socket.fire('moderation:queued', item('live', '2026-07-12T10:03:00.000Z'));
    const live = queue.visible.find((entry) => entry.item.comment.id === 'live')!;
    expect([queue.isOwn(live), queue.actionsFor(live)]).toEqual([true, []]);
  });

  it('lists the items the moderator moderates, the longest-waiting first', async () => {
    const { queue } = await setup({
      items: [
        item('b', '2026-07-12T10:05:00.000Z'),
        item('a', '2026-07-12T10:01:00.000Z'),
        item('other', '2026-07-12T09:00:00.000Z', { dialogueSlug: 'elsewhere' }),
        item('c', '2026-07-12T10:09:00.000Z'),
      ],
      canModerate: (slug) => slug === 'idm',
    });
    expect(queue.loading).toBe(false);
    expect(ids(queue)).toEqual(['a', 'b', 'c']);
    expect(queue.waiting).toBe(3);
  });

  it('adds a newly queued item in its place and counts it as arrived; a queued item again only updates', async () => {
    const { queue, socket, arrivals } = await setup({ items: [item('a', '2026-07-12T10:01:00.000Z'), item('c', '2026-07-12T10:09:00.000Z')] });
    socket.fire('moderation:queued', item('b', '2026-07-12T10:05:00.000Z'));
    expect(ids(queue)).toEqual(['a', 'b', 'c']);
    expect(arrivals).toEqual([1]);

    const reported = item('b', '2026-07-12T10:05:00.000Z', { reports: [{ reason: 'spam', details: '', createdAt: '2026-07-12T10:06:00.000Z' }] });
    socket.fire('moderation:queued', reported);
    expect(ids(queue)).toEqual(['a', 'b', 'c']);
    expect(queue.visible[1]!.item.reports).toHaveLength(1);
    expect(arrivals).toEqual([1]);
  });

  it('ignores queued items of dialogues the moderator does not moderate', async () => {
    const { queue, socket, arrivals } = await setup({ canModerate: (slug) => slug === 'idm' });
    socket.fire('moderation:queued', item('x', '2026-07-12T10:00:00.000Z', { dialogueSlug: 'elsewhere' }));
    expect(ids(queue)).toEqual([]);
    expect(arrivals).toEqual([]);
  });

  it('takes away an item another moderator resolved, says so, and keeps the keyboard on the item in its place', async () => {
    const { queue, socket, notices } = await setup({
      items: [item('a', '2026-07-12T10:01:00.000Z'), item('b', '2026-07-12T10:02:00.000Z'), item('c', '2026-07-12T10:03:00.000Z')],
    });
    queue.select('b');
    socket.fire('moderation:resolved', { commentId: 'b', action: 'approve', status: 'published' } satisfies QueueResolved);
    expect(ids(queue)).toEqual(['a', 'c']);
    expect(queue.selectedId).toBe('c');
    expect(notices).toEqual([{ type: 'resolvedByOther', item: expect.objectContaining({ dialogueSlug: 'idm' }) }]);
    expect((notices[0] as { item: QueueItem }).item.comment.id).toBe('b');

    socket.fire('moderation:resolved', { commentId: 'c', action: 'hide', status: 'hidden' });
    expect(queue.selectedId).toBe('a');
  });

  it('folds its own decision in place, and the event of that decision is not "another moderator"', async () => {
    let answer: (comment: Comment) => void = () => undefined;
    const { queue, socket, notices } = await setup({
      items: [item('a', '2026-07-12T10:01:00.000Z'), item('b', '2026-07-12T10:02:00.000Z')],
      moderate: () => new Promise<Comment>((resolve) => (answer = resolve)),
    });
    const acting = queue.act('a', 'approve');
    expect(queue.busy).toBe('a');
    // The server announces the decision before its HTTP answer arrives.
    socket.fire('moderation:resolved', { commentId: 'a', action: 'approve', status: 'published' });
    answer(item('a', '2026-07-12T10:01:00.000Z').comment);
    await acting;
    expect(ids(queue)).toEqual(['a', 'b']);
    expect(queue.visible[0]!.outcome).toEqual({ kind: 'done', action: 'approve' });
    expect(queue.waiting).toBe(1);
    expect(notices.map((notice) => notice.type)).toEqual(['done']);
    expect(queue.actionsFor(queue.visible[0]!)).toEqual([]);

    queue.dismiss('a');
    expect(ids(queue)).toEqual(['b']);
  });

  it('shows a 409 already_moderated as "another moderator has dealt with it", not as an error', async () => {
    const { queue, socket, notices } = await setup({
      items: [item('a', '2026-07-12T10:01:00.000Z')],
      moderate: async () => {
        throw new ApiError(409, 'already_moderated', 'Another moderator has already dealt with this comment.');
      },
    });
    await queue.act('a', 'approve');
    expect(queue.failure).toBeNull();
    expect(queue.visible[0]!.outcome).toEqual({ kind: 'conflict' });
    expect(notices.map((notice) => notice.type)).toEqual(['conflict']);
    // The other moderator's event, arriving late, leaves the explanation in place.
    socket.fire('moderation:resolved', { commentId: 'a', action: 'decline', status: 'declined' });
    expect(ids(queue)).toEqual(['a']);
  });

  it('shows other refusals under the item and keeps it waiting', async () => {
    const { queue } = await setup({
      items: [item('a', '2026-07-12T10:01:00.000Z')],
      moderate: async () => {
        throw new ApiError(403, 'forbidden', 'No.');
      },
    });
    await queue.act('a', 'approve');
    expect(queue.failure).toEqual({ commentId: 'a', error: expect.any(ApiError) });
    expect(queue.visible[0]!.outcome).toBeNull();
  });

  it('hides and declines only with a reason, which is sent', async () => {
    const { queue, calls } = await setup({ items: [item('a', '2026-07-12T10:01:00.000Z'), item('r', '2026-07-12T10:02:00.000Z', {}, 'published')] });
    queue.openForm('a', 'decline');
    await queue.act('a', 'decline');
    expect(queue.needsReason).toBe(true);
    expect(calls).toEqual([]);
    queue.reason = '  Off topic.  ';
    await queue.act('a', 'decline');
    expect(calls).toEqual([{ commentId: 'a', action: 'decline', reason: 'Off topic.' }]);
    expect(queue.form).toBeNull();
    // A reported, published comment is kept or hidden, never declined.
    expect(queue.actionsFor(queue.visible[1]!)).toEqual(['approve', 'hide']);
    await queue.act('r', 'decline');
    expect(calls).toHaveLength(1);
  });

  it('offers to restore what it hid', async () => {
    const { queue, calls } = await setup({ items: [item('r', '2026-07-12T10:02:00.000Z', {}, 'published')] });
    queue.openForm('r', 'hide');
    queue.reason = 'Personal data.';
    await queue.act('r', 'hide');
    expect(queue.actionsFor(queue.visible[0]!)).toEqual(['restore']);
    await queue.act('r', 'restore');
    expect(calls.map((call) => call.action)).toEqual(['hide', 'restore']);
    expect(queue.visible[0]!.outcome).toEqual({ kind: 'done', action: 'restore' });
  });

  it('reads the queue again on reconnect, keeping its folded decisions', async () => {
    const { queue, socket, setLoaded } = await setup({ items: [item('a', '2026-07-12T10:01:00.000Z'), item('b', '2026-07-12T10:02:00.000Z')] });
    await queue.act('a', 'approve');
    setLoaded([item('b', '2026-07-12T10:02:00.000Z'), item('d', '2026-07-12T10:04:00.000Z')]);
    socket.fire('connect');
    await flush();
    expect(ids(queue)).toEqual(['a', 'b', 'd']);
    expect(queue.visible[0]!.outcome).toEqual({ kind: 'done', action: 'approve' });
  });

  it('narrows to one dialogue and moves the selection within what is shown', async () => {
    const { queue } = await setup({
      items: [item('a', '2026-07-12T10:01:00.000Z'), item('x', '2026-07-12T10:02:00.000Z', { dialogueSlug: 'other' }), item('b', '2026-07-12T10:03:00.000Z')],
    });
    expect(queue.slugs).toEqual(['idm', 'other']);
    expect(queue.move(1)).toBe('a');
    expect(queue.move(1)).toBe('x');
    queue.filter('idm');
    expect(queue.selectedId).toBeNull();
    expect(queue.move(-1)).toBe('b');
    expect(queue.move(1)).toBe('b');
    expect(queue.move(-1)).toBe('a');
    expect(queue.move(-1)).toBe('a');
  });

  it('suspends the author until the end of the chosen day, and lifts it', async () => {
    const { queue, notices } = await setup({ items: [item('a', '2026-07-12T10:01:00.000Z')] });
    queue.openForm('a', 'suspend');
    expect(queue.until).toBe(defaultUntil());
    queue.until = '2000-01-01';
    queue.reason = 'Spam, repeatedly.';
    await queue.suspendAuthor('a');
    expect(queue.needsUntil).toBe(true);
    queue.until = defaultUntil();
    await queue.suspendAuthor('a');
    expect(queue.suspended['author-a']).toBe(untilIso(defaultUntil()));
    await queue.liftSuspension('a');
    expect(queue.suspended).toEqual({});
    expect(notices.map((notice) => notice.type)).toEqual(['suspended', 'lifted']);
  });

  it('stops listening when the page goes', async () => {
    const { stop, socket } = await setup();
    expect(socket.count('moderation:queued')).toBe(1);
    stop();
    expect(socket.count('moderation:queued')).toBe(0);
    expect(socket.count('moderation:resolved')).toBe(0);
  });
});

describe('queueCommand, the keyboard shortcuts of the queue', () => {
  const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
    key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    typing: false,
    inList: false,
    ...more,
  });

  it.each([
    ['j', 'next'],
    ['k', 'previous'],
    ['a', 'approve'],
    ['A', 'approve'],
    ['h', 'hide'],
    ['d', 'decline'],
    ['x', null],
    ['Enter', null],
  ] as const)('maps %s to %s', (key, command) => {
    expect(queueCommand(press(key))).toBe(command);
  });

  it('moves with the arrow keys only inside the list, where they do not scroll the page', () => {
    expect(queueCommand(press('ArrowDown'))).toBeNull();
    expect(queueCommand(press('ArrowDown', { inList: true }))).toBe('next');
    expect(queueCommand(press('ArrowUp', { inList: true }))).toBe('previous');
  });

  it('never fires while typing, nor with a modifier', () => {
    expect(queueCommand(press('a', { typing: true }))).toBeNull();
    expect(queueCommand(press('j', { typing: true, inList: true }))).toBeNull();
    expect(queueCommand(press('d', { ctrlKey: true }))).toBeNull();
    expect(queueCommand(press('a', { metaKey: true }))).toBeNull();
    expect(queueCommand(press('h', { altKey: true }))).toBeNull();
  });

  it('knows which focused elements take typing', () => {
    expect(isTyping({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'date' })).toBe(true);
    expect(isTyping({ tagName: 'SELECT' })).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTyping({ tagName: 'BUTTON' })).toBe(false);
    expect(isTyping({ tagName: 'ARTICLE' })).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('suspension dates', () => {
  it('ends a suspension at the midnight after the chosen day, and refuses days already over', () => {
    const now = new Date(2026, 6, 12, 15, 0).getTime();
    expect(untilIso('2026-07-12', now)).toBe(new Date(2026, 6, 13).toISOString());
    expect(untilIso('2026-07-11', now)).toBeNull();
    expect(untilIso('12/07/2026', now)).toBeNull();
    expect(defaultUntil(now)).toBe('2026-07-19');
    expect(localDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
