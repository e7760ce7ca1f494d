/**
 * bench:capture's own build of the Chrome extension: the same sources as dist/chrome, with the
 * event counter compiled in (src/background/event-count.ts), so the bench can say how many
 * webRequest events reached the background. Real builds carry no counter.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export function buildCountingExtension(): string {
  const outDir = path.resolve('dist/bench/chrome');
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', outDir, '--emptyOutDir'], {
    env: { ...process.env, TRACK_INSPECTOR_COUNT_EVENTS: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('bench:capture could not build the extension with its event counter (vite build failed)');
  return outDir;
}
