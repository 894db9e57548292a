import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { connect, joinTopic, type ClientSocket } from '../helpers/sockets.ts';
import { percentiles, sleep, type Percentiles } from './lib.ts';

// The load side of realtime.bench.ts, run as its own process (pinned to another core than the
// server): connects N socket.io clients, joins them to one topic, prints `READY {…}`, waits for
// `go` on stdin, then posts comments over HTTP at a fixed rate and times each `comment:created`
// from just before its POST was sent to its arrival at each client. Posting and receiving share
// this process's clock. Prints `RESULT {…}` and exits.

export interface ClientsConfig {
  url: string;
  topicId: string;
  clients: number;
  postUrl: string;
  postHeaders: Record<string, string>;
  postBody: string;
  warmup: number;
  posts: number;
  intervalMs: number;
  connectConcurrency: number;
  /** how long to wait for every delivery after the last post was answered */
  drainMs: number;
}

export interface ClientsReady {
  clients: number;
  connectMs: number;
}

export interface ClientsResult {
  clients: number;
  posts: number;
  expected: number;
  delivered: number;
  lost: number;
  httpErrors: number;
  /** every (comment × client) delivery, ms from just before the POST */
  latency: Percentiles;
  /** per comment: the first client to get it */
  firstDelivery: Percentiles;
  /** per comment: the last client to get it (the fan-out done) */
  lastDelivery: Percentiles;
  /** per comment: the HTTP answer to the POST */
  postResponse: Percentiles;
  /** bytes of the JSON payload of one `comment:created` */
  payloadBytes: number;
  /** CPU time this process used during the schedule, as a share of one core */
  clientCpuShare: number;
  /** what one client received during the schedule, per post: events and JSON bytes by event name */
  perPostAtOneClient: Record<string, { events: number; bytes: number }>;
}

const config = JSON.parse(process.env.BENCH_CLIENTS_CONFIG ?? '') as ClientsConfig;
const HARD_LIMIT_MS = 240_000;
setTimeout(() => {
  console.error('realtime-clients: hard time limit reached');
  process.exit(2);
}, HARD_LIMIT_MS).unref();

const sockets: ClientSocket[] = [];
/** comment id → arrival times at the clients */
const arrivals = new Map<string, number[]>();
let payloadBytes = 0;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function openClient(): Promise<void> {
  const socket = await withTimeout(connect(config.url, null), 15_000, 'connect');
  sockets.push(socket);
  socket.on('comment:created', (comment) => {
    const at = performance.now();
    const times = arrivals.get(comment.id);
    if (times) times.push(at);
    else {
      arrivals.set(comment.id, [at]);
      payloadBytes = JSON.stringify(comment).length;
    }
  });
  await withTimeout(joinTopic(socket, config.topicId), 15_000, 'topic:join');
}

async function connectAll(): Promise<number> {
  const started = performance.now();
  let opened = 0;
  const worker = async () => {
    while (opened < config.clients) {
      opened += 1;
      await openClient();
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.connectConcurrency, config.clients) }, worker));
  return performance.now() - started;
}

interface Sent {
  index: number;
  sentAt: number;
  answeredAt: number;
  id: string | null;
}

async function post(index: number): Promise<Sent> {
  const sentAt = performance.now();
  try {
    const response = await fetch(config.postUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...config.postHeaders },
      body: config.postBody,
      signal: AbortSignal.timeout(10_000),
    });
    const answer = (await response.json()) as { id?: string };
    const answeredAt = performance.now();
    if (!response.ok || typeof answer.id !== 'string') {
      console.error(`realtime-clients: POST answered ${response.status}: ${JSON.stringify(answer).slice(0, 300)}`);
      return { index, sentAt, answeredAt, id: null };
    }
    return { index, sentAt, answeredAt, id: answer.id };
  } catch (error) {
    console.error(`realtime-clients: POST failed: ${String(error)}`);
    return { index, sentAt, answeredAt: performance.now(), id: null };
  }
}

/** Posts at a fixed rate (each at its own time, whether or not the previous one was answered). */
async function schedule(): Promise<Sent[]> {
  const total = config.warmup + config.posts;
  const start = performance.now();
  const pending: Promise<Sent>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = start + index * config.intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(post(index));
  }
  return Promise.all(pending);
}

async function drain(ids: string[]): Promise<void> {
  const deadline = performance.now() + config.drainMs;
  while (performance.now() < deadline && ids.some((id) => (arrivals.get(id)?.length ?? 0) < sockets.length)) await sleep(20);
}

async function main(): Promise<void> {
  const connectMs = await connectAll();
  const ready: ClientsReady = { clients: sockets.length, connectMs };
  console.log(`READY ${JSON.stringify(ready)}`);
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => line.trim() === 'go' && resolve());
    lines.on('close', () => reject(new Error('stdin closed before go')));
  });
  lines.removeAllListeners('close');

  const received: Record<string, { events: number; bytes: number }> = {};
  sockets[0]?.onAny((event: string, ...args: unknown[]) => {
    const entry = (received[event] ??= { events: 0, bytes: 0 });
    entry.events += 1;
    entry.bytes += JSON.stringify(args).length - 2;
  });
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const sent = await schedule();
  const measured = sent.slice(config.warmup);
  await drain(measured.flatMap((s) => (s.id ? [s.id] : [])));
  const cpu = process.cpuUsage(cpuBefore);
  const clientCpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore);

  const latencies: number[] = [];
  const firsts: number[] = [];
  const lasts: number[] = [];
  for (const s of measured) {
    const times = s.id ? (arrivals.get(s.id) ?? []) : [];
    for (const at of times) latencies.push(at - s.sentAt);
    if (times.length > 0) {
      firsts.push(Math.min(...times) - s.sentAt);
      lasts.push(Math.max(...times) - s.sentAt);
    }
  }
  const expected = measured.length * sockets.length;
  const result: ClientsResult = {
    clients: sockets.length,
    posts: measured.length,
    expected,
    delivered: latencies.length,
    lost: expected - latencies.length,
    httpErrors: sent.filter((s) => s.id === null).length,
    latency: percentiles(latencies),
    firstDelivery: percentiles(firsts),
    lastDelivery: percentiles(lasts),
    postResponse: percentiles(measured.map((s) => s.answeredAt - s.sentAt)),
    payloadBytes,
    clientCpuShare,
    perPostAtOneClient: Object.fromEntries(
      Object.entries(received).map(([event, { events, bytes }]) => [event, { events: events / sent.length, bytes: Math.round(bytes / sent.length) }]),
    ),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

try {
  await main();
} catch (error) {
  console.error(`realtime-clients: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const socket of sockets) socket.disconnect();
  // Let the close frames go out, then leave even if something still holds the loop.
  setTimeout(() => process.exit(), 500).unref();
}
