import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/realtime.ts';
import type { Viewer } from '../auth/viewer.ts';

export interface SocketData {
  /** null for anonymous, read-only viewers */
  viewer: Viewer | null;
  /** the session token the handshake carried, to check again before anything that writes */
  token: string | null;
  /** when that session ends unless renewed: the socket checks it again then */
  sessionExpiresAt: string | null;
  /** who counts as one viewer: the user, else the first-party visitor id, else the socket */
  viewerKey: string;
  /** the client's address (the forwarded one behind a trusted proxy): per-address limits count by it */
  address: string;
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Logs what fails in the background (after a commit, on a timer), where no request can carry it. */
export interface RealtimeLog {
  warn(details: object, message: string): void;
}
