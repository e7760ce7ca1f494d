/**
 * What messages are validated with (Strict mode, what an unplanned event is, the plan's checker, the privacy guard),
 * derived from the user's settings and plan file. Shared by the background (live capture) and the
 * panel (imported files).
 */
import { VALIDATION_REVISION, type ValidationMode as CoreValidationMode } from '../../core/inspect';
import { planChecker } from '../../core/plan/check/check-plan';
import { openPlan, type PlanLoad } from '../../core/plan/load/load-plan';
import { countRules, type TrackingPlan } from '../../core/plan/tracking-plan';
import { parseAllowList } from '../../core/privacy/allow-rules';
import type { PrivacyGuard } from '../../core/privacy/privacy-guard';
import type { PlanSummary, PrivacySummary, ValidationSummary } from '../protocol';
import type { PlanFile } from './plan-file';
import type { UserSettings } from './user-settings';

/** The core's validation mode (Strict, the plan's checker, the guard), with what the extension says and compares. */
export interface ValidationMode extends CoreValidationMode {
  readonly privacy: PrivacyGuard;
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
  // The lines that do not parse are the options page's to show; validation goes on with the others.
  const privacy: PrivacyGuard = { mode: user.pii, allow: parseAllowList(user.piiAllow.join('\n')).rules };
  const guard: PrivacySummary = { mode: privacy.mode, allow: privacy.allow.map((rule) => rule.text) };
  const key = JSON.stringify([VALIDATION_REVISION, strict, unplanned, planFile?.loadedAt ?? null, guard]);
  const common = { strict, privacy, key };
  if (!planFile)
    return { ...common, summary: { strict, unplanned, privacy: guard, plan: null }, checker: null, plan: null };
  let load = opened.get(planFile);
  if (!load) opened.set(planFile, (load = openPlan(planFile.text, planFile.fileName)));
  if (!load.ok) {
    const planProblem = `${planFile.fileName}: ${load.problems.join('; ')}`;
    const summary = { strict, unplanned, privacy: guard, plan: null, planProblem };
    return { ...common, summary, checker: null, plan: null };
  }
  const { fileName, loadedAt } = planFile;
  const plan: PlanSummary = { name: load.plan.name, fileName, loadedAt, counts: countRules(load.plan) };
  const checker = planChecker(load.plan, { unplanned });
  return { ...common, summary: { strict, unplanned, privacy: guard, plan }, checker, plan: load.plan };
}
