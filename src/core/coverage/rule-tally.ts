/**
 * One plan rule's counts in a coverage tally: how many messages met it, how many were invalid, their problems by
 * text, which planned fields were sent and which required ones were missing, and the labels (test titles) of the
 * messages. Memory is bounded by the plan and the labels, never by the number of messages.
 */
import type { PlanRule } from '../plan/tracking-plan';
import { isPlainObject, type Validation } from '../types';
import { plannedFields, type PlannedFields, type RuleType } from './planned-fields';
import { countInto, mergeCounts, type TopCounts } from './top-counts';

/** Distinct problem texts counted per rule; past it the most common is still found (top-counts.ts). */
export const PROBLEM_TEXTS_KEPT = 100;

export interface RuleTally {
  readonly type: RuleType;
  /** The event name of a track rule; null for the identify, group and page rules. */
  readonly name: string | null;
  readonly fields: PlannedFields;
  seen: number;
  invalid: number;
  /** Error messages by text: "the most common problem" is the most common text, not the first met. */
  readonly problems: TopCounts;
  readonly fieldsSeen: Set<string>;
  readonly requiredMissing: Set<string>;
  readonly labels: Set<string>;
}

/** A rule tally as JSON carries it (CoverageSnapshot): to merge what another process counted. */
export interface RuleTallySnapshot {
  readonly type: RuleType;
  readonly name: string | null;
  readonly seen: number;
  readonly invalid: number;
  readonly problems: readonly (readonly [string, number])[];
  readonly fieldsSeen: readonly string[];
  readonly requiredMissing: readonly string[];
  readonly labels: readonly string[];
}

export function createRuleTally(type: RuleType, name: string | null, rule: PlanRule): RuleTally {
  const fields = plannedFields(type, rule);
  return {
    type,
    name,
    fields,
    seen: 0,
    invalid: 0,
    problems: new Map(),
    fieldsSeen: new Set(),
    requiredMissing: new Set(),
    labels: new Set(),
  };
}

export function tallyMessage(
  tally: RuleTally,
  payload: Readonly<Record<string, unknown>>,
  validation: Validation,
  label: string | undefined,
): void {
  tally.seen++;
  if (!validation.valid) {
    tally.invalid++;
    for (const error of validation.errors) countInto(tally.problems, error.message, PROBLEM_TEXTS_KEPT);
  }
  if (label !== undefined) tally.labels.add(label);
  const { field, planned, required } = tally.fields;
  const sent = payload[field];
  const object = isPlainObject(sent) ? sent : undefined;
  // Once every planned field was seen there is nothing left to look for: the usual case after a few messages.
  if (object && tally.fieldsSeen.size < planned.length)
    for (const name of planned) if (object[name] !== undefined) tally.fieldsSeen.add(name);
  for (const name of required) if (object?.[name] === undefined) tally.requiredMissing.add(name);
}

export function ruleSnapshot(tally: RuleTally): RuleTallySnapshot {
  return {
    type: tally.type,
    name: tally.name,
    seen: tally.seen,
    invalid: tally.invalid,
    problems: [...tally.problems],
    fieldsSeen: [...tally.fieldsSeen],
    requiredMissing: [...tally.requiredMissing],
    labels: [...tally.labels],
  };
}

export function mergeRuleTally(tally: RuleTally, from: RuleTallySnapshot): void {
  tally.seen += from.seen;
  tally.invalid += from.invalid;
  mergeCounts(tally.problems, from.problems, PROBLEM_TEXTS_KEPT);
  for (const name of from.fieldsSeen) tally.fieldsSeen.add(name);
  for (const name of from.requiredMissing) tally.requiredMissing.add(name);
  for (const label of from.labels) tally.labels.add(label);
}
