/**
 * The tracking plan the user loaded in the options page. Kept in storage.local as the file's text,
 * apart from the settings: a plan can be megabytes, and every settings change would carry it.
 */
export const PLAN_KEY = 'plan';

export interface StoredPlan {
  readonly fileName: string;
  readonly text: string;
  /** When it was loaded (Date.now()): tells one loading of a plan from the next. */
  readonly loadedAt: number;
}

/** Whatever storage holds under PLAN_KEY (possibly nothing, possibly garbage) -> a plan, or none. */
export function normaliseStoredPlan(raw: unknown): StoredPlan | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { fileName, text, loadedAt } = raw as Record<string, unknown>;
  if (typeof text !== 'string' || typeof fileName !== 'string' || typeof loadedAt !== 'number') return null;
  return { fileName, text, loadedAt };
}
