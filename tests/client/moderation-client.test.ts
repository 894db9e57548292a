import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { AuditEntry, AuditQuery, QueueItem } from '../../shared/moderation.ts';
import type { Notification, NotificationList } from '../../shared/notifications.ts';
import { moderationEn } from '../../client/src/lib/i18n/sections/moderation.en.ts';
import { moderationEs } from '../../client/src/lib/i18n/sections/moderation.es.ts';
import { moderationFr } from '../../client/src/lib/i18n/sections/moderation.fr.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { reportsToHoldFrom, wordsFromText } from '../../client/src/lib/moderation-settings.ts';
import type { StaffMember } from '../../client/src/lib/moderation-api.ts';
import { canModerate, moderatesAny } from '../../client/src/lib/moderators.ts';
import { AuditLogView } from '../../client/src/lib/state/audit-log.svelte.ts';
import { DialogueSettings, SEARCH_DELAY_MS } from '../../client/src/lib/state/dialogue-settings.svelte.ts';
import { listen } from '../../client/src/lib/realtime.svelte.ts';
import { NotificationCenter } from '../../client/src/lib/state/notifications.svelte.ts';
import { QueueCount } from '../../client/src/lib/state/queue-count.svelte.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function fakeSocket() {
  const listeners = new Map<string, ((payload?: unknown) => void)[]>();
  const socket = {
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
  };
  return socket;
}

describe('the moderation screens’ catalogue', () => {
  const keys = Object.keys(moderationEn).sort();
  const placeholdersIn = (message: string): string =>
    [...message.matchAll(PLACEHOLDER)]
      .map((match) => match[1])
      .sort()
      .join();

  it.each([
    ['fr', moderationFr],
    ['es', moderationEs],
  ] as const)('%s has exactly the keys and placeholders of en, every message translated', (_locale, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    const en = moderationEn as Record<string, string>;
    const own = catalogue as Record<string, string>;
    expect(keys.filter((key) => placeholdersIn(own[key]!) !== placeholdersIn(en[key]!))).toEqual([]);
    expect(keys.filter((key) => own[key]!.trim() === '' || own[key] === en[key])).toEqual([]);
  });
});

describe('who moderates what', () => {
  it('grants organizers every dialogue, moderators theirs, and every dialogue to moderators of a server that does not list them', () => {
    expect(canModerate({ role: 'organizer', moderates: [] }, 'idm')).toBe(true);
    expect(canModerate({ role: 'participant', moderates: ['idm'] }, 'idm')).toBe(true);
    expect(canModerate({ role: 'moderator', moderates: ['other'] }, 'idm')).toBe(false);
    expect(canModerate({ role: 'moderator' }, 'idm')).toBe(true);
    expect(canModerate({ role: 'participant' }, 'idm')).toBe(false);
    expect(canModerate(null, 'idm')).toBe(false);
    expect(moderatesAny({ role: 'participant', moderates: ['idm'] })).toBe(true);
    expect(moderatesAny({ role: 'moderator', moderates: [] })).toBe(false);
  });
});

describe('moderation settings as typed', () => {
  it('reads watched words one per line, without blanks or doubles', () => {
    expect(wordsFromText(' spam \n\nscam*\nspam\n  ')).toEqual(['spam', 'scam*']);
  });

  it('accepts a whole number of reports from 1 to 1000', () => {
    expect(reportsToHoldFrom(' 3 ')).toBe(3);
    expect(reportsToHoldFrom('0')).toBeNull();
    expect(reportsToHoldFrom('1000')).toBe(1000);
    expect(reportsToHoldFrom('1001')).toBeNull();
    expect(reportsToHoldFrom('2.5')).toBeNull();
    expect(reportsToHoldFrom('')).toBeNull();
  });
});

describe('NotificationCenter, the bell', () => {
  const notification = (id: string, readAt: string | null): Notification => ({
    id,
    kind: 'comment.decline',
    commentId: 'c1',
    topicId: 't1',
    quoteId: null,
    actorName: null,
    reason: 'Off topic.',
    createdAt: '2026-07-12T10:00:00.000Z',
    readAt,
  });

  it('counts unread, reloads on a live notification, and marks all read when opened, keeping them marked new while open', async () => {
    const socket = fakeSocket();
    let list: NotificationList = { items: [notification('n1', null), notification('n0', '2026-07-12T09:00:00.000Z')], unread: 1 };
    let marked = 0;
    const center = new NotificationCenter({
      list: async () => list,
      markRead: async () => {
        marked++;
      },
    });
    const stop = center.follow(Promise.resolve({ listen: (handlers) => listen(socket as never, handlers) }));
    await flush();
    expect(center.unread).toBe(1);

    list = { items: [notification('n2', null), ...list.items], unread: 2 };
    socket.fire('notification:created');
    await flush();
    expect(center.unread).toBe(2);

    center.show();
    expect(center.unread).toBe(0);
    expect(center.fresh).toEqual(['n2', 'n1']);
    expect(marked).toBe(1);
    center.close();
    expect(center.fresh).toEqual([]);
    stop();
  });
});

