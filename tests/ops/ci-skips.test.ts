import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// A throwaway project inside the repository, so that its test file resolves `vitest` from ours.
const dir = mkdtempSync(join(resolve('tests'), '.ci-skips-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'node_modules'));
symlinkSync(resolve('node_modules/vitest'), join(dir, 'node_modules/vitest'));
// Not named *.test.ts, so the project's own run never picks it up.
writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.check.ts'] } };\n");
writeFileSync(
  join(dir, 'sample.check.ts'),
  `import { describe, it } from 'vitest';
describe('sample', () => {
  it('passes', () => undefined);
  it('needs a browser', (context) => { if (process.env.SKIP_ONE) context.skip('Chromium is not installed'); });
});
`,
);

function runSample(env: Record<string, string>) {
  const run = spawnSync(
    process.execPath,
    [
      resolve('node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      dir,
      '--config',
      join(dir, 'vitest.config.mjs'),
      '--reporter=default',
      `--reporter=${resolve('tests/helpers/ci-skips.reporter.ts')}`,
    ],
    {
      env: { ...process.env, CI: '', SKIP_ONE: '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the CI skips reporter', () => {
  it('fails a run in which a test was skipped, naming the test and why', () => {
    const run = runSample({ SKIP_ONE: '1' });
    expect(run.status).toBe(1);
    expect(run.output).toContain('1 test(s) skipped, and under CI a skipped test is a failure');
    expect(run.output).toContain('sample.check.ts › sample > needs a browser (Chromium is not installed)');
  });

  it('leaves a run in which nothing was skipped green', () => {
    const run = runSample({});
    expect(run.output).not.toContain('skipped, and under CI');
    expect(run.status).toBe(0);
  });
});
