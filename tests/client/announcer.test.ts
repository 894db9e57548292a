import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer, GATHER_MS, QUIET_MS } from '../../client/src/lib/state/announcer.svelte.ts';

describe('Announcer, the one polite live region of the topic page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const announcer = () =>
    new Announcer(
      (count) => `${count} new`,
      () => Date.now(),
    );
  const said = (a: Announcer) => a.message.trim();

  it('announces a burst of comments once, as a count', () => {
    const a = announcer();
    a.arrived(1);
    a.arrived(1);
    vi.advanceTimersByTime(GATHER_MS - 1);
    a.arrived(1);
    expect(a.message).toBe('');
    vi.advanceTimersByTime(1);
    expect(said(a)).toBe('3 new');
  });

  it('says nothing more often than once per quiet period, however fast comments come', () => {
    const a = announcer();
    const messages: string[] = [];
    let last = '';
    for (let second = 0; second < 20; second++) {
      a.arrived(2);
      vi.advanceTimersByTime(1_000);
      if (a.message !== last) messages.push(said(a));
      last = a.message;
    }
    vi.advanceTimersByTime(QUIET_MS);
    if (a.message !== last) messages.push(said(a));
    expect(messages.length).toBeLessThanOrEqual(Math.ceil(20_000 / QUIET_MS) + 1);
    const total = messages.reduce((sum, message) => sum + Number.parseInt(message, 10), 0);
    expect(total).toBe(40);
  });

  it('announces the same words twice as two changes, and the reader’s own action at once', () => {
    const a = announcer();
    a.arrived(1);
    vi.advanceTimersByTime(GATHER_MS);
    const first = a.message;
    vi.advanceTimersByTime(QUIET_MS);
    a.arrived(1);
    vi.advanceTimersByTime(GATHER_MS);
    expect(a.message).not.toBe(first);
    expect(said(a)).toBe('1 new');
    a.say('Your comment was posted.');
    expect(said(a)).toBe('Your comment was posted.');
  });

  it('ignores nothing-arrived, and stops with the page', () => {
    const a = announcer();
    a.arrived(0);
    a.arrived(2);
    a.stop();
    vi.advanceTimersByTime(QUIET_MS);
    expect(a.message).toBe('');
  });
});
