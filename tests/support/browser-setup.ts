import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Debian's Chromium for the browser suites, or '' when it is not installed (they are skipped). */
    chromiumPath: string;
    /** A folder where browser suites leave figures (first contentful paint) for the summary line. */
    browserReportDir: string;
  }
}

/** Where Debian's `chromium` package puts the browser; CHROMIUM_PATH names another. Never downloaded. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

/** Once per run: finds Chromium, and says in the summary which one ran the browser suites, or that they were skipped. */
export function setup(project: TestProject): void {
  const path = CANDIDATES.find((p) => existsSync(p)) ?? '';
  let kind: string;
  if (path) {
    let version = 'Chromium';
    try {
      version = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop()!;
    } catch {
      // The version is for the summary line only.
    }
    kind = `${version} (${path})`;
  } else {
    kind = 'no browser (Chromium not installed; apt-get install -y chromium): the browser suites were skipped';
  }
  // The summary reporter reads it at the end of the run and removes it.
  const reportDir = mkdtempSync(join(tmpdir(), 'cruxbot-browser-'));
  process.env.CRUXBOT_TEST_BROWSER = kind;
  process.env.CRUXBOT_TEST_BROWSER_REPORT = reportDir;
  project.provide('chromiumPath', path);
  project.provide('browserReportDir', reportDir);
}
