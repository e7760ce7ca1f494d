// Bundles the CLI (src/cli + src/core + the precompiled validators + json-schema-library) into one
// self-contained Node ESM file: `npx track-inspector` runs on plain Node 20 right after `npm ci`
// (the `prepare` script), and the npm package (`prepack`) needs no dependencies at run time.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/track-inspector.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  // `track-inspector --version`: package.json's version, fixed in the bundle (src/cli/version.ts).
  define: { __TRACK_INSPECTOR_VERSION__: JSON.stringify(version) },
});
console.log('cli -> dist/cli/track-inspector.mjs');
