import type { Connection } from './realtime.svelte.ts';

/**
 * The page's connection, with socket.io-client fetched only when this is called: a thread is read
 * over HTTP and shown first, so the socket's code need not hold up the first view of a page.
 */
export function loadConnection(): Promise<Connection> {
  return import('./realtime.svelte.ts').then(({ connection }) => connection());
}
