import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
    process.stdout.write(`Browser suites ran in ${process.env.CRUXBOT_TEST_BROWSER ?? 'no browser'}.${browserFigures()}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  }
}

/** Figures the browser suites measured (first contentful paint of the shared page), as one sentence. */
function browserFigures(): string {
  const dir = process.env.CRUXBOT_TEST_BROWSER_REPORT;
  if (!dir || !existsSync(dir)) return '';
  const lines = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8').trim())
    .filter(Boolean);
  rmSync(dir, { recursive: true, force: true });
  return lines.length ? ` ${lines.join(' ')}` : '';
}
