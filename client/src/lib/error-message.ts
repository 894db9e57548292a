import { ApiError } from './api.ts';
import type { PlainKey } from './i18n/messages.ts';

export interface ErrorMessage {
  title: PlainKey;
  body: PlainKey;
  /** whether trying again can help */
  retry: boolean;
}

/** What to tell the reader about a failed load: the catalogue's words, never the server's. */
export function describeError(error: unknown): ErrorMessage {
  if (error instanceof ApiError && error.status === 404) return { title: 'error.notFoundTitle', body: 'error.notFound', retry: false };
  if (error instanceof ApiError && error.status === 429) return { title: 'error.title', body: 'error.rateLimited', retry: true };
  // A TypeError here is a lazily loaded page chunk that failed to arrive.
  if ((error instanceof ApiError && error.status === 0) || error instanceof TypeError) return { title: 'error.title', body: 'error.network', retry: true };
  return { title: 'error.title', body: 'error.generic', retry: true };
}
