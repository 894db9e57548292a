import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialogue } from '../../shared/dialogues.ts';
import { runScript, startServer, type ServerProcess } from '../helpers/server-process.ts';
import {
  coreTimes,
  descendants,
  killQuietly,
  machine,
  median,
  SERVER_PROBE_NODE_OPTIONS,
  openFileLimit,
  pinSelf,
  probeMemory,
  processCpuMs,
  scriptPid,
  sleep,
  startCpuProfile,
  stopCpuProfile,
  stopProcess,
  summarizeCpuProfile,
  writeResult,
  type CpuProfileSummary,
  type Percentiles,
  type ProcessMemory,
} from './lib.ts';
import type { ClientsConfig, ClientsReady, ClientsResult } from './realtime-clients.ts';

// TARGETS.md: post-to-delivery latency with 1,000 clients in one topic, p95 ≤ 1.3 × a bare
// socket.io broadcast of a ~300-byte event to 1,000 clients in one room, measured in the same run.
// Servers run on core 0, the clients (and the poster) in one process on core 1; rounds alternate
// bare then product; the figure is the median of the per-round p95 ratios.

const bounded = (name: string, fallback: number, min: number, max: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}: expected a whole number from ${min} to ${max}`);
  return value;
};
const CLIENTS = bounded('BENCH_CLIENTS', 1_000, 1, 5_000);
const ROUNDS = bounded('BENCH_ROUNDS', 5, 1, 9);
/** rounds always run; later ones only while they fit in BUDGET_MS */
const MIN_ROUNDS = Math.min(3, ROUNDS);
const POSTS = bounded('BENCH_POSTS', 30, 1, 300);
const WARMUP = bounded('BENCH_WARMUP', 5, 0, 50);
const INTERVAL_MS = bounded('BENCH_INTERVAL_MS', 200, 20, 5_000);
/** no round past MIN_ROUNDS starts unless it should end within this time from the start */
const BUDGET_MS = bounded('BENCH_BUDGET_MS', 270_000, 10_000, 1_800_000);
/** the whole run, after which everything is stopped and the script fails */
const TIME_LIMIT_MS = bounded('BENCH_TIME_LIMIT_MS', 350_000, 10_000, 1_800_000);
const TARGET_P95_RATIO = 1.3;
const SERVER_CORE = '0';
const CLIENT_CORE = '1';
const CONNECT_TIMEOUT_MS = 120_000;
const DRAIN_MS = 10_000;

const OPEN_FILES_NEEDED = CLIENTS + 512;
const limit = openFileLimit();
/** raise `ulimit -n` in the children only when this process's limit is too low for them */
const openFiles = limit !== null && limit < OPEN_FILES_NEEDED ? OPEN_FILES_NEEDED : undefined;

const organizer = { email: 'bench@example.org', password: 'bench organizer password' };
const POST_BODY = JSON.stringify({ body: 'A comment of ordinary length from a participant, with a few **words** that matter to the dialogue.' });

const dir = mkdtempSync(join(tmpdir(), 'vd-bench-realtime-'));
/**
 * BENCH_CPU_PROFILE=1: CPU-profile each server from the first post to the last delivery and print
 * where the time went (latencies are then measured under the profiler); any other value is a
 * directory to keep the .cpuprofile files in.
 */
const PROFILE = process.env.BENCH_CPU_PROFILE;
const profileDir = PROFILE ? (PROFILE === '1' ? join(dir, 'profiles') : PROFILE) : null;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const probeEnv = (): Record<string, string> => ({
  NODE_OPTIONS: SERVER_PROBE_NODE_OPTIONS,
  ...(profileDir ? { BENCH_CPU_PROFILE_DIR: profileDir } : {}),
});
const children = new Set<ChildProcess>();

/** Kills whatever is still running (with the processes tsx started under it) and removes the temp files. */
function cleanUp(): void {
  for (const child of children) {
    if (child.pid === undefined) continue;
    const family = descendants(child.pid);
    killQuietly(child.pid, 'SIGKILL');
    for (const pid of family) killQuietly(pid, 'SIGKILL');
  }
  children.clear();
  rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    process.exit(130);
  });
}
setTimeout(() => {
  console.error(`realtime bench: over the time limit of ${TIME_LIMIT_MS / 1000} s, stopping`);
  process.exit(1);
}, TIME_LIMIT_MS).unref();

function track<T extends { process: ChildProcess; exited: Promise<unknown> }>(started: T): T {
  children.add(started.process);
  void started.exited.then(() => children.delete(started.process));
  return started;
}

async function stop(started: { process: ChildProcess; exited: Promise<unknown> }): Promise<void> {
  await stopProcess(started.process, started.exited);
  children.delete(started.process);
}

/** Waits for a `NAME {json}` line from a child. */
async function line<T>(started: Omit<ServerProcess, 'url'>, name: string, timeoutMs: number): Promise<T> {
  const pattern = new RegExp(`^${name} (.*)$`, 'm');
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void started.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    const match = pattern.exec(started.output());
    if (match) return JSON.parse(match[1]!) as T;
    if (exited) throw new Error(`client process exited before ${name}:\n${started.output().slice(-2_000)}`);
    await sleep(50);
  }
  throw new Error(`no ${name} from the client process within ${timeoutMs} ms:\n${started.output().slice(-2_000)}`);
}

interface Target {
  server: ServerProcess;
  script: string;
  topicId: string;
  postUrl: string;
  postHeaders: Record<string, string>;
  postBody: string;
}

async function startBare(): Promise<Target> {
  const script = 'tests/bench/bare-socket-server.ts';
  const server = track(await startServer(probeEnv(), { script, cpus: SERVER_CORE, openFiles }));
  return { server, script, topicId: 'topic', postUrl: `${server.url}/broadcast`, postHeaders: {}, postBody: JSON.stringify({ body: 'x' }) };
}

/** The real server on a fresh SQLite file, one published dialogue with one topic, and the organizer's session to post with. */
async function startProduct(round: number): Promise<Target> {
  const env = {
    DATABASE_URL: `sqlite:${join(dir, `product-${round}.db`)}`,
    ORGANIZER_EMAIL: organizer.email,
    ORGANIZER_PASSWORD: organizer.password,
    SEED_DEMO: 'false',
    RATE_LIMIT_POSTS_PER_MINUTE: '10000',
    RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
    RATE_LIMIT_SIGNUPS_PER_HOUR: '100000',
    // Every simulated reader connects from this one machine.
    RATE_LIMIT_SOCKETS_PER_ADDRESS: '100000',
    RATE_LIMIT_CATCH_UP_PER_MINUTE: '10000000',
    LOG_LEVEL: 'warn',
    ...probeEnv(),
  };
  const server = track(await startServer(env, { cpus: SERVER_CORE, openFiles }));
  const origin = server.url.replace('127.0.0.1', 'localhost');
  const json = { 'content-type': 'application/json', origin };
  const request = async <T>(path: string, body: object, cookie?: string): Promise<{ response: Response; data: T }> => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { ...json, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return { response, data: (await response.json()) as T };
  };
  const login = await request('/api/auth/login', organizer);
  const cookie = /session=[^;]+/.exec(login.response.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error('organizer login gave no session cookie');
  const now = Date.now();
  const { data: dialogue } = await request<Dialogue>(
    '/api/dialogues',
    {
      slug: 'bench',
      title: 'Bench',
      theme: 'Bench',
      description: '',
      moderation: 'post',
      languages: ['en'],
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 86_400_000).toISOString(),
    },
    cookie,
  );
  const { data: topic } = await request<{ id: string }>(`/api/dialogues/${dialogue.slug}/topics`, { question: 'Does the broadcast keep up?' }, cookie);
  return {
    server,
    script: 'server/main.ts',
    topicId: topic.id,
    postUrl: `${server.url}/api/topics/${topic.id}/comments`,
    postHeaders: { cookie, origin },
    postBody: POST_BODY,
  };
}

interface Run {
  connectMs: number;
  result: ClientsResult;
  /** CPU the server used from the first post until the last delivery, per post */
  serverCpuMsPerPost: number;
  /** share of the server's core used by other processes meanwhile (noise on a shared machine) */
  otherLoadOnServerCore: number;
  /** with BENCH_CPU_PROFILE */
  profile?: CpuProfileSummary;
  memory: { before: ProcessMemory; after: ProcessMemory; rssPerSocket: number; heapPerSocket: number };
}

async function measure(target: Target): Promise<Run> {
  const pid = scriptPid(target.server.process.pid!, target.script);
  if (pid === null) throw new Error(`found no process running ${target.script}`);
  await sleep(500);
  const before = await probeMemory(pid, target.server.output);
  const config: ClientsConfig = {
    url: target.server.url,
    topicId: target.topicId,
    clients: CLIENTS,
    postUrl: target.postUrl,
    postHeaders: target.postHeaders,
    postBody: target.postBody,
    warmup: WARMUP,
    posts: POSTS,
    intervalMs: INTERVAL_MS,
    connectConcurrency: 50,
    drainMs: DRAIN_MS,
  };
  const clients = track(runScript('tests/bench/realtime-clients.ts', { BENCH_CLIENTS_CONFIG: JSON.stringify(config) }, [], CLIENT_CORE, openFiles));
  try {
    const ready = await line<ClientsReady>(clients, 'READY', CONNECT_TIMEOUT_MS);
    if (ready.clients !== CLIENTS) throw new Error(`only ${ready.clients} of ${CLIENTS} clients connected`);
    await sleep(1_000); // the presence recount after the joins is debounced
    const after = await probeMemory(pid, target.server.output);
    const cpuBefore = processCpuMs(pid) ?? 0;
    const coreBefore = coreTimes(Number(SERVER_CORE));
    if (profileDir) startCpuProfile(pid);
    clients.process.stdin.write('go\n');
    const result = await line<ClientsResult>(clients, 'RESULT', (WARMUP + POSTS) * INTERVAL_MS + DRAIN_MS + 30_000);
    const serverCpu = (processCpuMs(pid) ?? 0) - cpuBefore;
    const coreAfter = coreTimes(Number(SERVER_CORE));
    const profile = profileDir ? summarizeCpuProfile(await stopCpuProfile(pid, target.server.output)) : undefined;
    const core = coreBefore && coreAfter ? { busy: coreAfter.busy - coreBefore.busy, total: coreAfter.total - coreBefore.total } : null;
    return {
      connectMs: ready.connectMs,
      result,
      serverCpuMsPerPost: serverCpu / (WARMUP + POSTS),
      otherLoadOnServerCore: core && core.total > 0 ? Math.max(0, (core.busy - serverCpu) / core.total) : 0,
      ...(profile ? { profile } : {}),
      memory: { before, after, rssPerSocket: (after.rss - before.rss) / CLIENTS, heapPerSocket: (after.heapUsed - before.heapUsed) / CLIENTS },
    };
  } finally {
    await stop(clients);
  }
}

const ms = (value: number) => `${value.toFixed(1)}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const describe = (p: Percentiles) => `p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)} ms`;

