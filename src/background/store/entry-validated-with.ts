/** A stored entry validated again with the user's current settings (keep-validated.ts decides when). */
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import { revalidateRecord } from '../../core/inspect';
import type { ValidationMode } from '../../shared/settings/validation-mode';

/** A message's record validated with `mode` (Strict, the plan, the privacy guard); a navigation as it is. */
export function entryValidatedWith(entry: TimelineEntry, mode: ValidationMode): TimelineEntry {
  if (entry.kind !== 'message') return entry;
  return { ...entry, record: revalidateRecord(entry.record, mode.strict, mode.checker, mode.privacy) };
}
