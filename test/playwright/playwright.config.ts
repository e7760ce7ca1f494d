/**
 * The fixture's own specs under the real @playwright/test runner (npm run test:playwright): Debian's
 * Chromium through launchOptions.executablePath, never a downloaded browser. Two workers, so a
 * test's capture is shown to stay its own while another test runs beside it.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM, installedPath } from '../../browser-harness/installed';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/playwright',
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: { ignoreHTTPSErrors: true },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: { executablePath: installedPath(CHROMIUM) } },
    },
  ],
});
