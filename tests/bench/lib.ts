import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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
