/**
 * What messages are validated with (Strict mode, what an unplanned event is, the plan's checker),
 * derived from the user's settings and plan file. Shared by the background (live capture) and the
 * panel (imported files).
 */
import { VALIDATION_REVISION, type ValidationMode as CoreValidationMode } from '../../core/inspect';
import { planChecker } from '../../core/plan/check/check-plan';
import { openPlan, type PlanLoad } from '../../core/plan/load/load-plan';
import { countRules, type TrackingPlan } from '../../core/plan/tracking-plan';
import type { PlanSummary, ValidationSummary } from '../protocol';
import type { PlanFile } from './plan-file';
import type { UserSettings } from './user-settings';

/** The core's validation mode (Strict, the plan's checker), with what the extension says and compares of it. */
export interface ValidationMode extends CoreValidationMode {
  /** The mode as a panel is told of it, with every snapshot. */
  readonly summary: ValidationSummary;
  /**
   * Equal keys validate alike: what a timeline was validated with, compared with what it should be. It holds the
   * core's VALIDATION_REVISION, so that timelines stored before an update that validates otherwise are validated again.
   */
  readonly key: string;
  /** The plan opened, null without a usable one: the panel's Coverage view tallies the session against it. */
  readonly plan: TrackingPlan | null;
}

/** Each plan file is opened (parsed, its rules compiled) once, however often the other settings change. */
const opened = new WeakMap<PlanFile, PlanLoad>();

export function validationModeOf(user: UserSettings, planFile: PlanFile | null): ValidationMode {
  const { strict, unplanned } = user;
  const key = JSON.stringify([VALIDATION_REVISION, strict, unplanned, planFile?.loadedAt ?? null]);
  if (!planFile) return { strict, summary: { strict, unplanned, plan: null }, checker: null, key, plan: null };
  let load = opened.get(planFile);
  if (!load) opened.set(planFile, (load = openPlan(planFile.text, planFile.fileName)));
  if (!load.ok) {
    const planProblem = `${planFile.fileName}: ${load.problems.join('; ')}`;
    return { strict, summary: { strict, unplanned, plan: null, planProblem }, checker: null, key, plan: null };
  }
  const { fileName, loadedAt } = planFile;
  const plan: PlanSummary = { name: load.plan.name, fileName, loadedAt, counts: countRules(load.plan) };
  const checker = planChecker(load.plan, { unplanned });
  return { strict, summary: { strict, unplanned, plan }, checker, key, plan: load.plan };
}
