/**
 * A plan file made ready to check messages: loaded, and every rule compiled by the plan validator.
 * What the options page accepts and the CLI's `--plan` takes, so a plan refused by one is refused
 * by the other with the same lines.
 */
import { compilePlan } from './check/check-plan';
import { loadPlan } from './load/load-plan';
import type { PlanLoad } from './tracking-plan';

export function openPlan(text: string, fileName?: string): PlanLoad {
  const loaded = loadPlan(text, fileName);
  if (!loaded.ok) return loaded;
  const problems = compilePlan(loaded.plan).problems;
  return problems.length ? { ok: false, problems } : loaded;
}
