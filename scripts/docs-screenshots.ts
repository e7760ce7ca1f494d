// `npm run docs:screenshots`: remakes the manual's screenshots (docs/panel.md), docs/panel-{chromium,firefox}-{light,dark}.png.
// They are what the panel suites capture in real DevTools (the official June SDK sending, the invalid call's
// detail open): this builds the extension and runs those suites with their screenshots kept in docs/.
// `npm test` never writes there.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { missingBrowsers } from '../browser-harness/installed';
import { SCREENSHOTS_DIR_ENV, screenshotName } from '../browser-harness/panel';

const DOCS = 'docs';
const SUITES = ['test/e2e/panel.chromium.test.ts', 'test/e2e/panel.firefox.test.ts'];
const SHOTS = (['chromium', 'firefox'] as const).flatMap((browser) =>
  (['light', 'dark'] as const).map((theme) => path.join(DOCS, screenshotName(browser, theme))),
);

const missing = missingBrowsers();
if (missing.length) {
  for (const line of missing) console.error(`docs:screenshots: ${line}`);
  process.exit(2);
}

const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('docs:screenshots: npm run build failed');
  process.exit(2);
}

const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...SUITES], {
  stdio: 'inherit',
  env: { ...process.env, [SCREENSHOTS_DIR_ENV]: DOCS },
});
const stale = SHOTS.filter((file) => (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < started);
if (run.status !== 0 || stale.length) {
  console.error(`docs:screenshots: the panel suites failed${stale.length ? `; not remade: ${stale.join(', ')}` : ''}`);
  process.exit(1);
}
for (const file of SHOTS) console.log(`docs:screenshots: wrote ${file}`);
