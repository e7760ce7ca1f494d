// The fixture under the real @playwright/test runner, in runs meant to fail (test/playwright-runs): a failing test
// attaches its capture as tracking.ndjson, which `track-inspector validate` reads; a plan that cannot be used fails
// the test's setup with the reason. Needs Debian's Chromium and the built package (npm run build).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';

interface JsonResult {
  readonly status: string;
  readonly errors: readonly { readonly message?: string }[];
  readonly attachments: readonly { readonly name: string; readonly contentType: string; readonly path?: string }[];
}
interface JsonSpec {
  readonly title: string;
  readonly tests: readonly { readonly results: readonly JsonResult[] }[];
}
interface JsonSuite {
  readonly specs: readonly JsonSpec[];
  readonly suites?: readonly JsonSuite[];
}

/** The test's output folder: the reporter copies attachments into `<it>/attachments/`. */
function outputDirOf(result: JsonResult | undefined): string {
  const copied = result?.attachments.find((a) => a.name === 'tracking.ndjson')?.path ?? '';
  return path.dirname(path.dirname(copied));
}

function specsOf(suite: JsonSuite): JsonSpec[] {
  return [...suite.specs, ...(suite.suites ?? []).flatMap(specsOf)];
}

function run(): Map<string, JsonResult> {
  const result = spawnSync(
    'npx',
    ['playwright', 'test', '-c', 'test/playwright-runs/playwright.config.ts', '--reporter=json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const report = JSON.parse(result.stdout) as { suites: JsonSuite[] };
  const specs = report.suites.flatMap(specsOf);
  return new Map(specs.map((spec) => [spec.title, spec.tests[0]?.results[0] as JsonResult]));
}

describe('track-inspector/playwright in failing runs', () => {
  const results = run();

  it("attaches a failing test's capture as tracking.ndjson, which the CLI validates", () => {
    const failed = results.get('a failing test attaches its capture');
    expect(failed?.status).toBe('failed');
    const attachment = failed?.attachments.find((a) => a.name === 'tracking.ndjson');
    expect(attachment?.contentType).toBe('application/x-ndjson');
    // Also a file in the test's output folder, where CI finds every capture of the run together.
    const file = path.join(outputDirOf(failed), 'tracking.ndjson');
    expect(readFileSync(attachment?.path ?? '', 'utf8')).toBe(readFileSync(file, 'utf8'));
    const cli = runCli(['validate', file]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('2 messages: 1 valid, 1 invalid');
    expect(cli.stdout).toContain('timestamp must be an ISO 8601 date-time with a time zone, got "yesterday"');
  });

  it('fails a test whose plan cannot be used, in its setup, naming the file', () => {
    const refused = results.get('fails in its setup, saying why');
    expect(refused?.status).toBe('failed');
    const message = refused?.errors.map((e) => e.message ?? '').join('\n') ?? '';
    expect(message).toContain('TrackInspectorOptionsError');
    expect(message).toContain(
      `${path.resolve('test/playwright-runs/no-such-plan.json')}: cannot read the tracking plan: no such file`,
    );
  });
});
