/**
 * Specs that are meant to fail, run by test/build/playwright-runs.test.ts under the real runner with
 * its JSON reporter: what a failing test attaches, and how a plan that cannot be used fails a test.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, chromiumFlags, installedPath } from '../../browser-harness/installed';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Outside the working tree: npm test leaves it as it found it.
  outputDir: path.join(tmpdir(), 'track-inspector-playwright-runs'),
  workers: 1,
  retries: 0,
  timeout: 30_000,
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: installedPath(CHROMIUM), args: chromiumFlags(0, []) },
      },
    },
  ],
});
