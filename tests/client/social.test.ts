import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MentionableParticipant } from '../../shared/follows.ts';
import type { Notification, NotificationList } from '../../shared/notifications.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { socialEn } from '../../client/src/lib/i18n/sections/social.en.ts';
import { socialEs } from '../../client/src/lib/i18n/sections/social.es.ts';
import { socialFr } from '../../client/src/lib/i18n/sections/social.fr.ts';
import { MENTION_DELAY_MS, mentionAt, MentionSuggestions } from '../../client/src/lib/state/mentions.svelte.ts';
import { NotificationCenter } from '../../client/src/lib/state/notifications.svelte.ts';

const placeholders = (message: string): string =>
  [...message.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join();

describe('the social messages', () => {
  it.each([
    ['fr', socialFr],
    ['es', socialEs],
  ] as const)('%s has every key of en, translated, with the same placeholders', (_locale, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(socialEn).sort());
    for (const [key, english] of Object.entries(socialEn)) {
      const translated = catalogue[key as keyof typeof socialEn];
      expect(translated.trim(), key).not.toBe('');
      expect(translated, key).not.toBe(english);
      expect(placeholders(translated), key).toBe(placeholders(english));
    }
  });
});

describe('mentionAt', () => {
  it('finds the @name being typed at the caret, spaces included', () => {
    expect(mentionAt('Hello @Kw', 9)).toEqual({ at: 6, text: 'Kw' });
    expect(mentionAt('@Kwame Me', 9)).toEqual({ at: 0, text: 'Kwame Me' });
    expect(mentionAt('(@ana', 5)).toEqual({ at: 1, text: 'ana' });
    expect(mentionAt('@Kwame ', 7)).toEqual({ at: 0, text: 'Kwame ' });
  });

  it('ignores an @ alone, in an address, far back, or before the caret left it', () => {
    expect(mentionAt('Hello @', 7)).toBeNull();
    expect(mentionAt('mail me@example.org', 19)).toBeNull();
    expect(mentionAt('@Kwame and then five more words here', 36)).toBeNull();
    expect(mentionAt('@Kwame, yes', 11)).toBeNull();
    expect(mentionAt('@Kw and more', 3)).toEqual({ at: 0, text: 'Kw' });
  });
});

describe('MentionSuggestions', () => {
  const kwame: MentionableParticipant = { id: 'u1', displayName: 'Kwame Mensah' };
  const kwabena: MentionableParticipant = { id: 'u2', displayName: 'Kwabena Owusu' };
  let asked: string[];
  const search = async (q: string): Promise<MentionableParticipant[]> => {
    asked.push(q);
    return [kwame, kwabena].filter((p) => p.displayName.toLowerCase().startsWith(q.toLowerCase()));
  };

  beforeEach(() => {
    vi.useFakeTimers();
    asked = [];
  });
  afterEach(() => vi.useRealTimers());

  const typed = async (s: MentionSuggestions, body: string): Promise<void> => {
    s.update(body, body.length);
    await vi.advanceTimersByTimeAsync(MENTION_DELAY_MS);
  };

  it('asks once per pause, and not again for what matched nobody', async () => {
    const s = new MentionSuggestions(search);
    s.update('@K', 2);
    s.update('@Kw', 3);
    await vi.advanceTimersByTimeAsync(MENTION_DELAY_MS);
    expect(asked).toEqual(['Kw']);
    expect(s.open).toBe(true);
    expect(s.items).toEqual([kwame, kwabena]);
    await typed(s, '@Kwz');
    expect(s.open).toBe(false);
    await typed(s, '@Kwzy');
    expect(asked).toEqual(['Kw', 'Kwz']);
    // Back to a prefix asked before: from memory.
    s.update('@Kw', 3);
    expect(s.items).toEqual([kwame, kwabena]);
    expect(asked).toEqual(['Kw', 'Kwz']);
  });

  it('moves round the list and inserts the chosen name with a space, then stays closed', async () => {
    const s = new MentionSuggestions(search);
    await typed(s, 'Thanks @kw');
    s.move(-1);
    expect(s.active).toBe(1);
    s.move(1);
    expect(s.active).toBe(0);
    const chosen = s.choose();
    expect(chosen).toEqual({ body: 'Thanks @Kwame Mensah ', caret: 'Thanks @Kwame Mensah '.length });
    expect(s.open).toBe(false);
    await typed(s, 'Thanks @Kwame Mensah is');
    expect(s.open).toBe(false);
  });

  it('closes on Escape until the @ is typed again', async () => {
    const s = new MentionSuggestions(search);
    await typed(s, '@Kw');
    s.dismiss();
    await typed(s, '@Kwa');
    expect(s.open).toBe(false);
    await typed(s, '@');
    await typed(s, '@K');
    expect(s.open).toBe(true);
  });

  it('replaces only the typed part in the middle of a text', async () => {
    const s = new MentionSuggestions(search);
    s.update('Ask @Kwab today', 9);
    await vi.advanceTimersByTimeAsync(MENTION_DELAY_MS);
    expect(s.choose()).toEqual({ body: 'Ask @Kwabena Owusu today', caret: 'Ask @Kwabena Owusu '.length });
  });
});

describe('NotificationCenter consent withdrawal', () => {
  const quote = (consentWithdrawn = false): Notification => ({
    id: 'n1',
    kind: 'quote.created',
    commentId: 'c1',
    topicId: 't1',
    quoteId: 'q1',
    actorName: null,
    reason: 'Remittances matter.',
    consentWithdrawn,
    createdAt: '2026-12-01T10:00:00.000Z',
    readAt: null,
  });
  const list = async (): Promise<NotificationList> => ({ items: [quote()], unread: 1 });

  it('shows the quote withdrawn once the server agreed, or had it already', async () => {
    for (const answer of [() => Promise.resolve(), () => Promise.reject(new ApiError(409, 'consent_already_withdrawn', 'Already.'))]) {
      const center = new NotificationCenter({ list, markRead: async () => undefined, withdrawConsent: answer });
      await center.reload();
      await center.withdraw('q1');
      expect(center.items[0]!.consentWithdrawn).toBe(true);
      expect(center.withdrawals).toEqual({});
    }
  });

  it('says so when it failed, and lets the reader try again', async () => {
    let fail = true;
    const center = new NotificationCenter({
      list,
      markRead: async () => undefined,
      withdrawConsent: () => (fail ? Promise.reject(new ApiError(0, 'network_error', 'offline')) : Promise.resolve()),
    });
    await center.reload();
    await center.withdraw('q1');
    expect(center.withdrawals).toEqual({ q1: 'failed' });
    expect(center.items[0]!.consentWithdrawn).toBe(false);
    fail = false;
    await center.withdraw('q1');
    expect(center.items[0]!.consentWithdrawn).toBe(true);
  });
});
