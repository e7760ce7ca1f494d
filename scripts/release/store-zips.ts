/**
 * The two store uploads. Chrome Web Store: a zip of dist/chrome with manifest.json at its root.
 * addons.mozilla.org: what `web-ext build` makes of dist/firefox (Mozilla's own tool, with its
 * own idea of what belongs in an add-on), then re-packed entry for entry by zip.ts, because
 * web-ext stamps every entry with the current time and adds them in whatever order its
 * asynchronous directory walk finishes: the same build would give a different zip each time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entriesUnder, unzipBytes, zipBytes } from './zip.ts';

export function writeChromeZip(distDir: string, outFile: string): void {
  writeFileSync(outFile, zipBytes(entriesUnder(distDir)));
}

export function writeFirefoxZip(distDir: string, outFile: string): void {
  const scratch = mkdtempSync(join(tmpdir(), 'track-inspector-web-ext-'));
  try {
    const built = join(scratch, 'web-ext.zip');
    const run = spawnSync('npx', ['web-ext', 'build', '--source-dir', distDir, '--artifacts-dir', scratch, '--filename', 'web-ext.zip', '--no-config-discovery'], {
      encoding: 'utf8',
      // web-ext asks the npm registry for a newer web-ext on every run; a build sends nothing anywhere.
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    });
    if (run.status !== 0) throw new Error(`web-ext build failed (exit ${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
    const entries = Object.entries(unzipBytes(readFileSync(built))).map(([name, data]) => ({ name, data }));
    writeFileSync(outFile, zipBytes(entries));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
