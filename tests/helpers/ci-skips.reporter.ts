import type { Reporter, TestModule } from 'vitest/node';

/**
 * Under CI a skipped test is a failure: a test skips when what it needs (PostgreSQL, Redis,
 * Chromium, LibreOffice) is missing, and a green run with those skipped proves nothing. Lists each
 * skipped test with its reason and fails the run; `.ci/run` counts them as failed in its last line.
 */
export default class CiSkipsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules.flatMap((module) =>
      [...module.children.allTests()].flatMap((test) => {
        const result = test.result();
        return result.state === 'skipped'
          ? [`${test.module.moduleId.replace(`${process.cwd()}/`, '')} › ${test.fullName}${result.note ? ` (${result.note})` : ''}`]
          : [];
      }),
    );
    if (skipped.length === 0) return;
    console.error(`\nCI: ${skipped.length} test(s) skipped, and under CI a skipped test is a failure:`);
    for (const line of skipped) console.error(`  - ${line}`);
    process.exitCode = 1;
  }
}
