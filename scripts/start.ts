import { join } from 'node:path';
import { clientBuildIsStale, ROOT } from './client-build.ts';

// `npm start`: build the client when its build is missing or older than its sources, then run
// the server (which migrates, seeds an empty database and listens).
if (clientBuildIsStale()) {
  console.log('Building the client (first start, or its sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'client'), logLevel: 'warn' });
}
await import('../server/main.ts');
