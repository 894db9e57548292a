import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/realtime.ts';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'connecting' | 'online' | 'offline';

/** What can be listened to: the server's events, and `connect`, which comes again after every reconnection. */
export interface LiveEvents extends ServerToClientEvents {
  connect: () => void;
}

/** Listeners by event, each typed by the event map. */
export type LiveHandlers = { [E in keyof LiveEvents]?: LiveEvents[E] };

/** Registers `handlers` on the socket; the function returned removes exactly those. */
export function listen(socket: Pick<RealtimeSocket, 'on' | 'off'>, handlers: LiveHandlers): () => void {
  const events = Object.keys(handlers) as (keyof LiveEvents)[];
  for (const event of events) socket.on(event, handlers[event]!);
  return () => {
    for (const event of events) socket.off(event, handlers[event]!);
  };
}

/** After the server ends a connection (sign-out, flooding) it does not come back by itself. */
const RECONNECT_AFTER_SERVER_CLOSE_MS = 1_000;

/** The one socket of the page, and whether it is up; topic stores listen on it. */
export class Connection {
  state: ConnectionState = $state('connecting');
  readonly socket: RealtimeSocket;

  constructor(socket: RealtimeSocket) {
    this.socket = socket;
    // The socket's own state, kept for as long as the socket lives: these are never removed.
    // Stores and components listen through `follow` (realtime-loader.ts), which removes theirs.
    socket.on('connect', () => (this.state = 'online'));
    socket.on('disconnect', (reason) => {
      this.state = 'offline';
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), RECONNECT_AFTER_SERVER_CLOSE_MS);
    });
    socket.io.on('reconnect_attempt', () => (this.state = 'connecting'));
  }

  /** `listen` on this connection's socket. */
  listen(handlers: LiveHandlers): () => void {
    return listen(this.socket, handlers);
  }

  /** The session changed (signed in or out): a new handshake carries the new cookie. */
  renew(): void {
    this.socket.disconnect();
    this.socket.connect();
  }
}

let shared: Connection | undefined;

/** The page's connection, opened on first use: websocket first, long-polling where a proxy blocks it. */
export function connection(): Connection {
  shared ??= new Connection(io({ path: '/socket.io', transports: ['websocket', 'polling'], tryAllTransports: true }));
  return shared;
}
