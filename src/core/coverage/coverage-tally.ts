/**
 * Coverage of a tracking plan, accumulated a message at a time: which rules the messages met, and how well. Any host
 * feeds it: the CLI as it streams files, the panel as its session grows, the Playwright fixture per test (a label per
 * message: the test's title). It can be read at any time (`report`), and merged with what another tally counted
 * (`snapshot` is JSON, so it can cross a process: a Playwright worker's to the reporter's).
 *
 * Messages are judged by their validation as given, so a host validates them as it means to (strict or not, the plan
 * checker with its unplanned option): the validation a record carries is what the report counts.
 * Which rule a message meets is decided as the plan checker decides it (plan/check/check-plan.ts): a track message by
 * its event name (or an alias, tracking-plan.ts), identify, group and page messages by their type. Screen and alias
 * messages have no rule; the COMMON rule is not a rule to cover (it judges every message).
 */
import { trackRuleName, type PlanRule, type TrackingPlan } from '../plan/tracking-plan';
import { isPlainObject, type Validation } from '../types';
import { coverageReport, type CoverageReport } from './coverage-report';
import type { RuleType } from './planned-fields';
import {
  createRuleTally,
  mergeRuleTally,
  ruleSnapshot,
  tallyMessage,
  type RuleTally,
  type RuleTallySnapshot,
} from './rule-tally';
import { countInto, mergeCounts, type TopCounts } from './top-counts';

/** Distinct unplanned event names counted; past it the most sent are still found (top-counts.ts). */
export const UNPLANNED_NAMES_KEPT = 10_000;

/** What coverage reads of a message: a MessageRecord is one. */
export interface CoverageInput {
  readonly type: string;
  readonly payload: unknown;
  readonly validation: Validation;
  /** A body that could not be decoded has no message to meet a rule. */
  readonly undecodable?: unknown;
}

/** A tally as JSON: `JSON.parse(JSON.stringify(snapshot))` merges the same. */
export interface CoverageSnapshot {
  readonly plan: string;
  readonly messages: number;
  readonly rules: readonly RuleTallySnapshot[];
  readonly unplanned: readonly (readonly [string, number])[];
}

export interface Coverage {
  /** Counts one message; `label` (a test's title, say) is recorded on the rule it meets. */
  add(message: CoverageInput, label?: string): void;
  /**
   * Adds what another tally of the same plan counted. Throws when the snapshot has a rule this plan lacks: coverage
   * of another plan cannot be summed.
   */
  merge(other: CoverageSnapshot): void;
  snapshot(): CoverageSnapshot;
  report(): CoverageReport;
}

export function createCoverage(plan: TrackingPlan): Coverage {
  const tallies: RuleTally[] = [];
  const track = new Map<string, RuleTally>();
  const bySlot = new Map<RuleType, RuleTally>();
  for (const [name, rule] of plan.track) {
    const tally = createRuleTally('track', name, rule);
    tallies.push(tally);
    track.set(name, tally);
  }
  const slots: readonly [RuleType, PlanRule | null][] = [
    ['identify', plan.identify],
    ['group', plan.group],
    ['page', plan.page],
  ];
  for (const [type, rule] of slots) {
    if (!rule) continue;
    const tally = createRuleTally(type, null, rule);
    tallies.push(tally);
    bySlot.set(type, tally);
  }
  const unplanned: TopCounts = new Map();
  let messages = 0;

  const tallyOf = (type: RuleType, name: string | null) =>
    type === 'track' ? (name === null ? undefined : track.get(name)) : bySlot.get(type);

  return {
    add(message, label) {
      messages++;
      const { type, payload } = message;
      if (message.undecodable || !isPlainObject(payload)) return;
      if (type === 'track') {
        const event = payload['event'];
        // No event name is the schema's error: the message meets no rule, and is no unplanned event either.
        if (typeof event !== 'string') return;
        const name = trackRuleName(plan, event);
        const tally = name === undefined ? undefined : track.get(name);
        if (tally) tallyMessage(tally, payload, message.validation, label);
        else countInto(unplanned, event, UNPLANNED_NAMES_KEPT);
      } else if (type === 'identify' || type === 'group' || type === 'page') {
        const tally = bySlot.get(type);
        if (tally) tallyMessage(tally, payload, message.validation, label);
      }
    },
    merge(other) {
      for (const rule of other.rules) {
        const tally = tallyOf(rule.type, rule.name);
        if (!tally)
          throw new Error(
            `cannot merge coverage of another plan: ${JSON.stringify(plan.name)} has no ${describe(rule)}`,
          );
        mergeRuleTally(tally, rule);
      }
      mergeCounts(unplanned, other.unplanned, UNPLANNED_NAMES_KEPT);
      messages += other.messages;
    },
    snapshot: () => ({ plan: plan.name, messages, rules: tallies.map(ruleSnapshot), unplanned: [...unplanned] }),
    report: () => coverageReport(plan.name, tallies, unplanned, messages),
  };
}

function describe(rule: Pick<RuleTallySnapshot, 'type' | 'name'>): string {
  return rule.name === null ? `${rule.type.toUpperCase()} rule` : `TRACK rule ${JSON.stringify(rule.name)}`;
}
