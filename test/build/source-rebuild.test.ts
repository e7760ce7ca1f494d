// The source zip's promise to addons.mozilla.org's reviewers: unpacked anywhere, `npm ci && npm
// run build` makes dist/firefox byte for byte. A real `npm ci` of the zip's lockfile, with
// --offline: it installs from the npm cache that this checkout's own `npm ci` filled (CI runs
// that first), in about 15 s, and the test reaches no network. Linking this checkout's
// node_modules instead would be quicker, but would not test the lockfile, and esbuild names
// bundled modules by their real path: a symlinked node_modules changes the bundles.
// Runs after `npm run build`, which made the dist/ it compares with.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSourceZip } from '../../scripts/release/source-zip.ts';
import { differences, folderFiles, npm, packageJson, unpack } from './release-helpers.ts';

const folder = `track-inspector-${packageJson.version}`;
const scratch = mkdtempSync(join(tmpdir(), 'track-inspector-source-'));
const tree = join(scratch, folder);

describe('the source zip, unpacked elsewhere', () => {
  beforeAll(() => {
    writeSourceZip(process.cwd(), folder, join(scratch, 'source.zip'));
    unpack(join(scratch, 'source.zip'), scratch);
    npm(['ci', '--offline', '--no-audit', '--no-fund'], tree);
    npm(['run', 'build'], tree);
  }, 300_000);
  // The tree holds a whole node_modules (~400 MB): never leave one behind per test run. Deleting it is
  // disk work like the install, so it gets a budget like the install's, not vitest's 10 s hook default
  // (on a busy machine it took longer: the hook failed after every test had passed).
  afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000);

  // dist/firefox is the promise; dist/chrome and the CLI come from the same sources, and hold it too.
  it.each(['dist/firefox', 'dist/chrome', 'dist/cli'])('npm ci && npm run build makes %s byte for byte', (dist) => {
    const rebuilt = folderFiles(join(tree, dist));
    expect(rebuilt.size).toBeGreaterThan(0);
    expect(differences(rebuilt, folderFiles(dist))).toEqual([]);
  });

  // The CLI package test packs this checkout with --ignore-scripts (see there); here, in a tree
  // with nothing built, `npm pack` itself must build the CLI (`prepack`).
  it('npm pack there builds the CLI itself before packing it', { timeout: 120_000 }, () => {
    rmSync(join(tree, 'dist'), { recursive: true });
    rmSync(join(tree, 'src/core/generated'), { recursive: true });
    const packs = join(scratch, 'packs');
    mkdirSync(packs);
    // Not --json: the prepack scripts print to the same stdout. The tarball itself says what it holds.
    npm(['pack', '--pack-destination', packs], tree);
    const [tarball = 'none'] = readdirSync(packs);
    execFileSync('tar', ['-xzf', join(packs, tarball), '-C', packs]);
    expect(differences(folderFiles(join(packs, 'package/dist/cli')), folderFiles('dist/cli'))).toEqual([]);
  });
});
