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
  },
});
