import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents, TopicJoined } from '../../shared/realtime.ts';
import { afterAll, beforeAll } from 'vitest';
import type { App } from '../../server/types.ts';
import type { Agent } from './factories.ts';
import type { TestApp } from './test-app.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Listens on a free loopback port and returns the base URL. */
export async function listen(app: App): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

export interface LiveApp {
  /** the listening app's base URL */
  readonly url: string;
  /** a connected socket (see `connect`), disconnected after the block */
  open(agent: Agent | null, options?: ConnectOptions): Promise<ClientSocket>;
}

/** For the enclosing describe block: `t` listening on a loopback port, and the sockets opened to it closed afterwards. */
export function useSockets(t: TestApp): LiveApp {
  let url = '';
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    url = await listen(t.app);
  });
  afterAll(() => {
    for (const socket of sockets) socket.disconnect();
  });
  return {
    get url() {
      return url;
    },
    async open(agent, options) {
      const socket = await connect(url, agent, options);
      sockets.push(socket);
      return socket;
    },
  };
}

export interface ConnectOptions {
  origin?: string;
  transports?: ('websocket' | 'polling')[];
}

/** A socket.io client signed in as `agent` (anonymous when null), connected, without automatic reconnection. */
export async function connect(url: string, agent: Agent | null, options: ConnectOptions = {}): Promise<ClientSocket> {
  const headers: Record<string, string> = {};
  if (agent?.cookie) headers.cookie = agent.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket: ClientSocket = connectSocket(url, {
    transports: options.transports ?? ['websocket'],
    extraHeaders: headers,
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

export async function joinTopic(
  socket: ClientSocket,
  topicId: string,
  cursor: { afterSeq?: number; afterChange?: number } = {},
): Promise<Extract<Ack<TopicJoined>, { ok: true }>> {
  const reply = await socket.timeout(5_000).emitWithAck('topic:join', { topicId, ...cursor });
  if (!reply.ok) throw new Error(`topic:join failed: ${reply.error.code}`);
  return reply;
}

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/** The next `event` whose payload matches, within `timeoutMs`. */
export function nextEvent<E extends EventName>(
  socket: ClientSocket,
  event: E,
  matches: (payload: Payload<E>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    const listener = ((payload: Payload<E>) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(payload);
    }) as never;
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on(event, listener);
  });
}

/** Everything `event` delivers from now on, to assert later that something did, or did not, arrive. */
export function collect<E extends EventName>(socket: ClientSocket, event: E): Payload<E>[] {
  const seen: Payload<E>[] = [];
  socket.on(event, ((payload: Payload<E>) => seen.push(payload)) as never);
  return seen;
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
