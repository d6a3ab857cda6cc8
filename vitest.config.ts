import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/support/no-network.ts'],
    // The PostgreSQL server the storage suites run against (a throwaway cluster when installed), and
    // the Chromium the browser suites drive (Debian's, when installed).
    globalSetup: ['tests/support/postgres-setup.ts', 'tests/support/browser-setup.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Generous: some tests start the bot as a process, and CI machines are small. Nothing asserts time.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // Two cores: keep the pool small so timing-sensitive adapter tests are not starved.
    maxWorkers: 2,
  },
});
