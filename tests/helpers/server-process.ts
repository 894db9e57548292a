import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Node itself with tsx's loader, not the tsx command: that one runs the script in a child process,
// and a SIGKILL meant for the server would kill only the wrapper and leave the server running.
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServerProcess {
  url: string;
  process: ChildProcessWithoutNullStreams;
  /** everything printed so far, stdout and stderr together */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Runs a script of the project as a child process with this environment; `cpus` pins it to
 * those cores with taskset (benchmarks keep server and load generator apart); `openFiles` raises
 * its limit on open files (`ulimit -n`) for scripts that hold thousands of sockets.
 */
export function runScript(script: string, env: Record<string, string>, args: string[] = [], cpus?: string, openFiles?: number): Omit<ServerProcess, 'url'> {
  const pinned = cpus ? ['taskset', '-c', cpus, ...NODE_WITH_TSX] : NODE_WITH_TSX;
  const command = openFiles ? ['bash', '-c', `ulimit -n ${Math.floor(openFiles)} && exec "$@"`, 'bash', ...pinned] : pinned;
  const child = spawn(command[0]!, [...command.slice(1), script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

/** Starts `server/main.ts` (or another server script) and waits until its /readyz answers. */
export async function startServer(
  env: Record<string, string>,
  options: { timeoutMs?: number; script?: string; cpus?: string; openFiles?: number } = {},
): Promise<ServerProcess> {
  const { timeoutMs = 30_000, script = 'server/main.ts', cpus, openFiles } = options;
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = runScript(script, { PUBLIC_ORIGIN: `http://localhost:${port}`, ...env, PORT: String(port) }, [], cpus, openFiles);
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void started.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${started.output()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return { ...started, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  started.process.kill('SIGKILL');
  throw new Error(`server did not become ready:\n${started.output()}`);
}
