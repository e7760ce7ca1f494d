/** The coverage report as the CLI prints it: a table for a terminal, or the JSON issue 18 fixes (its GitHub table is
 * core/coverage/coverage-markdown.ts, the panel copies it too). */
import {
  COVERAGE_HEADERS,
  COVERAGE_NUMERIC,
  coverageHeadline,
  coverageRow,
  unplannedRow,
} from '../core/coverage/coverage-markdown';
import { checklistOrder, type CoverageReport, type RuleCoverage } from '../core/coverage/coverage-report';
import { printable } from '../core/text/printable';
import { textTable } from './report-table';

/** Exactly `{"plan","coverage","rules":[…],"unplanned":[…]}`: labels are the Playwright reporter's to add. */
export function coverageJson(report: CoverageReport): string {
  const rules = report.rules.map(({ type, name, state, seen, invalid, topProblem, properties }) => ({
    type,
    name,
    state,
    seen,
    invalid,
    topProblem,
    properties: { neverSeen: properties.neverSeen, requiredMissing: properties.requiredMissing },
  }));
  const unplanned = report.unplanned.map(({ type, name, seen }) => ({ type, name, seen }));
  return JSON.stringify({ plan: report.plan, coverage: report.coverage, rules, unplanned }) + '\n';
}

export function coverageText(report: CoverageReport): string {
  const rows = checklistOrder(report.rules).map(coverageRow);
  const lines = [coverageHeadline(report), '', textTable(COVERAGE_HEADERS, rows, COVERAGE_NUMERIC)];
  const fields = fieldLines(report.rules, (name) => printable(name));
  if (fields.length) lines.push(...fields, '');
  if (report.unplanned.length) {
    lines.push('Unplanned events (not in the plan):');
    lines.push(textTable(['type', 'event', 'seen'], report.unplanned.map(unplannedRow), [2]).replace(/^(?=.)/gm, '  '));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** Below the table: the planned properties never sent, and the required ones missing, per rule that has any. */
function fieldLines(rules: readonly RuleCoverage[], show: (text: string) => string): string[] {
  const named = (rule: RuleCoverage) => (rule.name === null ? rule.type : JSON.stringify(rule.name));
  const list = (title: string, pick: (rule: RuleCoverage) => readonly string[]) => {
    const entries = rules.filter((rule) => pick(rule).length > 0);
    return entries.length ? [title, ...entries.map((rule) => show(`  ${named(rule)}: ${pick(rule).join(', ')}`))] : [];
  };
  return [
    ...list('Planned properties never sent:', (rule) => rule.properties.neverSeen),
    ...list('Required properties missing at least once:', (rule) => rule.properties.requiredMissing),
  ];
}
