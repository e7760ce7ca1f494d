// Mozilla's own linter (addons-linter via web-ext) over what addons.mozilla.org receives: the
// Firefox zip that `npm run package` writes, unpacked. Runs after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFirefoxZip } from '../../scripts/release/store-zips.ts';
import { unpack } from './release-helpers.ts';

interface Finding {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}
interface Report {
  readonly errors: Finding[];
  readonly warnings: Finding[];
  readonly notices: Finding[];
  readonly metadata: { id: string };
}

describe('web-ext lint of the Firefox zip', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'track-inspector-lint-'));
  const unpacked = join(scratch, 'unpacked');
  let report: Report;
  beforeAll(() => {
    const zip = `${unpacked}.zip`;
    writeFirefoxZip('dist/firefox', zip);
    unpack(zip, unpacked);
    const run = spawnSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', unpacked, '--output', 'json', '--no-config-discovery'],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
      },
    );
    report = JSON.parse(run.stdout) as Report;
  }, 60_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('is our add-on, with no errors and no notices', () => {
    expect(report.metadata.id).toBe('track-inspector@track-inspector.dev');
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    expect(report.notices.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  });

  // The one warning is Preact's renderer, which assigns innerHTML only the `__html` of a
  // `dangerouslySetInnerHTML` prop; eslint.config.js forbids that prop in our code (docs/release.md).
  it("warns only about Preact's innerHTML, which our code never reaches", () => {
    expect(report.warnings.map((w) => `${w.code}: ${w.message}`)).toEqual([
      'UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML',
    ]);
    const [warning] = report.warnings;
    const line = readFileSync(join(unpacked, warning?.file ?? ''), 'utf8').split('\n')[(warning?.line ?? 0) - 1] ?? '';
    const flagged = line.slice((warning?.column ?? 0) - 1, (warning?.column ?? 0) + 40);
    expect(flagged).toMatch(/^[\w$]+\.innerHTML=[\w$]+\.__html\b/);
  });
});
