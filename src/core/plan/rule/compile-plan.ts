/**
 * Every rule of a plan compiled once, with the label messages name it by and the fields it reads of a
 * batch entry. A rule the compiler refuses stays in, marked so: the checker says it cannot check it,
 * and the loader's openPlan refuses the whole plan with `problems`.
 */
import { quote } from '../strings';
import type { PlanRule, TrackingPlan } from '../tracking-plan';
import { compileRule, type RuleCompile } from './compile-rule';
import { fieldsReadBy, type FieldsRead } from './fields-read';

export interface CompiledRule {
  /** How messages name the rule: `rule TRACK "Order Completed"`, `rule IDENTIFY`. */
  readonly label: string;
  readonly rule: PlanRule;
  readonly compiled: RuleCompile;
  readonly reads: FieldsRead;
}

export interface CompiledPlan {
  readonly common: CompiledRule | undefined;
  readonly track: ReadonlyMap<string, CompiledRule>;
  readonly identify: CompiledRule | undefined;
  readonly group: CompiledRule | undefined;
  readonly page: CompiledRule | undefined;
  /**
   * One line per rule the validator refuses (`rule TRACK "X": …`): the loader's openPlan refuses the plan
   * with them, so the options page and the CLI show them up front.
   */
  readonly problems: readonly string[];
}

const compiledPlans = new WeakMap<TrackingPlan, CompiledPlan>();

/** Every rule compiled once per plan object (a new plan object, as a reload makes, compiles again). */
export function compilePlan(plan: TrackingPlan): CompiledPlan {
  let compiled = compiledPlans.get(plan);
  if (!compiled) compiledPlans.set(plan, (compiled = compileAll(plan)));
  return compiled;
}

function compileAll(plan: TrackingPlan): CompiledPlan {
  const problems: string[] = [];
  const compile = (label: string, rule: PlanRule | null): CompiledRule | undefined => {
    if (!rule) return undefined;
    const compiled = compileRule(rule);
    if (!compiled.ok) problems.push(...compiled.problems.map((problem) => `${label}: ${problem}`));
    return { label, rule, compiled, reads: fieldsReadBy(rule) };
  };
  const track = new Map<string, CompiledRule>();
  for (const [event, rule] of plan.track) {
    const compiled = compile(`rule TRACK ${quote(event)}`, rule);
    if (compiled) track.set(event, compiled);
  }
  return {
    common: compile('rule COMMON', plan.common),
    track,
    identify: compile('rule IDENTIFY', plan.identify),
    group: compile('rule GROUP', plan.group),
    page: compile('rule PAGE', plan.page),
    problems,
  };
}
