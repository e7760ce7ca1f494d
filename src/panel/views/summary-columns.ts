/**
 * The Summary's columns, once for the table and its Markdown copy: Privacy while the guard runs, the plan's columns
 * only with a plan, and the most common error in words that keep its count and the values sent apart.
 */
import type { ErrorGroup } from '../store/error-groups';
import type { SummaryLine } from '../store/summary';

export interface SummaryColumn {
  readonly header: string;
  /** The cell's class; numbers are right-aligned. */
  readonly class: string;
  readonly numeric: boolean;
  readonly text: (line: SummaryLine) => string;
}

/** Past this many distinct values the error's words count the rest. */
const LISTED_VALUES = 3;

const count = (header: string, className: string, of: (line: SummaryLine) => number): SummaryColumn => ({
  header,
  class: `num ${className}`,
  numeric: true,
  text: (line) => String(of(line)),
});

/** Which of the optional columns show: Privacy (the guard ran, or found something), the plan's (a plan). */
export interface SummaryColumnChoice {
  readonly withPrivacy: boolean;
  readonly withPlan: boolean;
}

export function summaryColumns({ withPrivacy, withPlan }: SummaryColumnChoice): SummaryColumn[] {
  return [
    { header: 'Type', class: 'type', numeric: false, text: (line) => line.type },
    { header: 'Name', class: 'name', numeric: false, text: (line) => line.name },
    count('Count', 'count', (line) => line.count),
    count('Invalid', 'invalid', (line) => line.invalid),
    count('Warnings', 'warnings', (line) => line.warnings),
    ...(withPrivacy ? [count('Privacy', 'privacy', (line) => line.privacy)] : []),
    ...(withPlan
      ? [
          count('Unplanned', 'unplanned', (line) => line.unplanned),
          count('Plan violations', 'plan-violations', (line) => line.planViolations),
        ]
      : []),
    { header: 'Most common error', class: 'top-error', numeric: false, text: (line) => errorText(line.topError) },
  ];
}

/**
 * The error's words in two parts: what is wrong with how often (`timestamp must be … (2×)`), then the values sent
 * (`got "yesterday" 1×, "2024-05-01" 1×`). One value sent by every one of them reads `got "yesterday" each time`:
 * often the bug is one hard-coded value.
 */
export function errorWords(group: ErrorGroup): { what: string; got: string } {
  const what = `${group.rule} (${group.count}×)`;
  const [first, ...others] = group.values;
  if (!first) return { what, got: '' };
  if (others.length === 0 && first.count === group.count)
    return { what, got: `got ${first.text}${group.count > 1 ? ' each time' : ''}` };
  const listed = group.values.slice(0, LISTED_VALUES).map((value) => `${value.text} ${value.count}×`);
  const more = group.values.length - LISTED_VALUES;
  return { what, got: `got ${listed.join(', ')}${more > 0 ? `, and ${more} other value${more > 1 ? 's' : ''}` : ''}` };
}

export function errorText(group: ErrorGroup | null): string {
  if (!group) return '';
  const { what, got } = errorWords(group);
  return got ? `${what}; ${got}` : what;
}
