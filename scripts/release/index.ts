/** One release: the two store zips and the source zip, named after package.json's version. */
import { join } from 'node:path';
import { mkdirSync, statSync } from 'node:fs';
import { packageVersion } from '../manifest.ts';
import { writeChromeZip, writeFirefoxZip } from './store-zips.ts';
import { writeSourceZip } from './source-zip.ts';

export interface ReleaseFile {
  readonly kind: 'chrome' | 'firefox' | 'source';
  readonly path: string;
  readonly bytes: number;
}

/** Writes the release of the checkout at `root` (already built: dist/chrome, dist/firefox) to `outDir`. */
export function writeRelease(root: string, outDir: string): ReleaseFile[] {
  const version = packageVersion();
  mkdirSync(outDir, { recursive: true });
  const path = (kind: ReleaseFile['kind']) => join(outDir, `track-inspector-${version}-${kind}.zip`);
  writeChromeZip(join(root, 'dist/chrome'), path('chrome'));
  writeFirefoxZip(join(root, 'dist/firefox'), path('firefox'));
  writeSourceZip(root, `track-inspector-${version}`, path('source'));
  return (['chrome', 'firefox', 'source'] as const).map((kind) => ({ kind, path: path(kind), bytes: statSync(path(kind)).size }));
}
