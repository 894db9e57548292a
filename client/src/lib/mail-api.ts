import type { OutboxItem } from '../../../shared/mail.ts';
import type { OutboxList, OutboxQuery, UnsubscribeResult } from '../../../shared/outbox.ts';
import { getJson, request } from './api.ts';

// The organizers' outbox screen, and the page an e-mail's "stop these e-mails" link opens.

/** One page of the outbox, newest first, with the counts by status; `nextCursor` is passed back as `after`. */
export function listOutbox(query: OutboxQuery): Promise<OutboxList> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return getJson(`/api/mail/outbox?${params}`);
}

/** Queues a failed message again; the message as it is now. */
export async function retryMail(id: string): Promise<OutboxItem> {
  return (await (await request('POST', `/api/mail/outbox/${encodeURIComponent(id)}/retry`)).json()) as OutboxItem;
}

/** Turns off what an unsubscribe link's token names; 400 `invalid_token` for a broken link. */
export async function unsubscribe(token: string): Promise<UnsubscribeResult> {
  return (await (await request('POST', `/api/unsubscribe?${new URLSearchParams({ token })}`)).json()) as UnsubscribeResult;
}
