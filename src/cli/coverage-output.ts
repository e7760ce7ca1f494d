/** The coverage report as the CLI prints it: a table for a terminal, a GitHub table, or the JSON issue 18 fixes. */
import { checklistOrder, type CoverageReport, type RuleCoverage } from '../core/coverage/coverage-report';
import { countOf } from './cli-io';
import { markdownCell, markdownTable, textTable, type Row } from './report-table';
import { printable } from './terminal-text';

const HEADERS: Row = ['state', 'type', 'event', 'seen', 'invalid', 'most common problem'];
const NUMERIC = [3, 4];

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
  const lines = [headline(report), '', textTable(HEADERS, checklistOrder(report.rules).map(row), NUMERIC)];
  const fields = fieldLines(report.rules, (name) => printable(name));
  if (fields.length) lines.push(...fields, '');
  if (report.unplanned.length) {
    lines.push('Unplanned events (not in the plan):');
    lines.push(textTable(['type', 'event', 'seen'], report.unplanned.map(unplannedRow), [2]).replace(/^(?=.)/gm, '  '));
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

export function coverageMarkdown(report: CoverageReport): string {
  const headers = [...HEADERS, 'planned, never sent', 'required, missing'];
  const rows = checklistOrder(report.rules).map((rule) => [
    ...row(rule),
    rule.properties.neverSeen.join(', '),
    rule.properties.requiredMissing.join(', '),
  ]);
  const lines = [`**${markdownCell(headline(report))}**`, '', markdownTable(headers, rows, NUMERIC)];
  if (report.unplanned.length)
    lines.push(
      '**Unplanned events** (not in the plan)',
      '',
      markdownTable(['type', 'event', 'seen'], report.unplanned.map(unplannedRow), [2]),
    );
  return lines.join('\n');
}

/** `Coverage of "Acme": 3 of 4 rules seen (75%), 12 messages`. */
function headline(report: CoverageReport): string {
  const percent = Math.floor(report.coverage * 1000) / 10;
  return (
    `Coverage of ${JSON.stringify(report.plan)}: ${report.rulesSeen} of ${countOf(report.rulesPlanned, 'rule')} ` +
    `seen (${percent}%), ${countOf(report.messages, 'message')}`
  );
}

function row(rule: RuleCoverage): Row {
  return [rule.state, rule.type, rule.name ?? '', String(rule.seen), String(rule.invalid), rule.topProblem ?? ''];
}

function unplannedRow(event: CoverageReport['unplanned'][number]): Row {
  return [event.type, event.name, String(event.seen)];
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
