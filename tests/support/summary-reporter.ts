import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * Prints `N passed, N failed` alone on the last line, which CI reads. A test file that fails to load
 * and an unhandled error each count as a failure, so a broken suite can never read as green.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    for (const module of testModules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
      }
      if (module.errors().length > 0 || (tests === 0 && module.state() === 'failed')) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\nStorage suites ran against SQLite and ${process.env.CRUXBOT_TEST_POSTGRES ?? 'no PostgreSQL'}.\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}