describe('QueueCount, the count in the header', () => {
  it('follows queued and resolved items of the dialogues the reader moderates', async () => {
    const socket = fakeSocket();
    const queued = (id: string, dialogueSlug = 'idm') => ({ comment: { id }, dialogueSlug }) as unknown as QueueItem;
    const count = new QueueCount(
      async () => [queued('a'), queued('b', 'other')],
      (slug) => slug === 'idm',
    );
    const stop = count.follow(Promise.resolve({ listen: (handlers) => listen(socket as never, handlers) }));
    await flush();
    expect(count.count).toBe(1);
    socket.fire('moderation:queued', queued('c'));
    socket.fire('moderation:queued', queued('c'));
    socket.fire('moderation:queued', queued('d', 'other'));
    expect(count.count).toBe(2);
    socket.fire('moderation:resolved', { commentId: 'a', action: 'approve', status: 'published' });
    expect(count.count).toBe(1);
    stop();
  });
});

describe('AuditLogView, the audit log page', () => {
  const entry = (id: string, actor = 'a1'): AuditEntry => ({
    id,
    dialogueId: 'd1',
    actor: { id: actor, displayName: `Actor ${actor}` },
    action: 'comment.hide',
    targetType: 'comment',
    targetId: `c-${id}`,
    reason: 'Personal data.',
    before: { status: 'published' },
    after: { status: 'hidden' },
    createdAt: '2026-07-12T10:00:00.000Z',
  });

  it('reads a page, appends the next one from the cursor, and starts again when a filter changes', async () => {
    const queries: AuditQuery[] = [];
    const log = new AuditLogView(async (query) => {
      queries.push(query);
      if (query.after === 'cursor-1') return { items: [entry('3', 'a2')], nextCursor: null };
      return { items: [entry('1'), entry('2')], nextCursor: 'cursor-1' };
    });
    await flush();
    expect(log.items.map((item) => item.id)).toEqual(['1', '2']);
    const first = await log.more();
    expect(first?.id).toBe('3');
    expect(log.items.map((item) => item.id)).toEqual(['1', '2', '3']);
    expect(log.nextCursor).toBeNull();
    expect(log.actors).toEqual({ a1: 'Actor a1', a2: 'Actor a2' });
    expect(await log.more()).toBeNull();

    log.action = 'comment.hide';
    log.actor = 'a2';
    await log.load();
    expect(queries.at(-1)).toEqual({ limit: 30, action: 'comment.hide', actor: 'a2' });
    expect(log.items.map((item) => item.id)).toEqual(['1', '2']);
  });
});

describe('DialogueSettings, an organizer’s moderation settings', () => {
  afterEach(() => vi.useRealTimers());

  const dialogue = {
    slug: 'idm',
    title: 'IDM',
    moderation: 'post',
    reportsToHold: 3,
    holdFirstComment: false,
    // The settings screen also edits the dialogue's own fields, read with it.
    opensAt: '2026-07-12T07:00:00.000Z',
    closesAt: '2026-07-25T16:00:00.000Z',
    timeZone: 'Europe/Zurich',
    languages: ['en'],
  } as Dialogue;
  const mona: StaffMember = { id: 'u1', displayName: 'Mona', email: 'mona@example.org', role: 'moderator' };

  function settings() {
    const calls: unknown[][] = [];
    let moderators: StaffMember[] = [];
    const store = new DialogueSettings('idm', {
      dialogue: async () => dialogue,
      save: async (slug, patch) => {
        calls.push(['save', slug, patch]);
        return { ...dialogue, ...patch } as Dialogue;
      },
      words: async () => ['spam'],
      saveWords: async (_slug, words) => {
        calls.push(['words', words]);
        return [...words].map((word) => word.toLowerCase()).sort();
      },
      moderators: async () => moderators,
      appoint: async (_slug, userId) => (moderators = [{ ...mona, id: userId }]),
      remove: async () => (moderators = []),
      search: async (q) => {
        calls.push(['search', q]);
        return [{ ...mona, country: 'KE' }];
      },
    });
    return { store, calls };
  }

  it('reads the settings, refuses a number of reports that is not one, and saves the rest', async () => {
    const { store, calls } = settings();
    await flush();
    expect(store.hasHoldSettings).toBe(true);
    expect(store.reportsToHold).toBe('3');
    expect(store.wordsText).toBe('spam');
    store.reportsToHold = 'three';
    await store.saveSettings();
    expect(store.reportsInvalid).toBe(true);
    expect(calls).toEqual([]);
    store.reportsToHold = '5';
    store.policy = 'pre';
    store.holdFirstComment = true;
    await store.saveSettings();
    expect(calls).toEqual([['save', 'idm', { moderation: 'pre', reportsToHold: 5, holdFirstComment: true }]]);
    expect(store.settingsSave.done).toBe(true);
  });

  it('saves watched words one per line and shows them as the server keeps them', async () => {
    const { store, calls } = settings();
    await flush();
    store.wordsText = 'Spam\n\n  Scam*\nspam';
    await store.saveWords();
    expect(calls).toEqual([['words', ['Spam', 'Scam*', 'spam']]]);
    expect(store.wordsText).toBe('scam*\nspam\nspam');
  });

  it('searches after a pause from two characters, and appoints and removes moderators', async () => {
    vi.useFakeTimers();
    const { store, calls } = settings();
    await vi.advanceTimersByTimeAsync(0);
    store.search('m');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(calls).toEqual([]);
    store.search('mo');
    store.search('mon');
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(calls).toEqual([['search', 'mon']]);
    expect(store.results).toHaveLength(1);

    await store.appoint({ ...mona, country: 'KE' });
    expect(store.isModerator('u1')).toBe(true);
    expect(store.moderatorChange).toEqual({ kind: 'appointed', name: 'Mona' });
    await store.remove(mona);
    expect(store.moderators).toEqual([]);
    expect(store.moderatorChange).toEqual({ kind: 'removed', name: 'Mona' });
  });
});
