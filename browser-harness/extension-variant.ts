/**
 * The extension built from the same sources as dist/chrome (or dist/firefox) with a test or bench flag
 * compiled in (vite.config.ts's `define`): bench:capture's event counter, the hidden-beacons test's
 * ignored pings. Real builds carry neither (test/build/no-bench-code.test.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BrowserTarget } from '../scripts/manifest';

/** Builds it into dist/<name>/<target> with `env` set for vite; returns that directory. */
export function buildExtensionVariant(target: BrowserTarget, name: string, env: Record<string, string>): string {
  const outDir = path.resolve(`dist/${name}/${target}`);
  const build = spawnSync('npx', ['vite', 'build', '--mode', target, '--outDir', outDir, '--emptyOutDir'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error(`could not build the ${name} extension for ${target} (vite build failed)`);
  return outDir;
}
