/**
 * Per event name: how many, how many invalid, with warnings, with personal data, unplanned, breaking the tracking plan,
 * and the most common error. The pre-release check.
 */
import { recordName } from '../../core/label';
import { isUnplanned } from '../../core/plan/check/unplanned';
import { hasPrivacyFinding } from '../../core/privacy/privacy-guard';
import { createErrorGroups, type ErrorGroup } from './error-groups';
import type { MessageRow } from './rows';

export interface SummaryLine {
  readonly name: string;
  readonly type: string;
  readonly count: number;
  readonly invalid: number;
  /** Messages with at least one warning. */
  readonly warnings: number;
  /** Messages with at least one finding of the privacy guard (personal data or a secret). */
  readonly privacy: number;
  /** Messages whose track event the tracking plan does not have (a warning, or an error when the user says so). */
  readonly unplanned: number;
  /**
   * Messages with at least one error from the tracking plan (an unplanned event counts when the user made those
   * errors).
   */
  readonly planViolations: number;
  readonly topError: ErrorGroup | null;
}

export function summarise(rows: readonly MessageRow[]): SummaryLine[] {
  const groups = new Map<
    string,
    {
      name: string;
      type: string;
      count: number;
      invalid: number;
      warnings: number;
      privacy: number;
      unplanned: number;
      planViolations: number;
      errors: ReturnType<typeof createErrorGroups>;
    }
  >();
  for (const { record } of rows) {
    const name = recordName(record);
    const key = `${record.type}\u0000${name}`;
    let group = groups.get(key);
    if (!group) {
      const counts = { count: 0, invalid: 0, warnings: 0, privacy: 0, unplanned: 0, planViolations: 0 };
      groups.set(key, (group = { name, type: record.type, ...counts, errors: createErrorGroups() }));
    }
    const { validation } = record;
    group.count++;
    if (validation.warnings.length) group.warnings++;
    if (hasPrivacyFinding(validation)) group.privacy++;
    if (isUnplanned(validation)) group.unplanned++;
    if (validation.valid) continue;
    group.invalid++;
    if (validation.errors.some((error) => error.source === 'plan')) group.planViolations++;
    for (const error of validation.errors) group.errors.add(error, record.payload);
  }
  return [...groups.values()]
    .map(({ errors, ...group }) => ({ ...group, topError: errors.top() }))
    .sort((a, b) => b.invalid - a.invalid || b.count - a.count || a.name.localeCompare(b.name));
}
