/**
 * A plan file made ready to check messages: loaded, and every rule compiled by the plan validator.
 * What the options page accepts and the CLI's `--plan` takes, so a plan refused by one is refused
 * by the other with the same lines.
 */
import { compilePlan } from './check';
import { loadPlan } from './load';
import type { PlanLoad } from './plan';

export function openPlan(text: string, fileName?: string): PlanLoad {
  const loaded = loadPlan(text, fileName);
  if (!loaded.ok) return loaded;
  const problems = compilePlan(loaded.plan).problems;
  return problems.length ? { ok: false, problems } : loaded;
}
