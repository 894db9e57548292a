import { describe, expect, it } from 'vitest';
import { follow } from '../../client/src/lib/realtime-loader.ts';
import { listen, type RealtimeSocket } from '../../client/src/lib/realtime.svelte.ts';

/** A socket that counts its listeners by event. */
function fakeSocket() {
  const listeners = new Map<string, unknown[]>();
  const socket = {
    on(event: string, listener: unknown) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return socket;
    },
    off(event: string, listener: unknown) {
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
      );
      return socket;
    },
    count: (event: string) => listeners.get(event)?.length ?? 0,
  };
  const live = socket as unknown as RealtimeSocket;
  return { socket, live, connection: { listen: (handlers: Parameters<typeof listen>[1]) => listen(live, handlers) } };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('listen and follow, the one way the client listens on its socket', () => {
  it('removes exactly the handlers it registered, and leaves the others', () => {
    const { socket, live } = fakeSocket();
    live.on('connect', () => undefined);
    const stop = listen(live, { connect: () => undefined, 'comment:created': () => undefined });
    expect(socket.count('connect')).toBe(2);
    expect(socket.count('comment:created')).toBe(1);
    stop();
    expect(socket.count('connect')).toBe(1);
    expect(socket.count('comment:created')).toBe(0);
  });

  it('listens once the connection is there, then tells the follower, and stops listening when asked', async () => {
    const { socket, connection } = fakeSocket();
    const opened: unknown[] = [];
    const stop = follow(Promise.resolve(connection), { 'topic:viewers': () => undefined }, (ready) => opened.push(ready));
    expect(socket.count('topic:viewers')).toBe(0);
    await flush();
    expect(socket.count('topic:viewers')).toBe(1);
    expect(opened).toEqual([connection]);
    stop();
    expect(socket.count('topic:viewers')).toBe(0);
  });

  it('starts nothing when stopped before the connection came', async () => {
    const { socket, connection } = fakeSocket();
    let opened = 0;
    const stop = follow(Promise.resolve(connection), { 'topic:viewers': () => undefined }, () => opened++);
    stop();
    await flush();
    expect(socket.count('topic:viewers')).toBe(0);
    expect(opened).toBe(0);
  });
});
