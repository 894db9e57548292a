import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/realtime.ts';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'connecting' | 'online' | 'offline';

/** After the server ends a connection (sign-out, flooding) it does not come back by itself. */
const RECONNECT_AFTER_SERVER_CLOSE_MS = 1_000;

/** The one socket of the page, and whether it is up; topic stores listen on it. */
export class Connection {
  state: ConnectionState = $state('connecting');
  readonly socket: RealtimeSocket;

  constructor(socket: RealtimeSocket) {
    this.socket = socket;
    socket.on('connect', () => (this.state = 'online'));
    socket.on('disconnect', (reason) => {
      this.state = 'offline';
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), RECONNECT_AFTER_SERVER_CLOSE_MS);
    });
    socket.io.on('reconnect_attempt', () => (this.state = 'connecting'));
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
