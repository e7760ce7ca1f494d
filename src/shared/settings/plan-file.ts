/**
 * The tracking plan file the user loaded in the options page, as stored: kept in storage.local as
 * the file's text, apart from the user's settings (a plan can be megabytes, and every settings
 * change would carry it). Opening it gives a TrackingPlan (core/plan), checked by a PlanChecker.
 */
export const PLAN_KEY = 'plan';

export interface PlanFile {
  readonly fileName: string;
  readonly text: string;
  /** When it was loaded (Date.now()): tells one loading of a plan from the next. */
  readonly loadedAt: number;
}

/** Whatever storage holds under PLAN_KEY (possibly nothing, possibly garbage) -> a plan file, or none. */
export function normalisePlanFile(raw: unknown): PlanFile | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { fileName, text, loadedAt } = raw as Record<string, unknown>;
  if (typeof text !== 'string' || typeof fileName !== 'string' || typeof loadedAt !== 'number') return null;
  return { fileName, text, loadedAt };
}
