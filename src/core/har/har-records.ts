/** HAR entries -> records, as live capture makes them: for the panel's import and the CLI alike. */
import { callRecords } from '../call-records';
import type { HostPattern } from '../endpoints';
import type { PlanChecker } from '../inspect';
import { createLinter } from '../lint';
import type { MessageRecord } from '../record';
import { readHarEntry, type HarPage } from './har-entry';

export interface HarRecordOptions {
  readonly strict: boolean;
  readonly plan?: PlanChecker | null;
  /** The user's extra tracking hosts (the options page; the CLI's --host). */
  readonly hosts: readonly HostPattern[];
}

/** The records of one entry (several for a batch), or null when it is not a tracking call. Lints across entries, as a capture does. */
export function createHarRecorder(options: HarRecordOptions): (entry: unknown, pages: ReadonlyMap<string, HarPage>) => MessageRecord[] | null {
  const linter = createLinter();
  return (entry, pages) => {
    const read = readHarEntry(entry, pages, options.hosts);
    if (read.kind === 'skip') return null;
    return callRecords(read.call, read.body, read.origin, { strict: options.strict, plan: options.plan ?? null, linter });
  };
}
