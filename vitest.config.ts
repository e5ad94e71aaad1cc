import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts', 'test-hosts/**/*.test.ts'],
    testTimeout: 60_000,
    // Much of the suite waits on child processes (LibreOffice, Chromium, the CLI), so at least two
    // workers even on a 2-core machine, where vitest's default (cores - 1) would run one: 6.4 min here
    // instead of 7.9.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
