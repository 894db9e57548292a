// The JavaScript each page needs before it is interactive, gzip-compressed, against TARGETS.md's
// 50 KB: the entry chunk and the page's own chunk with everything they import statically.
// Chunks fetched later with import() (socket.io-client after the first view, French or Spanish
// messages when chosen) are listed apart. Builds the client first when stale, as `npm start` does.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { clientBuildIsStale, ROOT } from '../../scripts/client-build.ts';
import { machine, writeResult } from './lib.ts';

const TARGET_KB = 50;
const assets = join(ROOT, 'dist/client/assets');

if (clientBuildIsStale()) {
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

const source = (file: string): string => readFileSync(join(assets, file), 'utf8');
const gzipBytes = (file: string): number => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
const staticImports = (file: string): string[] =>
  [...source(file).matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]\.\/([\w.-]+\.js)["'`]/g)].map((match) => match[1]!);
const dynamicImports = (file: string): string[] => [...source(file).matchAll(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g)].map((match) => match[1]!);

/** The file and everything it imports statically, transitively. */
function closure(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...staticImports(file));
  }
  return seen;
}

const html = readFileSync(join(ROOT, 'dist/client/index.html'), 'utf8');
const entry = /<script type="module"[^>]*src="\/assets\/([\w.-]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('No entry script in dist/client/index.html');
const shell = closure([entry]);
const kb = (files: Iterable<string>): number => Math.round(([...files].reduce((sum, file) => sum + gzipBytes(file), 0) / 1024) * 10) / 10;

const pageChunks = readdirSync(assets).filter((file) => /^[A-Z]\w*Page-[\w-]+\.js$/.test(file));
const pages = pageChunks.map((chunk) => {
  const initial = new Set([...shell, ...closure([chunk])]);
  const later = new Set([...initial].flatMap(dynamicImports).filter((file) => !initial.has(file) && !pageChunks.includes(file)));
  return {
    page: chunk.replace(/-[\w-]+\.js$/, ''),
    initialKb: kb(initial),
    fetchedOnDemandKb: kb([...closure([...later])].filter((file) => !initial.has(file))),
    withinTarget: kb(initial) <= TARGET_KB,
  };
});

console.log(`machine: ${machine.cores} cores, Node ${machine.node}`);
console.log(`shell (entry and its imports): ${kb(shell)} KB gzip`);
console.table(pages);
writeResult('bundle', { targetKb: TARGET_KB, shellKb: kb(shell), pages });
