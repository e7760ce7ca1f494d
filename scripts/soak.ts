// `npm run test:soak -- N`: runs the real-browser suites N times in a row (default 10) and says how
// many runs passed, with the failures of each failing run. A test that fails by chance shows here.
// A run is the extension's e2e project, then the Playwright fixture's specs (both browsers, 2 workers).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { missingBrowsers } from '../browser-harness/installed';

const runs = Number(process.argv[2] ?? 10);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`soak: the number of runs must be a positive integer, got "${process.argv[2]}"`);
  process.exit(2);
}
const missing = missingBrowsers();
if (missing.length) {
  for (const line of missing) console.error(`soak: ${line}`);
  process.exit(2);
}

const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('soak: npm run build failed');
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), 'ti-soak-'));
let passed = 0;
for (let run = 1; run <= runs; run++) {
  const report = path.join(dir, `run-${run}.json`);
  const started = Date.now();
  const result = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=json', `--outputFile=${report}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const specs = spawnSync(
    'npx',
    ['playwright', 'test', '-c', 'test/playwright/playwright.config.ts', '--reporter=json'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const failures = [...failuresIn(report, result.stderr), ...playwrightFailures(specs.stdout, specs.stderr)];
  if (result.status === 0 && specs.status === 0 && !failures.length) {
    passed++;
    console.log(`soak: run ${run} of ${runs} passed (${seconds} s)`);
  } else {
    console.log(`soak: run ${run} of ${runs} FAILED (${seconds} s)`);
    for (const failure of failures) console.log(`  ${failure}`);
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(`soak: ${passed} of ${runs} runs passed`);
process.exit(passed === runs ? 0 : 1);

/** "file > test name: first line of the error" per failed test, or why the run produced no report. */
interface VitestReport {
  readonly testResults?: {
    name: string;
    status: string;
    message?: string;
    assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[];
  }[];
}

function failuresIn(reportFile: string, stderr: string): string[] {
  let report: VitestReport;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
  } catch {
    return [`no test report; the run ended with: ${stderr.trim().split('\n').slice(-3).join(' | ')}`];
  }
  const failures: string[] = [];
  for (const file of report.testResults ?? []) {
    const name = path.relative(process.cwd(), file.name);
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed')
        failures.push(`${name} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    }
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'))
      failures.push(`${name}: ${firstLine(file.message)}`);
  }
  return failures;
}

function firstLine(text: unknown): string {
  return (typeof text === 'string' ? text : '').split('\n')[0]?.slice(0, 400) ?? '';
}

interface PlaywrightSuite {
  readonly title: string;
  readonly specs: readonly {
    readonly title: string;
    readonly tests: readonly {
      readonly projectName: string;
      readonly results: readonly { readonly status: string; readonly error?: { readonly message?: string } }[];
    }[];
  }[];
  readonly suites?: readonly PlaywrightSuite[];
}

/** "file > [project] test name: first line of the error" per failed Playwright spec. */
function playwrightFailures(stdout: string, stderr: string): string[] {
  let report: { suites: PlaywrightSuite[] };
  try {
    report = JSON.parse(stdout) as { suites: PlaywrightSuite[] };
  } catch {
    return [`no Playwright report; it ended with: ${stderr.trim().split('\n').slice(-3).join(' | ')}`];
  }
  const failures: string[] = [];
  const walk = (suite: PlaywrightSuite, file: string): void => {
    for (const spec of suite.specs) {
      for (const test of spec.tests) {
        const last = test.results.at(-1);
        if (last && last.status !== 'passed' && last.status !== 'skipped')
          failures.push(`${file} > [${test.projectName}] ${spec.title}: ${firstLine(last.error?.message)}`);
      }
    }
    for (const inner of suite.suites ?? []) walk(inner, file);
  };
  for (const suite of report.suites) walk(suite, suite.title);
  return failures;
}
