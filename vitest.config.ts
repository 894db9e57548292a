import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions: ['browser'] },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and socket tests poll for what a user would see; a loaded 2-core machine needs more than 1 s.
    expect: { poll: { timeout: 10_000 } },
    // CI reads the pass/fail counts from this file (.ci/run prints them).
    // Under CI a skipped test fails the run (tests/helpers/ci-skips.reporter.ts).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results/vitest.json' }], './tests/helpers/ci-skips.reporter.ts'] : ['default'],
  },
});
