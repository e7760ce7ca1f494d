/**
 * A coverage report in words: its headline, its table's rows, and the GitHub table that `track-inspector coverage
 * --markdown` prints and the panel's Coverage view copies. One module, so the two cannot drift apart.
 */
import { markdownCell, markdownTable, type Row } from '../text/markdown-table';
import { checklistOrder, type CoverageReport, type RuleCoverage } from './coverage-report';

export const COVERAGE_HEADERS: Row = ['state', 'type', 'event', 'seen', 'invalid', 'most common problem'];
/** The columns of COVERAGE_HEADERS that hold numbers (aligned right). */
export const COVERAGE_NUMERIC = [3, 4];

export function coverageMarkdown(report: CoverageReport): string {
  const headers = [...COVERAGE_HEADERS, 'planned, never sent', 'required, missing'];
  const rows = checklistOrder(report.rules).map((rule) => [
    ...coverageRow(rule),
    rule.properties.neverSeen.join(', '),
    rule.properties.requiredMissing.join(', '),
  ]);
  const lines = [`**${markdownCell(coverageHeadline(report))}**`, '', markdownTable(headers, rows, COVERAGE_NUMERIC)];
  if (report.unplanned.length)
    lines.push(
      '**Unplanned events** (not in the plan)',
      '',
      markdownTable(['type', 'event', 'seen'], report.unplanned.map(unplannedRow), [2]),
    );
  return lines.join('\n');
}

/** `Coverage of "Acme": 3 of 4 rules seen (75%), 12 messages`: the percentage rounded down, never up to 100%. */
export function coverageHeadline(report: CoverageReport): string {
  return (
    `Coverage of ${JSON.stringify(report.plan)}: ${report.rulesSeen} of ${countOf(report.rulesPlanned, 'rule')} ` +
    `seen (${coveragePercent(report)}%), ${countOf(report.messages, 'message')}`
  );
}

/** Coverage as a percentage to one decimal, rounded down: 2 of 3 rules is 66.6%. */
export function coveragePercent(report: CoverageReport): number {
  return Math.floor(report.coverage * 1000) / 10;
}

export function coverageRow(rule: RuleCoverage): Row {
  return [rule.state, rule.type, rule.name ?? '', String(rule.seen), String(rule.invalid), rule.topProblem ?? ''];
}

export function unplannedRow(event: CoverageReport['unplanned'][number]): Row {
  return [event.type, event.name, String(event.seen)];
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
