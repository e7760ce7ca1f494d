// Bundles the CLI (src/cli + src/core + the precompiled validators) into one Node ESM file, so
// `npx track-inspector` runs on plain Node 20 right after `npm ci` (the `prepare` script).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/track-inspector.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
});
console.log('cli -> dist/cli/track-inspector.mjs');
