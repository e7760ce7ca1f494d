/**
 * The fixture's own specs under the real @playwright/test runner (npm run test:playwright): Debian's
 * Chromium through launchOptions.executablePath, and Debian's Firefox ESR through Playwright's
 * `moz-firefox` channel (WebDriver BiDi), never a downloaded browser. Firefox ESR 153 lacks one BiDi
 * command Playwright 1.65 sends, so its executable is a test-only proxy that answers it
 * (browser-harness/firefox-bidi-proxy.mjs). Two workers, so a test's capture is shown to stay its own
 * while another test runs beside it.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM, FIREFOX, installedPath } from '../../browser-harness/installed';

installedPath(FIREFOX); // a missing Firefox is one clear line, before any test starts
const firefoxProxy = fileURLToPath(new URL('../../browser-harness/firefox-bidi-proxy.mjs', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // Outside the working tree: npm test leaves it as it found it.
  outputDir: path.join(tmpdir(), 'track-inspector-playwright'),
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
    {
      name: 'firefox',
      use: { browserName: 'firefox', channel: 'moz-firefox', launchOptions: { executablePath: firefoxProxy } },
    },
  ],
});
