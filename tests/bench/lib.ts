import { execSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import autocannon from 'autocannon';

export const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };

/** Keeps the load generator (this process) on core 1 while servers run on core 0. */
export function pinSelf(core = '1'): void {
  try {
    execSync(`taskset -p -c ${core} ${process.pid}`, { stdio: 'ignore' });
  } catch {
    console.warn('taskset is not available: server and load generator share cores');
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

export async function load(options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: 50, duration: 5, ...options });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export function writeResult(name: string, data: unknown): void {
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify({ machine, at: new Date().toISOString(), ...(data as object) }, null, 2)}\n`);
}

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (and the maximum) of a sample; all zero for an empty one. */
export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return { count: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[sorted.length - 1]! };
}

/** The soft limit on open files of this process (children inherit it), or null off Linux. */
export function openFileLimit(): number | null {
  try {
    const line = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return line ? (line[1] === 'unlimited' ? Infinity : Number(line[1])) : null;
  } catch {
    return null;
  }
}

/** Resident set size (VmRSS) of a process in bytes, from /proc; null when it is gone or off Linux. */
export function residentBytes(pid: number): number | null {
  try {
    const line = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return line ? Number(line[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Every descendant of a process (children first), from /proc; empty off Linux. */
export function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) children.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    children = [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/**
 * The process that runs `script`: the spawned process itself when it is Node with tsx's loader
 * (as tests/helpers/server-process.ts starts servers), else the descendant whose command line
 * names the script (the tsx command starts Node again as a child); null when none does.
 */
export function scriptPid(spawnedPid: number, script: string): number | null {
  const runs = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .some((arg) => arg.endsWith(script));
    } catch {
      return false;
    }
  };
  return [spawnedPid, ...descendants(spawnedPid)].find(runs) ?? null;
}

/** SIGTERM, then SIGKILL for it and its descendants when it has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, exited: Promise<unknown>, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const family = child.pid === undefined ? [] : descendants(child.pid);
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = await Promise.race([exited.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)))]);
  clearTimeout(timer);
  if (late) child.kill('SIGKILL');
  for (const pid of family) killQuietly(pid, 'SIGKILL');
}

/** Sends a signal to a process that may have exited already. */
export function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * NODE_OPTIONS for a benchmarked server to look inside: preloads server-probe.mjs, which answers
 * SIGUSR2 (after a full GC) with a `MEMORY_PROBE <pid> {…}` line on stdout, and SIGWINCH (with
 * BENCH_CPU_PROFILE_DIR in its environment) by starting or stopping a CPU profile.
 */
export const SERVER_PROBE_NODE_OPTIONS = `--import ${new URL('./server-probe.mjs', import.meta.url).href}`;

export interface ProcessMemory {
  /** VmRSS from /proc after the GC, bytes */
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** Asks a process started with SERVER_PROBE_NODE_OPTIONS for its memory; `output` is everything it printed so far. */
export async function probeMemory(pid: number, output: () => string, timeoutMs = 10_000): Promise<ProcessMemory> {
  const pattern = new RegExp(`^MEMORY_PROBE ${pid} (.*)$`, 'gm');
  const seen = output().match(pattern)?.length ?? 0;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = output().match(pattern) ?? [];
    if (lines.length > seen) {
      const usage = JSON.parse(lines.at(-1)!.replace(/^MEMORY_PROBE \d+ /, '')) as NodeJS.MemoryUsage;
      return { rss: residentBytes(pid) ?? usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external };
    }
    await sleep(20);
  }
  throw new Error(`process ${pid} did not answer the memory probe within ${timeoutMs} ms`);
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system) a process has used so far, ms, from /proc; null when it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Busy and total time of one core since boot, ms, from /proc/stat; null off Linux. */
export function coreTimes(core: number): { busy: number; total: number } | null {
  try {
    const line = new RegExp(`^cpu${core} (.*)$`, 'm').exec(readFileSync('/proc/stat', 'utf8'));
    if (!line) return null;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line[1]!.trim().split(/\s+/).map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy: busy * TICK_MS, total: (busy + idle! + iowait!) * TICK_MS };
  } catch {
    return null;
  }
}

/** Starts a CPU profile in a process started with SERVER_PROBE_NODE_OPTIONS and BENCH_CPU_PROFILE_DIR. */
export function startCpuProfile(pid: number): void {
  process.kill(pid, 'SIGWINCH');
}

/** Stops the CPU profile started by startCpuProfile; returns the file it was written to. */
export async function stopCpuProfile(pid: number, output: () => string, timeoutMs = 20_000): Promise<string> {
  const pattern = new RegExp(`^CPU_PROFILE ${pid} (.*)$`, 'gm');
  const seen = output().match(pattern)?.length ?? 0;
  process.kill(pid, 'SIGWINCH');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const lines = output().match(pattern) ?? [];
    if (lines.length > seen) {
      const file = lines.at(-1)!.replace(/^CPU_PROFILE \d+ /, '');
      if (file.startsWith('error ')) throw new Error(`CPU profile of ${pid} failed: ${file}`);
      return file;
    }
    await sleep(50);
  }
  throw new Error(`process ${pid} wrote no CPU profile within ${timeoutMs} ms`);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfileSummary {
  /** ms sampled */
  totalMs: number;
  /** self time by package (node_modules), project folder, node: module or V8 pseudo-frame */
  selfByPlace: { name: string; ms: number }[];
  /** self time of the busiest functions */
  selfByFunction: { name: string; ms: number }[];
  /** time spent in or under the busiest functions of the project itself (server/, db/, shared/) */
  inclusiveByProjectFunction: { name: string; ms: number }[];
}

const ROOT_URL = new URL('../..', import.meta.url).href;

function placeOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return url;
  const local = url.startsWith(ROOT_URL) ? url.slice(ROOT_URL.length) : url.replace(/^file:\/\//, '');
  return local.split('/').slice(0, -1).join('/') || local;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.startsWith(ROOT_URL) ? url.slice(ROOT_URL.length) : url.replace(/^.*node_modules\//, '');
  return `${functionName || '(anonymous)'}${file ? ` ${file}${lineNumber > 0 ? `:${lineNumber + 1}` : ''}` : ''}`;
}

/** Where the time of a V8 CPU profile (.cpuprofile) went: by place, by function, and under the project's own functions. */
export function summarizeCpuProfile(file: string, top = 12): CpuProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)));

  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const isProject = (url: string) => url.startsWith(ROOT_URL) && /^(server|db|shared)\//.test(url.slice(ROOT_URL.length));
  let total = 0;
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    total += us;
    add(places, placeOf(node.callFrame.url, node.callFrame.functionName), us);
    add(functions, nameOf(node), us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!isProject(frame.callFrame.url)) continue;
      const name = nameOf(frame);
      if (!seen.has(name)) {
        seen.add(name);
        add(inclusive, name, us);
      }
    }
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 100) / 10 }));
  return {
    totalMs: Math.round(total / 1000),
    selfByPlace: ranked(places),
    selfByFunction: ranked(functions),
    inclusiveByProjectFunction: ranked(inclusive),
  };
}
