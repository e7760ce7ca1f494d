// Mozilla's own linter (addons-linter via web-ext) over the built Firefox extension.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('web-ext lint dist/firefox', () => {
  it('reports no errors', { timeout: 60_000 }, () => {
    const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as { errors: { code: string; message: string }[]; metadata: { id: string } };
    expect(report.metadata.id).toBe('track-inspector@track-inspector.dev');
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
  });
});
