/**
 * The example's Playwright config: starts the example app (app/server.mjs) and runs signup.spec.ts in
 * Chromium. Run from the repository root: npx playwright test -c examples/playwright
 */
import { defineConfig } from '@playwright/test';

// A fixed port, because the spec names the collect endpoint with it in `trackInspector.hosts`.
const PORT = 4100;

export default defineConfig({
  testDir: '.',
  outputDir: 'test-results',
  forbidOnly: !!process.env['CI'],
  // The tracking plan's coverage over the whole run, beside the usual list: a summary line, and the report as JSON.
  // In your project, name it 'track-inspector/playwright/reporter': Playwright finds a reporter in node_modules,
  // and this example, inside the package itself, has none, so it names the built file.
  reporter: [
    ['list'],
    [
      '../../dist/playwright/reporter.mjs',
      {
        outputFile: process.env['TRACKING_COVERAGE_FILE'] ?? 'test-results/tracking-coverage.json',
        // The run fails below this share of the plan's rules (a percentage); none unless set.
        ...(process.env['TRACKING_COVERAGE_MIN'] && { min: Number(process.env['TRACKING_COVERAGE_MIN']) }),
      },
    ],
  ],
  webServer: {
    command: 'node app/server.mjs',
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    // Another server on the port would answer for the app, and the spec would test the wrong thing.
    reuseExistingServer: false,
  },
  use: { baseURL: `http://127.0.0.1:${PORT}` },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          // An installed Chromium (Debian's by default) rather than one `playwright install` downloads.
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          // No sandbox (CI containers run as root), and no network of the browser's own: its background
          // connections would only be refused on a closed network, and the test needs none of them.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
