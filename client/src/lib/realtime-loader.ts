import type { Connection, LiveHandlers } from './realtime.svelte.ts';

// How stores and components reach the page's socket. This module holds no socket code (that is
// in realtime.svelte.ts, fetched with socket.io-client by `loadConnection`), so any page may
// import it without growing its first load.

/** What `follow` needs of a connection (tests hand in their own). */
export type LiveConnection = Pick<Connection, 'listen'>;

/**
 * Listens on the page's connection while a store or a component wants it: `handlers` are
 * registered once the connection is there (its code loads after the page is shown), then `opened`
 * runs with it. The function returned removes exactly those handlers, whenever it is called:
 * before the connection came, nothing starts. Stores return it from their `follow`; components
 * return that from `$effect`, which ties the listening to their life.
 */
export function follow<C extends LiveConnection>(connection: Promise<C>, handlers: LiveHandlers, opened?: (connection: C) => void): () => void {
  let stop: (() => void) | null | undefined;
  void connection.then((ready) => {
    if (stop === null) return;
    stop = ready.listen(handlers);
    opened?.(ready);
  });
  return () => {
    stop?.();
    stop = null;
  };
}

/**
 * The page's connection, with socket.io-client fetched only when this is called: a thread is read
 * over HTTP and shown first, so the socket's code need not hold up the first view of a page.
 */
export function loadConnection(): Promise<Connection> {
  return import('./realtime.svelte.ts').then((realtime) => realtime.connection());
}
