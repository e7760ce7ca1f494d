/**
 * The source zip addons.mozilla.org asks for when an add-on's code is bundled: everything git
 * tracks, under one folder (`track-inspector-<version>/`). Inside it, `npm ci && npm run build`
 * makes dist/firefox byte for byte (test/build/source-rebuild.test.ts). Tests and tools stay in
 * (scripts/ imports the browser harness), so a reviewer gets the tree as git has it with its manual (docs/),
 * less the manual's screenshots: half the size, and no part of any build. Files are read from the working tree, so
 * the zip matches the dist/ built beside it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipBytes, type ZipEntry } from './zip.ts';

/** The manual's screenshots. */
const notNeededToRebuild = (path: string) => path.startsWith('docs/') && path.endsWith('.png');

interface TrackedFile {
  readonly path: string;
  readonly executable: boolean;
}

/** The files of the source zip, from `git ls-files` (so nothing ignored or untracked slips in). */
export function sourceFiles(root: string): TrackedFile[] {
  // `-s -z`: "<mode> <object> <stage>\t<path>\0" for each file, paths unquoted.
  const listing = execFileSync('git', ['ls-files', '-s', '-z'], { cwd: root, encoding: 'utf8' });
  return listing
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const [meta = '', path = ''] = record.split('\t');
      return { path, executable: meta.startsWith('100755') };
    })
    .filter(({ path }) => !notNeededToRebuild(path));
}

export function writeSourceZip(root: string, folder: string, outFile: string): void {
  const entries: ZipEntry[] = sourceFiles(root).map(({ path, executable }) => ({ name: `${folder}/${path}`, data: readFileSync(join(root, path)), executable }));
  writeFileSync(outFile, zipBytes(entries));
}

/** Tracked files changed since the last commit: a release made from them cannot be found in git. */
export function uncommittedChanges(root: string): string[] {
  const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' });
  return status.split('\n').filter((line) => line !== '');
}
