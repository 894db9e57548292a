import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const CLIENT_DIST = fileURLToPath(new URL('../../dist/client/', import.meta.url));

/** Serves the built Svelte app; any other GET that is not an API path gets its index.html. */
export async function registerClient(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(`${CLIENT_DIST}index.html`)) return false;
  await app.register(fastifyStatic, {
    root: CLIENT_DIST,
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
