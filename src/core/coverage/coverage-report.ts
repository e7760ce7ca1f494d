/**
 * What a coverage tally says about a plan: per rule its state, counts and most common problem, the planned fields
 * never sent and the required ones missing, then the unplanned events, and the share of rules seen. The CLI prints it
 * (text, Markdown, JSON), the panel shows it, the Playwright reporter writes it.
 */
import type { RuleType } from './planned-fields';
import type { RuleTally } from './rule-tally';
import { byCount, mostCommon, type TopCounts } from './top-counts';

/**
 * - `never-seen`: no message met the rule;
 * - `always-valid`: every message that met it was valid (against the schema and the plan);
 * - `sometimes-valid`: some were, some were not;
 * - `never-valid`: every one was invalid.
 */
export type CoverageState = 'never-seen' | 'always-valid' | 'sometimes-valid' | 'never-valid';

export interface RuleCoverage {
  readonly type: RuleType;
  /** A track rule's event name; null for the identify, group and page rules. */
  readonly name: string | null;
  readonly state: CoverageState;
  readonly seen: number;
  readonly invalid: number;
  /** The error message most often met among the rule's invalid messages; null when none was invalid. */
  readonly topProblem: string | null;
  /** Of `properties` (traits for identify and group), top level, in the plan's order. */
  readonly properties: { readonly neverSeen: readonly string[]; readonly requiredMissing: readonly string[] };
  /** The labels (test titles) of the messages that met the rule, sorted; empty when none was labelled. */
  readonly labels: readonly string[];
}

export interface UnplannedEvent {
  readonly type: 'track';
  readonly name: string;
  readonly seen: number;
}

export interface CoverageReport {
  /** The plan's name. */
  readonly plan: string;
  /** Planned rules seen / planned rules, from 0 to 1; 1 for a plan with no rule to cover (only a COMMON rule). */
  readonly coverage: number;
  /** How many rules were seen, of how many: `coverage` without the rounding of a ratio (the CLI's --min). */
  readonly rulesSeen: number;
  readonly rulesPlanned: number;
  /** How many messages were added: every one, planned or not, readable or not. */
  readonly messages: number;
  /** In the plan's order: track rules as the file has them, then identify, group and page. */
  readonly rules: readonly RuleCoverage[];
  /** Track events the plan does not have, most sent first. */
  readonly unplanned: readonly UnplannedEvent[];
}

export function coverageReport(
  plan: string,
  tallies: readonly RuleTally[],
  unplanned: TopCounts,
  messages: number,
): CoverageReport {
  const rules = tallies.map(ruleCoverage);
  const rulesSeen = rules.filter((rule) => rule.seen > 0).length;
  return {
    plan,
    coverage: rules.length === 0 ? 1 : rulesSeen / rules.length,
    rulesSeen,
    rulesPlanned: rules.length,
    messages,
    rules,
    unplanned: byCount(unplanned).map(([name, seen]) => ({ type: 'track', name, seen })),
  };
}

function ruleCoverage(tally: RuleTally): RuleCoverage {
  const { type, name, seen, invalid, fields } = tally;
  return {
    type,
    name,
    state: stateOf(seen, invalid),
    seen,
    invalid,
    topProblem: mostCommon(tally.problems),
    properties: {
      neverSeen: fields.planned.filter((field) => !tally.fieldsSeen.has(field)),
      requiredMissing: fields.required.filter((field) => tally.requiredMissing.has(field)),
    },
    labels: [...tally.labels].sort(),
  };
}

export function stateOf(seen: number, invalid: number): CoverageState {
  if (seen === 0) return 'never-seen';
  if (invalid === 0) return 'always-valid';
  return invalid === seen ? 'never-valid' : 'sometimes-valid';
}

const CHECKLIST_ORDER: readonly CoverageState[] = ['never-seen', 'never-valid', 'sometimes-valid', 'always-valid'];

/**
 * The rules as a QA checklist reads them: never seen first, then never valid, sometimes valid, always valid; the
 * plan's order within each. What the CLI's table and the panel's Coverage view show.
 */
export function checklistOrder(rules: readonly RuleCoverage[]): RuleCoverage[] {
  return CHECKLIST_ORDER.flatMap((state) => rules.filter((rule) => rule.state === state));
}
