// track-inspector/playwright/reporter under the real @playwright/test runner, on the example project
// (examples/playwright): one coverage report of the plan for the run, each rule with the tests that sent it, and a
// run that fails below `min`. Needs Debian's Chromium and the built package (npm run build).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'ti-coverage-reporter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runExample(env: Record<string, string>): { status: number | null; stdout: string } {
  const result = spawnSync(
    'npx',
    ['playwright', 'test', '-c', 'examples/playwright/playwright.config.ts', '--output', path.join(dir, 'out')],
    { encoding: 'utf8', env: { ...process.env, ...env } },
  );
  return { status: result.status, stdout: result.stdout };
}

interface RuleJson {
  readonly type: string;
  readonly name: string | null;
  readonly state: string;
  readonly tests: readonly string[];
}

describe('the coverage reporter', () => {
  it("writes the run's coverage, each rule with the tests that sent it, and prints a summary", () => {
    const file = path.join(dir, 'coverage.json');
    const run = runExample({ TRACKING_COVERAGE_FILE: file });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('track-inspector coverage of "Acme": 6 of 7 rules (85.7%); never seen: Error Shown');
    const report = JSON.parse(readFileSync(file, 'utf8')) as { plan: string; coverage: number; rules: RuleJson[] };
    expect(report.plan).toBe('Acme');
    expect(report.coverage).toBeCloseTo(6 / 7);
    const byName = Object.fromEntries(report.rules.map((rule) => [rule.name ?? rule.type, [rule.state, rule.tests]]));
    expect(byName['Error Shown']).toEqual(['never-seen', []]);
    expect(byName['Signed Up']).toEqual(['always-valid', ['sign up']]);
    expect(
      report.rules.filter((rule) => rule.state !== 'never-seen').every((rule) => rule.tests.join() === 'sign up'),
    ).toBe(true);
  }, 120_000);

  it('fails a run whose coverage is below min, saying so', () => {
    const run = runExample({ TRACKING_COVERAGE_FILE: path.join(dir, 'below.json'), TRACKING_COVERAGE_MIN: '90' });
    expect(run.stdout).toContain('6 of 7 rules (85.7%) — below the minimum of 90%');
    expect(run.status).toBe(1);
  }, 120_000);
});
