/**
 * A track event the plan lacks is "unplanned": a warning, or an error when the user says so, with the
 * planned name it was probably meant to be (closest-name.ts). The panel counts and filters such
 * messages by the finding's keyword.
 */
import type { Validation } from '../../types';
import { quote } from '../strings';
import type { TrackingPlan } from '../tracking-plan';
import { closestName } from './closest-name';
import type { PlanProblem } from './explain-rule-errors';

/** The keyword of the finding "this track event is not in the plan" (a warning, or an error when the user says so). */
export const UNPLANNED_KEYWORD = 'plan:unplanned';

/** Suggestions remembered per plan; a capture full of distinct unplanned names stops at this many. */
const MAX_REMEMBERED_SUGGESTIONS = 1000;

const suggestions = new WeakMap<TrackingPlan, Map<string, string | undefined>>();

/** Whether a validation says its track event is not in the plan. */
export function isUnplanned(validation: Validation): boolean {
  return (
    validation.errors.some((p) => p.keyword === UNPLANNED_KEYWORD) ||
    validation.warnings.some((p) => p.keyword === UNPLANNED_KEYWORD)
  );
}

export function unplannedProblem(event: string, plan: TrackingPlan): PlanProblem {
  let remembered = suggestions.get(plan);
  if (!remembered) suggestions.set(plan, (remembered = new Map<string, string | undefined>()));
  if (!remembered.has(event)) {
    if (remembered.size >= MAX_REMEMBERED_SUGGESTIONS) remembered.clear();
    remembered.set(event, closestName(event, plan.track.keys()));
  }
  const suggestion = remembered.get(event);
  const didYouMean = suggestion === undefined ? '' : `; did you mean ${quote(suggestion)}?`;
  return {
    path: '/event',
    message: `${quote(event)} is not in the tracking plan ${quote(plan.name)}${didYouMean}`,
    keyword: UNPLANNED_KEYWORD,
    source: 'plan',
  };
}
