/**
 * `track-inspector/playwright/reporter`: one coverage report of the tracking plan for the whole run, from every
 * test's capture (each test using the fixture with a `plan` attaches its own coverage). Prints a summary line, writes
 * the report as `track-inspector coverage --json` does to `outputFile`, each rule with the titles of the tests that
 * sent it, and fails the run when coverage is below `min` (a percentage).
 *
 *   reporter: [['list'], ['track-inspector/playwright/reporter', { outputFile: 'tracking-coverage.json', min: 80 }]]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { createCoverage, type Coverage } from '../core/coverage/coverage-tally';
import type { CoverageReport } from '../core/coverage/coverage-report';
import { openPlan } from '../core/plan/load/load-plan';
import { coverageJson } from '../cli/coverage-output';
import { COVERAGE_ATTACHMENT, type CoverageAttachment } from './coverage-attachment';

export interface CoverageReporterOptions {
  /** Where to write the report (JSON), relative to the working directory. */
  readonly outputFile?: string;
  /** The run fails when fewer than this percentage of the plan's rules were seen. */
  readonly min?: number;
}

export default class TrackInspectorCoverageReporter implements Reporter {
  private readonly attachments: CoverageAttachment[] = [];

  constructor(private readonly options: CoverageReporterOptions = {}) {}

  printsToStdio(): boolean {
    return false; // beside the user's own reporter, which prints the tests
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) {
      if (attachment.name === COVERAGE_ATTACHMENT && attachment.body)
        this.attachments.push(JSON.parse(attachment.body.toString('utf8')) as CoverageAttachment);
    }
  }

  async onEnd(result: FullResult): Promise<{ status?: FullResult['status'] } | undefined> {
    if (this.attachments.length === 0) {
      console.log(
        'track-inspector: no test captured with a tracking plan (trackInspector.plan): no coverage to report',
      );
      return undefined;
    }
    const report = (await this.merged()).report();
    console.log(summaryLine(report, this.options.min));
    if (this.options.outputFile) {
      const file = path.resolve(this.options.outputFile);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, withTests(report));
    }
    const below = this.options.min !== undefined && report.coverage * 100 < this.options.min;
    return below && result.status === 'passed' ? { status: 'failed' } : undefined;
  }

  /** Every test's coverage summed, over the plan the first names (another plan's cannot be summed: merge throws). */
  private async merged(): Promise<Coverage> {
    const [first] = this.attachments;
    const opened = openPlan(await readFile(first!.planFile, 'utf8'), path.basename(first!.planFile));
    if (!opened.ok) throw new Error(`track-inspector: ${first!.planFile}: ${opened.problems.join('; ')}`);
    const coverage = createCoverage(opened.plan);
    for (const { snapshot } of this.attachments) coverage.merge(snapshot);
    return coverage;
  }
}

function summaryLine(report: CoverageReport, min: number | undefined): string {
  const percent = Math.round(report.coverage * 1000) / 10;
  const never = report.rules.filter((rule) => rule.state === 'never-seen').map((rule) => rule.name ?? rule.type);
  const goal = min === undefined ? '' : percent < min ? ` — below the minimum of ${min}%` : ` (minimum ${min}%)`;
  const missing = never.length ? `; never seen: ${never.join(', ')}` : '';
  return `track-inspector coverage of ${JSON.stringify(report.plan)}: ${report.rulesSeen} of ${report.rulesPlanned} rules (${percent}%)${goal}${missing}`;
}

/** The CLI's JSON, each rule with `tests`: the titles of the tests that sent it. */
function withTests(report: CoverageReport): string {
  const json = JSON.parse(coverageJson(report)) as { rules: Record<string, unknown>[] };
  json.rules.forEach((rule, i) => (rule['tests'] = report.rules[i]?.labels ?? []));
  return JSON.stringify(json, null, 2) + '\n';
}
