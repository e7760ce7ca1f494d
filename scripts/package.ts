/**
 * `npm run package` (after `npm run build`): the store uploads and the source zip, in release/
 * (or the folder given as the first argument). What each file is for: docs/release.md.
 */
import { relative } from 'node:path';
import { uncommittedChanges } from './release/source-zip.ts';
import { writeRelease } from './release/index.ts';

const root = process.cwd();
const outDir = process.argv[2] ?? 'release';
const changed = uncommittedChanges(root);
if (changed.length > 0) {
  process.stderr.write(
    `package: warning: uncommitted changes are in this release (commit them, so the release can be found in git):\n${changed.map((l) => `  ${l}\n`).join('')}`,
  );
}
for (const file of writeRelease(root, outDir)) {
  console.log(`${file.kind.padEnd(8)}${relative(root, file.path)}  ${(file.bytes / 1024).toFixed(1)} KB`);
}
