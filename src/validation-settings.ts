/**
 * The settings that change verdicts (Strict mode, the tracking plan, what an unplanned event is),
 * in the form they travel in: with every timeline snapshot, so a panel always knows what its rows
 * were validated with. Shared by the background (live capture) and the panel (imported files).
 */
import type { PlanChecker } from './core/inspect';
import { planChecker } from './core/plan/check/check-plan';
import { openPlan, type PlanLoad } from './core/plan/load/load-plan';
import { countRules, type PlanCounts } from './core/plan/tracking-plan';
import type { Settings } from './settings';
import type { StoredPlan } from './stored-plan';

export interface PlanSummary {
  readonly name: string;
  readonly fileName: string;
  readonly loadedAt: number;
  readonly counts: PlanCounts;
}

export interface ValidationSettings {
  readonly strict: boolean;
  readonly unplanned: Settings['unplanned'];
  readonly plan: PlanSummary | null;
  /** The stored plan could not be opened (the options page refuses such a file; storage may hold anything): why. */
  readonly planProblem?: string;
}

export interface ValidationMode {
  readonly settings: ValidationSettings;
  /** Checks a message against the plan; null without one. */
  readonly plan: PlanChecker | null;
  /** Equal keys validate alike: what a timeline was validated with, compared with what it should be. */
  readonly key: string;
}

/** Each stored plan is opened (parsed, its rules compiled) once, however often the other settings change. */
const opened = new WeakMap<StoredPlan, PlanLoad>();

export function validationModeOf(settings: Settings, stored: StoredPlan | null): ValidationMode {
  const { strict, unplanned } = settings;
  const key = JSON.stringify([strict, unplanned, stored?.loadedAt ?? null]);
  if (!stored) return { settings: { strict, unplanned, plan: null }, plan: null, key };
  let load = opened.get(stored);
  if (!load) opened.set(stored, (load = openPlan(stored.text, stored.fileName)));
  if (!load.ok)
    return {
      settings: { strict, unplanned, plan: null, planProblem: `${stored.fileName}: ${load.problems.join('; ')}` },
      plan: null,
      key,
    };
  const plan: PlanSummary = {
    name: load.plan.name,
    fileName: stored.fileName,
    loadedAt: stored.loadedAt,
    counts: countRules(load.plan),
  };
  return { settings: { strict, unplanned, plan }, plan: planChecker(load.plan, { unplanned }), key };
}
