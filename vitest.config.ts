import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'build', include: ['test/build/**/*.test.ts', 'test/cli/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
