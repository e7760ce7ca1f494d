/** Each unit of the input (read-input.ts) made into its records, as every command that judges messages reads them. */
import { harEntryReader } from '../core/har/har-records';
import type { HostPattern } from '../core/endpoints';
import { ndjsonLineReader } from '../core/import';
import type { InputItem } from '../core/input';
import type { PlanChecker } from '../core/inspect';
import type { PrivacyGuard } from '../core/privacy/privacy-guard';
import type { InputUnit } from './read-input';

export interface InputRecordOptions {
  readonly strict: boolean;
  readonly checker: PlanChecker | null;
  readonly hosts: readonly HostPattern[];
  /** The privacy guard's mode and allowed fields (the default guard when absent). */
  readonly privacy?: PrivacyGuard;
}

/**
 * A unit of a file -> its records, or the problem that it is; null when it holds no message (a blank line, a HAR
 * entry that is no tracking call). One NDJSON reader for every file: lint (duplicates, drift) spans the whole input.
 * A HAR's lint spans its own entries, as a capture's does.
 */
export function inputRecords(options: InputRecordOptions): (unit: InputUnit, file: string) => InputItem | null {
  const { strict, checker, privacy } = options;
  const ndjson = ndjsonLineReader({ strict, checker, importedAt: Date.now(), ...(privacy && { privacy }) });
  const har = perFile(() => harEntryReader(options));
  return (unit, file) =>
    unit.kind === 'line'
      ? ndjson(unit.text, unit.line)
      : unit.kind === 'document-item'
        ? ndjson(unit.text, unit.item, true)
        : har(file)(unit.entry, unit.index, unit.pages);
}

/** One instance per file (a HAR's lint, like a capture's, runs within one file). */
function perFile<T>(make: () => T): (file: string) => T {
  const made = new Map<string, T>();
  return (file) => {
    let value = made.get(file);
    if (value === undefined) made.set(file, (value = make()));
    return value;
  };
}
