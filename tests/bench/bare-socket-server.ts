import { createServer } from 'node:http';
import { Server } from 'socket.io';

// The bare baseline of TARGETS.md for post-to-delivery latency: node:http and socket.io and
// nothing else. Clients join one room with the same `topic:join` (ack) the product uses; each
// `POST /broadcast` sends a ~300-byte `comment:created` to that room and answers with its id.
const ROOM = 'topic';
const filler = 'x'.repeat(200);
let next = 0;

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/readyz') {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}');
    return;
  }
  if (request.method === 'POST' && request.url === '/broadcast') {
    request.resume();
    request.on('end', () => {
      next += 1;
      const id = `bare-${next}`;
      io.to(ROOM).emit('comment:created', { id, seq: next, topicId: ROOM, createdAt: new Date().toISOString(), bodyHtml: `<p>${filler}</p>` });
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
    return;
  }
  if (!request.url?.startsWith('/socket.io')) response.writeHead(404).end();
});

const io = new Server(server, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  socket.on('topic:join', (_payload: unknown, ack: unknown) => {
    void socket.join(ROOM);
    if (typeof ack === 'function') ack({ ok: true });
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  void io.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
});
