import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import type { ErrorCode } from '../../shared/errors.constants.ts';
import type { Ctx } from '../context.ts';
import type { IoServer, IoSocket } from '../realtime/io.ts';
import type { Presence } from '../realtime/presence.ts';
import { rooms } from '../realtime/rooms.ts';
import { createCatchUpBudget } from '../realtime/catch-up-budget.ts';
import { registerSocketHandlers } from '../realtime/socket.handlers.ts';
import { visitorIdFrom } from '../stats/visitor.ts';
import { loadViewer } from '../auth/auth.service.ts';
import { isOwnOrigin, type OriginConfig } from './origin-check.ts';

/** Largest frame a client may send: every client command is a few ids. */
const MAX_CLIENT_FRAME_BYTES = 16 * 1024;

/**
 * Socket.IO on the forum's own HTTP server and port, at /socket.io. A browser always sends its
 * Origin on a cross-site handshake, so one that names another site is refused (the same CSRF
 * defence as the HTTP API); the same-origin polling handshake may come without one.
 */
export function createSocketServer(httpServer: HttpServer, config: OriginConfig): IoServer {
  return new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: MAX_CLIENT_FRAME_BYTES,
    allowRequest: (request, callback) => {
      const origin = request.headers.origin;
      callback(null, origin === undefined || isOwnOrigin(origin, config, request.socket.localPort));
    },
  });
}

async function useRedisAdapter(io: IoServer, url: string, app: FastifyInstance): Promise<() => Promise<void>> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err: unknown) => app.log.error({ err }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub));
  return async () => {
    await Promise.allSettled([pub.close(), sub.close()]);
  };
}

/** Reads the session cookie of the handshake: a valid session signs the socket in, anything else is an anonymous reader. */
function authenticate(app: FastifyInstance, ctx: Ctx) {
  return async (socket: IoSocket, next: (error?: Error) => void): Promise<void> => {
    try {
      const cookies = app.parseCookie(socket.request.headers.cookie ?? '');
      const token = cookies[SESSION_COOKIE];
      const loaded = token ? await loadViewer(ctx, token) : null;
      const visitor = visitorIdFrom(cookies, ctx.visitorSecret);
      socket.data = {
        viewer: loaded?.viewer ?? null,
        token: loaded ? token! : null,
        sessionExpiresAt: loaded?.expiresAt ?? null,
        viewerKey: loaded ? `u:${loaded.viewer.id}` : visitor ? `v:${visitor}` : `s:${socket.id}`,
        address: addressOf(socket, ctx.config.trustProxy),
      };
      next();
    } catch (error) {
      app.log.error({ err: error }, 'socket handshake failed');
      next(new Error('The server could not check this connection; try again.'));
    }
  };
}

/** The client's address: the first forwarded one when a trusted proxy stands in front, as Fastify's `request.ip`. */
function addressOf(socket: IoSocket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : '';
  return first || socket.handshake.address;
}

/**
 * At most `max` sockets per address on this node: every socket holds memory, a heartbeat and a
 * share of each broadcast, so one address must not open hundreds. Refused in the handshake, with
 * a message the client's `connect_error` shows.
 */
function capPerAddress(max: number, trustProxy: boolean) {
  const open = new Map<string, number>();
  return (socket: IoSocket, next: (error?: Error) => void): void => {
    const address = addressOf(socket, trustProxy);
    const count = open.get(address) ?? 0;
    if (count >= max) {
      next(
        Object.assign(new Error(`Too many connections from this address (at most ${max}); close some tabs and try again.`), {
          data: { code: 'too_many_connections' } satisfies { code: ErrorCode },
        }),
      );
      return;
    }
    open.set(address, count + 1);
    let counted = true;
    // A socket refused by a later check never connects, so its engine connection closing releases it too.
    const release = () => {
      if (!counted) return;
      counted = false;
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    };
    socket.once('disconnect', release);
    socket.conn.once('close', release);
    next();
  };
}

export const realtimePlugin = fp(async (app, { ctx, io, presence }: { ctx: Ctx; io: IoServer; presence: Presence }) => {
  const closeRedis = ctx.config.redisUrl ? await useRedisAdapter(io, ctx.config.redisUrl, app) : async () => undefined;
  io.use(capPerAddress(ctx.config.rateLimitSocketsPerAddress, ctx.config.trustProxy));
  io.use(authenticate(app, ctx));
  const catchUpBudget = createCatchUpBudget(ctx.config.rateLimitCatchUpPerMinute);
  io.on('connection', (socket) => {
    const viewer = socket.data.viewer;
    if (viewer) {
      const feeds = viewer.role === 'organizer' ? [rooms.organizers] : viewer.moderatedDialogueIds.map(rooms.dialogueModerators);
      void socket.join([rooms.user(viewer.id), rooms.session(viewer.sessionId), ...feeds]);
    }
    registerSocketHandlers(ctx, socket, presence, catchUpBudget, app.log);
  });
  // Open websockets would keep the HTTP server from closing: end them first.
  app.addHook('preClose', async () => {
    io.local.disconnectSockets(true);
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    await io.of('/').adapter.close();
    await closeRedis();
  });
});
