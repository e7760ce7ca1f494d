/** `track-inspector coverage`: what a capture (NDJSON and HAR files, streamed) covered of a tracking plan. */
import { createCoverage } from '../core/coverage/coverage-tally';
import { planChecker } from '../core/plan/check/check-plan';
import type { CoverageArgs } from './args';
import { checkReadable, write, type Io } from './cli-io';
import { coverageJson, coverageText } from './coverage-output';
import { coverageMarkdown, coveragePercent } from '../core/coverage/coverage-markdown';
import { favourMemoryOverSpeed } from './favour-memory';
import { inputRecords } from './input-records';
import { forEachInput } from './read-input';
import { skipped } from './skipped';
import { openPlanFile } from './validate-command';

export async function runCoverage(args: CoverageArgs, io: Io): Promise<number> {
  favourMemoryOverSpeed();
  await checkReadable([args.plan, ...args.files]);
  const plan = await openPlanFile(args.plan, io);
  if (plan === 'refused') return 2;
  const checker = planChecker(plan, { unplanned: args.unplanned });
  const coverage = createCoverage(plan);
  const recordsOf = inputRecords({ strict: args.strict, checker, hosts: args.hosts });
  const showFile = args.files.length > 1;
  await forEachInput(args.files, io, (unit, file) => {
    const item = recordsOf(unit, file);
    if (item?.kind === 'problem') skipped(io, item, showFile ? file : null);
    else if (item) for (const record of item.records) coverage.add(record);
  });
  const report = coverage.report();
  if (report.messages === 0) io.stderr.write('track-inspector: no tracking messages found\n');
  const out = { json: coverageJson, markdown: coverageMarkdown, text: coverageText }[args.format](report);
  await write(io.stdout, out);
  // Compared in whole numbers: 3 of 4 rules is 75%, not 74.99999.
  if (args.min !== undefined && report.rulesSeen * 100 < args.min * report.rulesPlanned) {
    io.stderr.write(`track-inspector: coverage ${coveragePercent(report)}% is below --min ${args.min}%\n`);
    return 1;
  }
  return 0;
}
