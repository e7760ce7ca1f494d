/**
 * Per event name: how many, how many invalid, how many break the tracking plan, and the most common error. The
 * pre-release check.
 */
import { recordName } from '../../core/label';
import type { MessageRow } from './rows';

export interface SummaryLine {
  readonly name: string;
  readonly type: string;
  readonly count: number;
  readonly invalid: number;
  /**
   * Messages with at least one error from the tracking plan (an unplanned event counts when the user made those
   * errors).
   */
  readonly planViolations: number;
  readonly topError: string | null;
  readonly topErrorCount: number;
}

export function summarise(rows: readonly MessageRow[]): SummaryLine[] {
  const groups = new Map<
    string,
    {
      name: string;
      type: string;
      count: number;
      invalid: number;
      planViolations: number;
      errors: Map<string, { text: string; count: number }>;
    }
  >();
  for (const { record } of rows) {
    const name = recordName(record);
    const key = `${record.type}\u0000${name}`;
    let group = groups.get(key);
    if (!group)
      groups.set(
        key,
        (group = { name, type: record.type, count: 0, invalid: 0, planViolations: 0, errors: new Map() }),
      );
    group.count++;
    if (record.validation.valid) continue;
    group.invalid++;
    if (record.validation.errors.some((error) => error.source === 'plan')) group.planViolations++;
    // Grouped by field and rule, not by wording: the values in the wording differ per message.
    for (const error of record.validation.errors) {
      const key = `${error.path}\u0000${error.keyword}`;
      const seen = group.errors.get(key);
      if (seen) seen.count++;
      else group.errors.set(key, { text: `${error.path || '/'}: ${error.message}`, count: 1 });
    }
  }
  return [...groups.values()]
    .map(({ errors, ...group }) => {
      const top = [...errors.values()].sort((a, b) => b.count - a.count)[0];
      return { ...group, topError: top?.text ?? null, topErrorCount: top?.count ?? 0 };
    })
    .sort((a, b) => b.invalid - a.invalid || b.count - a.count || a.name.localeCompare(b.name));
}
