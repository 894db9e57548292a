import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(ROOT, 'dist/client/index.html');
const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

/** Whether dist/client is missing or older than anything it is built from. */
export function clientBuildIsStale(): boolean {
  return !existsSync(builtIndex) || Math.max(...sources.map(newestChange)) > statSync(builtIndex).mtimeMs;
}
