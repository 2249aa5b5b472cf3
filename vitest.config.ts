import { defineConfig } from 'vitest/config';

// Unit, property and fidelity tests. Browser tests live in test/e2e with their own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'labs/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
  },
});
