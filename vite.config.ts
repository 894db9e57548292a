import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const server = process.env.VITE_API_TARGET ?? 'http://localhost:3000';

// The client lives in client/ and builds to dist/client, which the Fastify server serves.
export default defineConfig({
  root: 'client',
  plugins: [svelte()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
