// The CLI as users install it: `npm pack`, then `npm install -g` of the tarball into a scratch
// prefix, offline (the package has no dependencies to fetch), then the installed command.
// Packs with --ignore-scripts: `prepack` would rebuild dist/cli while the CLI tests beside this
// file run it; `npm run build` made this very bundle before the build tests, and the source zip
// test shows `npm pack` building it by itself in a fresh tree.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npm, packageJson } from './release-helpers.ts';

const scratch = mkdtempSync(join(tmpdir(), 'track-inspector-pack-'));
const prefix = join(scratch, 'prefix');
const installed = join(prefix, 'lib/node_modules/track-inspector');
interface Packed {
  readonly filename: string;
  readonly size: number;
  readonly files: readonly { readonly path: string }[];
}
let packed: Packed = { filename: 'not packed', size: 0, files: [] };

function sample(name: string, lines: string[]): string {
  writeFileSync(join(scratch, name), lines.join('\n') + '\n');
  return join(scratch, name);
}
/** The installed command, as a shell runs it: the bin link, its `#!/usr/bin/env node` line. */
function trackInspector(args: string[]) {
  const run = spawnSync(join(prefix, 'bin/track-inspector'), args, { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm pack, then npm install -g of the tarball', () => {
  beforeAll(() => {
    [packed = packed] = JSON.parse(
      npm(['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], process.cwd()),
    ) as Packed[];
    npm(
      ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(scratch, packed.filename)],
      scratch,
    );
  }, 120_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('packs the CLI bundle, its launcher, the Playwright export, its coverage reporter and their declarations, README, LICENSE and package.json, and nothing else', () => {
    expect(packed.filename).toBe(`track-inspector-${packageJson.version}.tgz`);
    const paths = packed.files.map((file) => file.path).sort();
    const declarations = paths.filter((file) => file.startsWith('dist/playwright/types/'));
    expect(paths.filter((file) => !declarations.includes(file))).toEqual([
      'LICENSE',
      'README.md',
      'bin/track-inspector.js',
      'dist/cli/track-inspector.mjs',
      'dist/playwright/index.mjs',
      'dist/playwright/reporter.mjs',
      'package.json',
    ]);
    expect(declarations).toContain('dist/playwright/types/playwright/index.d.ts');
    expect(declarations.filter((file) => !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs nothing beside it: the bundle needs no dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: object };
    expect(manifest.dependencies).toBeUndefined();
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  it("--version prints package.json's version", () => {
    expect(trackInspector(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('validate checks NDJSON: exit 0 when all is valid, 1 with the errors when not', () => {
    const valid = sample('valid.ndjson', [
      '{"event":"Signed Up","userId":"u1","timestamp":"2024-05-01T10:00:00Z"}',
      '{"type":"identify","userId":"u1","traits":{"plan":"pro"}}',
    ]);
    const invalid = sample('invalid.ndjson', [
      '{"event":"Signed Up","userId":"u1"}',
      '{"event":"Order Completed","userId":"u1","timestamp":"2024-05-01"}',
    ]);
    expect(trackInspector(['validate', valid])).toEqual({
      code: 0,
      stdout: '2 messages: 2 valid, 0 invalid, 0 with warnings\n',
      stderr: '',
    });
    expect(trackInspector(['validate', invalid])).toEqual({
      code: 1,
      stdout: [
        'line 2 "Order Completed"',
        '  /timestamp: timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
        '2 messages: 1 valid, 1 invalid, 0 with warnings',
        '',
      ].join('\n'),
      stderr: '',
    });
  });
});
