/**
 * A file opened in the panel (an NDJSON export, or a HAR: import-har.ts): its messages validated again, as a session of
 * their own.
 */
import { importNdjson } from '../../core/import';
import { revalidateRecord } from '../../core/inspect';
import type { MessageRecord } from '../../core/record';
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import type { ValidationMode } from '../../shared/settings/validation-mode';
import { createPanelTimeline, type PanelTimeline } from './panel-timeline';

export interface ImportedSession {
  readonly name: string;
  readonly timeline: PanelTimeline;
  /** What could not be read (NDJSON lines, by number; a HAR that breaks off); the rest was imported. */
  readonly problems: readonly { readonly message: string; readonly line?: number; readonly item?: number }[];
  /** The user's settings it was validated with (ValidationMode.key): another key re-validates it. */
  readonly modeKey: string;
}

export function importSession(name: string, text: string, strict: boolean, mode: ValidationMode): ImportedSession {
  const result = importNdjson(text, { strict, checker: mode.checker, privacy: mode.privacy, importedAt: Date.now() });
  return sessionOf(name, result.records, result.problems, strict, mode);
}

/** Records validated with Strict mode as the panel's toggle was and the user's plan, as a session. */
export function sessionOf(
  name: string,
  records: readonly MessageRecord[],
  problems: ImportedSession['problems'],
  strict: boolean,
  mode: ValidationMode,
): ImportedSession {
  // A User Timing mark: an import shows in DevTools' Performance panel (bench:panel times it by this too).
  performance.mark('track-inspector:import-validated');
  const timeline = createPanelTimeline();
  timeline.replace(records.map(importedEntry), 0, { ...mode.summary, strict });
  return { name, timeline, problems, modeKey: mode.key };
}

/** The session validated again with the user's new plan (or none) and guard, in the Strict mode it was in. */
export function revalidateSession(session: ImportedSession, mode: ValidationMode): ImportedSession {
  const strict = session.timeline.validation.value?.strict ?? mode.summary.strict;
  const timeline = createPanelTimeline();
  timeline.replace(
    session.timeline
      .entries()
      .map((entry) =>
        entry.kind === 'message'
          ? { ...entry, record: revalidateRecord(entry.record, strict, mode.checker, mode.privacy) }
          : entry,
      ),
    0,
    { ...mode.summary, strict },
  );
  return { ...session, timeline, modeKey: mode.key };
}

function importedEntry(record: MessageRecord, index: number): TimelineEntry {
  return { kind: 'message', seq: index + 1, requestId: `import-${index + 1}`, record };
}
