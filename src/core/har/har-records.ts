/** HAR entries -> records, as live capture makes them: for the panel's import and the CLI alike. */
import { callRecords } from '../call-records';
import type { HostPattern } from '../endpoints';
import type { PlanChecker } from '../inspect';
import { createLinter } from '../lint';
import type { InputItem } from '../input';
import type { PrivacyGuard } from '../privacy/privacy-guard';
import { readHarEntry, type HarPage } from './har-entry';

export interface HarRecordOptions {
  readonly strict: boolean;
  readonly checker?: PlanChecker | null;
  /** Personal data and secrets (core/privacy): absent, findings are warnings. */
  readonly privacy?: PrivacyGuard;
  /** The user's extra tracking hosts (the options page; the CLI's --host). */
  readonly hosts: readonly HostPattern[];
}

/**
 * The HAR input (see input.ts): one entry -> its records (several for a batch), or null when it is
 * not a tracking call. Lints across entries, as a capture does.
 */
export function harEntryReader(
  options: HarRecordOptions,
): (entry: unknown, index: number, pages: ReadonlyMap<string, HarPage>) => InputItem | null {
  const { strict, privacy } = options;
  const checks = { strict, checker: options.checker ?? null, privacy, linter: createLinter() };
  return (entry, index, pages) => {
    const read = readHarEntry(entry, pages, options.hosts);
    if (read.kind === 'skip') return null;
    return { kind: 'records', at: { entry: index }, records: callRecords(read.call, read.body, read.origin, checks) };
  };
}
