// Bundles `track-inspector/playwright` (src/playwright + the core it shares with the extension and the
// CLI) into one Node ESM file, with @playwright/test left to the user's own install (a peer
// dependency), and emits its type declarations.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

rmSync('dist/playwright', { recursive: true, force: true });
// The page reporter runs in the browser: bundled on its own (content/page-sends.ts inlined) into a script
// whose source the fixture hands to addInitScript, as the constant __PAGE_REPORTER_SOURCE__.
const reporter = await build({
  entryPoints: ['src/playwright/page-reporter.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'TrackInspectorReporter',
  platform: 'browser',
  target: 'es2020',
  legalComments: 'none',
});
/** A Node ESM bundle of one entry point, @playwright/test left to the user's own install. */
const nodeBundle = (entry, outfile, define = {}) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    external: ['@playwright/test'],
    define,
  });
await nodeBundle('src/playwright/index.ts', 'dist/playwright/index.mjs', {
  __PAGE_REPORTER_SOURCE__: JSON.stringify(reporter.outputFiles[0].text),
});
// The coverage reporter (`track-inspector/playwright/reporter`) runs in the runner's own process: a file of its own.
await nodeBundle('src/playwright/reporter.ts', 'dist/playwright/reporter.mjs');
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/playwright/tsconfig.types.json'], {
  stdio: 'inherit',
});
// tsc writes the source's extensionless relative imports; a project on `moduleResolution: NodeNext` (ESM on
// Node) accepts only `./x.js` there, which finds x.d.ts. Every relative specifier gets its `.js`.
for (const entry of readdirSync('dist/playwright/types', { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8').replace(
    /((?:from|import)\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+?)(?<!\.js)\2/g,
    '$1$2$3.js$2',
  );
  writeFileSync(file, text);
}
console.log('playwright -> dist/playwright/index.mjs, reporter.mjs (+ types)');
