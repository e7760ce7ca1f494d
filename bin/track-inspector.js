#!/usr/bin/env node
// Thin launcher: the CLI is bundled to dist/cli by `npm run build:cli` (run by `npm ci` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/track-inspector.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('track-inspector: the CLI is not built yet; run `npm run build:cli` (or `npm ci`) first\n');
  process.exit(2);
}
await import(bundle);