function report(label: string, run: Run): void {
  const r = run.result;
  console.log(
    `  ${label.padEnd(8)} ${describe(r.latency)}  (${r.delivered}/${r.expected} delivered, ${r.httpErrors} POST errors, payload ${r.payloadBytes} B)`,
  );
  console.log(
    `  ${''.padEnd(8)} POST answered p50 ${ms(r.postResponse.p50)} ms; first client p50 ${ms(r.firstDelivery.p50)} ms; ` +
      `last client p50 ${ms(r.lastDelivery.p50)} / p95 ${ms(r.lastDelivery.p95)} ms; ` +
      `memory per socket ${kb(run.memory.rssPerSocket)} RSS, ${kb(run.memory.heapPerSocket)} heap; ` +
      `connect ${(run.connectMs / 1000).toFixed(1)} s`,
  );
  const events = Object.entries(r.perPostAtOneClient)
    .map(([event, { events: count, bytes }]) => `${event} ${count.toFixed(1)}×/${bytes} B`)
    .join(', ');
  console.log(
    `  ${''.padEnd(8)} server CPU ${ms(run.serverCpuMsPerPost)} ms per post; other load on the server core ${(run.otherLoadOnServerCore * 100).toFixed(0)} %; ` +
      `client CPU ${(r.clientCpuShare * 100).toFixed(0)} %; per post one client got: ${events}`,
  );
  if (run.profile) {
    const list = (rows: { name: string; ms: number }[]) => rows.map((row) => `${row.name} ${row.ms} ms`).join('; ');
    console.log(`  ${''.padEnd(8)} CPU profile, ${run.profile.totalMs} ms sampled:`);
    console.log(`  ${''.padEnd(10)}self by place: ${list(run.profile.selfByPlace)}`);
    console.log(`  ${''.padEnd(10)}self by function: ${list(run.profile.selfByFunction)}`);
    console.log(`  ${''.padEnd(10)}under project functions: ${list(run.profile.inclusiveByProjectFunction)}`);
  }
}

