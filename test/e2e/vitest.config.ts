import { defineConfig } from 'vitest/config';

// Real-browser tests over the built site (npm run build:e2e first). One fork, files one after
// another: each file starts one Chromium, and the machine may have only two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A shared 2-core machine can be slow to paint; polls wait up to 15 s before failing.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
