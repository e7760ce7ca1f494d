import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'panel', include: ['test/panel/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts', 'test/cli/**/*.test.ts'],
          environment: 'node',
          // A CLI test starts several Node processes, about a second each when the 2 cores are busy (8 in one test):
          // 5 s was the budget of a unit test, not of this work.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // Real browsers on a 2-core machine: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
