/**
 * Checks one message against a tracking plan, beside the June schema: which rules apply, what they
 * find, and whether the event is in the plan at all. Every problem is marked `source: 'plan'`.
 *
 * - The COMMON rule applies to every message; a track message's rule is the one for its exact event
 *   name (or an alias of it: tracking-plan.ts); identify, group and page messages have one rule each. Screen and alias have none.
 * - A rule over the `message` checks the payload; over `properties` / `traits` it checks that field
 *   (`{}` when absent) and its paths start with /properties or /traits.
 * - A track event the plan lacks is "unplanned": a warning, or an error when options say so, with
 *   the planned name it was probably meant to be (unplanned.ts).
 * - A payload that is not an object gets nothing here: the schema check already says so.
 *
 * A batch entry is checked with what its batch lends it (`context`, `sentAt`…), as against the June
 * schema: each rule sees the inherited fields it can read (rule/fields-read.ts), without a copy for the others.
 */
import { isPlainObject, type BatchInherited } from '../../types';
import { compilePlan, type CompiledRule } from '../rule/compile-plan';
import { withInheritedFor } from '../rule/fields-read';
import { trackRuleName, type TrackingPlan } from '../tracking-plan';
import { explainRuleErrors, type PlanProblem } from './explain-rule-errors';
import { unplannedProblem } from './unplanned';

export type { PlanProblem } from './explain-rule-errors';

export interface PlanCheckInput {
  /** track, identify, page… as the message was recognised; anything else only meets the COMMON rule. */
  readonly type: string;
  readonly payload: unknown;
  /** A batch entry's position, with the fields it inherits where it lacks them. */
  readonly batch?: { readonly inherited: BatchInherited };
}

export interface PlanCheckOptions {
  /** What a track event missing from the plan is. */
  readonly unplanned: 'warn' | 'error';
}

export interface PlanCheck {
  readonly errors: PlanProblem[];
  readonly warnings: PlanProblem[];
}

export function checkPlan(message: PlanCheckInput, plan: TrackingPlan, options: PlanCheckOptions): PlanCheck {
  const errors: PlanProblem[] = [];
  const warnings: PlanProblem[] = [];
  const { type, payload } = message;
  if (!isPlainObject(payload)) return { errors, warnings };
  const compiled = compilePlan(plan);
  const inherited = message.batch?.inherited;
  if (compiled.common) errors.push(...checkRule(compiled.common, payload, inherited));
  if (type === 'track') {
    const event = payload['event'];
    // No event name at all is the schema's error to report, not an unplanned event.
    if (typeof event !== 'string') return { errors, warnings };
    const name = trackRuleName(plan, event);
    const rule = name === undefined ? undefined : compiled.track.get(name);
    if (rule) errors.push(...checkRule(rule, payload, inherited));
    else (options.unplanned === 'error' ? errors : warnings).push(unplannedProblem(event, plan));
  } else if (type === 'identify' || type === 'group' || type === 'page') {
    const rule = compiled[type];
    if (rule) errors.push(...checkRule(rule, payload, inherited));
  }
  return { errors, warnings };
}

function checkRule(
  { label, rule, compiled, reads }: CompiledRule,
  sent: Readonly<Record<string, unknown>>,
  inherited: BatchInherited | undefined,
): PlanProblem[] {
  const payload = withInheritedFor(sent, inherited, reads);
  if (!compiled.ok) {
    return [
      {
        path: '',
        message: `the plan's ${label} cannot be checked: ${compiled.problems.join('; ')}`,
        keyword: 'plan:invalid-rule',
        source: 'plan',
      },
    ];
  }
  const found = compiled.check(rule.target === 'message' ? payload : (payload[rule.target] ?? {}));
  if (found.length === 0) return []; // the usual case: nothing to explain
  if (rule.target === 'message') return explainRuleErrors(found, payload);
  const prefix = `/${rule.target}`;
  return explainRuleErrors(
    found.map((error) => ({ ...error, instancePath: prefix + error.instancePath })),
    payload,
  );
}

/** The plan as the core's validation seam takes it (InspectOptions.plan). */
export function planChecker(plan: TrackingPlan, options: PlanCheckOptions): (message: PlanCheckInput) => PlanCheck {
  return (message) => checkPlan(message, plan, options);
}
