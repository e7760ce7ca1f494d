/** What the release tests share: unpacking a zip, a folder's files, and npm run as a person runs it. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { entriesUnder, unzipBytes } from '../../scripts/release/zip.ts';

export const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

/** Every file of a zip, name -> bytes (directory entries left out). */
export function zipFiles(zipFile: string): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipBytes(readFileSync(zipFile))).filter(([name]) => !name.endsWith('/')));
}

/** Every file under `dir`, relative name -> bytes. */
export function folderFiles(dir: string): Map<string, Uint8Array> {
  return new Map(entriesUnder(dir).map(({ name, data }) => [name, data]));
}

export function unpack(zipFile: string, into: string): void {
  for (const [name, data] of zipFiles(zipFile)) {
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), data);
  }
}

/** Names in only one of the two, or whose bytes differ: [] when both hold the same files, byte for byte. */
export function differences(actual: Map<string, Uint8Array>, expected: Map<string, Uint8Array>): string[] {
  const names = [...new Set([...actual.keys(), ...expected.keys()])].sort();
  return names.flatMap((name) => {
    const [a, b] = [actual.get(name), expected.get(name)];
    if (!a) return [`${name}: missing`];
    if (!b) return [`${name}: not expected`];
    return Buffer.from(a).equals(b) ? [] : [`${name}: different bytes`];
  });
}

/**
 * The environment a person's shell gives npm. Left out: the `npm_*` variables of the `npm test`
 * run around us (`npm_config_local_prefix` would point a nested npm at this checkout) and
 * vitest's NODE_ENV=test (vite would build in another mode). Kept: the npm cache in use, which
 * `--offline` installs from.
 */
export function personEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && !/^VITEST/.test(key) && key !== 'NODE_ENV'),
  );
  const cache = process.env['npm_config_cache'];
  return { ...env, ...(cache ? { npm_config_cache: cache } : {}), NO_UPDATE_NOTIFIER: '1' };
}

export function npm(args: readonly string[], cwd: string): string {
  const run = spawnSync('npm', args, { cwd, env: personEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const hint = run.stderr.includes('ENOTCACHED')
    ? '\n--offline installs from the npm cache alone: run `npm ci` once online in this checkout to fill it.'
    : '';
  if (run.status !== 0)
    throw new Error(
      `npm ${args.join(' ')} (in ${cwd}) exited ${run.status ?? run.signal}:\n${run.stdout}\n${run.stderr}${hint}`,
    );
  return run.stdout;
}