interface Round {
  baseline: Run;
  product: Run;
  p50Ratio: number;
  p95Ratio: number;
  rssPerSocketRatio: number;
  heapPerSocketRatio: number;
}

async function main(): Promise<void> {
  pinSelf(CLIENT_CORE);
  console.log(
    `machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; open-file limit ${limit ?? 'unknown'}${openFiles ? `, raised to ${openFiles} for the children` : ''}`,
  );
  console.log(
    `${CLIENTS} clients in one topic; ${WARMUP} warm-up + ${POSTS} measured posts every ${INTERVAL_MS} ms; ${MIN_ROUNDS} to ${ROUNDS} rounds (bare, then product)`,
  );
  const loadBefore = loadavg();
  const rounds: Round[] = [];
  const started = Date.now();
  let longestRound = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round >= MIN_ROUNDS && Date.now() - started + longestRound * 1.2 > BUDGET_MS) {
      console.log(`stopping after ${round} rounds: another would end past the time budget of ${BUDGET_MS / 1000} s`);
      break;
    }
    const roundStarted = Date.now();
    const bare = await startBare();
    let baseline: Run;
    try {
      baseline = await measure(bare);
    } finally {
      await stop(bare.server);
    }
    const app = await startProduct(round);
    let product: Run;
    try {
      product = await measure(app);
    } finally {
      await stop(app.server);
    }
    for (const run of [baseline, product]) {
      if (run.result.lost > 0 || run.result.httpErrors > 0) {
        throw new Error(`round ${round + 1}: ${run.result.lost} deliveries lost, ${run.result.httpErrors} POST errors`);
      }
    }
    const entry: Round = {
      baseline,
      product,
      p50Ratio: product.result.latency.p50 / baseline.result.latency.p50,
      p95Ratio: product.result.latency.p95 / baseline.result.latency.p95,
      rssPerSocketRatio: product.memory.rssPerSocket / baseline.memory.rssPerSocket,
      heapPerSocketRatio: product.memory.heapPerSocket / baseline.memory.heapPerSocket,
    };
    rounds.push(entry);
    longestRound = Math.max(longestRound, Date.now() - roundStarted);
    console.log(`round ${round + 1}: p95 ratio ${entry.p95Ratio.toFixed(2)}, p50 ratio ${entry.p50Ratio.toFixed(2)}`);
    report('bare', baseline);
    report('product', product);
  }

  const medianOf = (pick: (round: Round) => number) => median(rounds.map(pick));
  const summary = {
    clients: CLIENTS,
    rounds: rounds.length,
    warmupPosts: WARMUP,
    measuredPosts: POSTS,
    intervalMs: INTERVAL_MS,
    cores: { server: SERVER_CORE, clients: CLIENT_CORE },
    /** 1, 5 and 15-minute load averages before and after: above the core count, the machine was shared */
    loadAverage: { before: loadBefore, after: loadavg() },
    target: `post-to-delivery p95 <= ${TARGET_P95_RATIO} x bare socket.io broadcast`,
    medianP95Ratio: medianOf((r) => r.p95Ratio),
    medianP50Ratio: medianOf((r) => r.p50Ratio),
    baseline: {
      medianP50Ms: medianOf((r) => r.baseline.result.latency.p50),
      medianP95Ms: medianOf((r) => r.baseline.result.latency.p95),
      medianP99Ms: medianOf((r) => r.baseline.result.latency.p99),
      medianMaxMs: medianOf((r) => r.baseline.result.latency.max),
      medianFirstDeliveryP50Ms: medianOf((r) => r.baseline.result.firstDelivery.p50),
      medianServerCpuMsPerPost: medianOf((r) => r.baseline.serverCpuMsPerPost),
      medianRssPerSocketBytes: medianOf((r) => r.baseline.memory.rssPerSocket),
      medianHeapPerSocketBytes: medianOf((r) => r.baseline.memory.heapPerSocket),
    },
    product: {
      medianP50Ms: medianOf((r) => r.product.result.latency.p50),
      medianP95Ms: medianOf((r) => r.product.result.latency.p95),
      medianP99Ms: medianOf((r) => r.product.result.latency.p99),
      medianMaxMs: medianOf((r) => r.product.result.latency.max),
      medianPostResponseP50Ms: medianOf((r) => r.product.result.postResponse.p50),
      medianFirstDeliveryP50Ms: medianOf((r) => r.product.result.firstDelivery.p50),
      medianServerCpuMsPerPost: medianOf((r) => r.product.serverCpuMsPerPost),
      medianRssPerSocketBytes: medianOf((r) => r.product.memory.rssPerSocket),
      medianHeapPerSocketBytes: medianOf((r) => r.product.memory.heapPerSocket),
    },
    medianRssPerSocketRatio: medianOf((r) => r.rssPerSocketRatio),
    medianHeapPerSocketRatio: medianOf((r) => r.heapPerSocketRatio),
    met: medianOf((r) => r.p95Ratio) <= TARGET_P95_RATIO,
    runs: rounds,
  };
  writeResult('realtime', summary);
  const b = summary.baseline;
  const p = summary.product;
  console.log(
    `\nmachine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; load average ${loadBefore[0]!.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
  );
  console.log(
    `bare:    median p50 ${ms(b.medianP50Ms)}  p95 ${ms(b.medianP95Ms)}  p99 ${ms(b.medianP99Ms)}  max ${ms(b.medianMaxMs)} ms; per socket ${kb(b.medianRssPerSocketBytes)} RSS, ${kb(b.medianHeapPerSocketBytes)} heap`,
  );
  console.log(
    `product: median p50 ${ms(p.medianP50Ms)}  p95 ${ms(p.medianP95Ms)}  p99 ${ms(p.medianP99Ms)}  max ${ms(p.medianMaxMs)} ms; per socket ${kb(p.medianRssPerSocketBytes)} RSS, ${kb(p.medianHeapPerSocketBytes)} heap`,
  );
  console.log(
    `ratio:   p95 ${summary.medianP95Ratio.toFixed(2)} (target <= ${TARGET_P95_RATIO}: ${summary.met ? 'met' : 'NOT met'}), p50 ${summary.medianP50Ratio.toFixed(2)}; ` +
      `memory per socket ${summary.medianRssPerSocketRatio.toFixed(2)}x RSS, ${summary.medianHeapPerSocketRatio.toFixed(2)}x heap`,
  );
  console.log('written to tests/bench/results/realtime.json');
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  cleanUp();
  if (profileDir && PROFILE !== '1') console.log(`CPU profiles kept in ${profileDir}`);
}
