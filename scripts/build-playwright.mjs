// Bundles `track-inspector/playwright` (src/playwright + the core it shares with the extension and the
// CLI) into one Node ESM file, with @playwright/test left to the user's own install (a peer
// dependency), and emits its type declarations.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/playwright', { recursive: true, force: true });
await build({
  entryPoints: ['src/playwright/index.ts'],
  outfile: 'dist/playwright/index.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  external: ['@playwright/test'],
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'src/playwright/tsconfig.types.json'], {
  stdio: 'inherit',
});
console.log('playwright -> dist/playwright/index.mjs (+ types)');
