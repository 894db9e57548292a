import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../shared/mail.ts';
import type { OutboxList, OutboxQuery } from '../../shared/outbox.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { MailOutbox, OUTBOX_PAGE_SIZE, type OutboxApi } from '../../client/src/lib/state/mail-outbox.svelte.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function item(id: string, extra: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    to: `${id}@example.org`,
    kind: 'reply',
    language: 'en',
    subject: `Subject ${id}`,
    status: 'failed',
    attempts: 8,
    lastError: '451 4.7.1 Try again later',
    nextAttemptAt: null,
    createdAt: '2026-07-01T10:00:00.000Z',
    sentAt: null,
    ...extra,
  };
}

const counts = { queued: 1, sending: 0, sent: 5, failed: 2 };

/** An outbox over a fake API: pages by cursor ('first' without one); every query recorded. */
function setup(pages: Record<string, OutboxList>, retry: OutboxApi['retry'] = async (id) => item(id, { status: 'queued', attempts: 0 })) {
  const queries: OutboxQuery[] = [];
  const api: OutboxApi = {
    list: async (query) => {
      queries.push(query);
      return pages[query.after ?? 'first']!;
    },
    retry,
  };
  return { outbox: new MailOutbox(api), queries };
}

describe('MailOutbox', () => {
  it('reads the newest messages and the counts at once, then those of one status', async () => {
    const { outbox, queries } = setup({ first: { items: [item('a')], nextCursor: null, counts } });
    await flush();
    expect(outbox.items.map((message) => message.id)).toEqual(['a']);
    expect(outbox.counts).toEqual(counts);
    outbox.filter('failed');
    await flush();
    expect(queries).toEqual([{ limit: OUTBOX_PAGE_SIZE }, { limit: OUTBOX_PAGE_SIZE, status: 'failed' }]);
    expect(outbox.loading).toBe(false);
  });

  it('loads more after the cursor, lists no message twice and returns the first new one', async () => {
    const { outbox, queries } = setup({
      first: { items: [item('a'), item('b')], nextCursor: 'c1', counts },
      c1: { items: [item('b'), item('c')], nextCursor: null, counts },
    });
    await flush();
    expect((await outbox.more())?.id).toBe('c');
    expect(queries.at(-1)).toEqual({ limit: OUTBOX_PAGE_SIZE, after: 'c1' });
    expect(outbox.items.map((message) => message.id)).toEqual(['a', 'b', 'c']);
    expect(await outbox.more()).toBeNull();
  });

  it('queues a failed message again: it stays listed with its new status, and the counts follow', async () => {
    const { outbox } = setup({ first: { items: [item('a'), item('b')], nextCursor: null, counts } });
    await flush();
    await outbox.retry(outbox.items[1]!);
    expect(outbox.items.map((message) => message.status)).toEqual(['failed', 'queued']);
    expect(outbox.counts).toEqual({ ...counts, failed: 1, queued: 2 });
    expect(outbox.retried?.id).toBe('b');
    expect(outbox.busy).toBeNull();
  });

  it('says which message could not be queued again, and changes nothing', async () => {
    const refused = new ApiError(409, 'mail_not_failed', 'This message is sent.');
    const { outbox } = setup({ first: { items: [item('a')], nextCursor: null, counts } }, async () => Promise.reject(refused));
    await flush();
    await outbox.retry(outbox.items[0]!);
    expect(outbox.failure).toEqual({ id: 'a', error: refused });
    expect(outbox.items[0]!.status).toBe('failed');
    expect(outbox.counts).toEqual(counts);
  });
});
