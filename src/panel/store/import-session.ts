/** An NDJSON file opened in the panel: its messages re-validated, as a session of their own. */
import { importNdjson, type ImportProblem } from '../../core/import';
import { revalidateRecord } from '../../core/inspect';
import type { MessageRecord } from '../../core/record';
import type { TimelineEntry } from '../../protocol';
import type { ValidationMode } from '../../validation-settings';
import { createPanelTimeline, type PanelTimeline } from './panel-timeline';

export interface ImportedSession {
  readonly name: string;
  readonly timeline: PanelTimeline;
  /** The lines that could not be read, by number; the rest were imported. */
  readonly problems: readonly ImportProblem[];
  /** The user's settings it was validated with (ValidationMode.key): another key re-validates it. */
  readonly modeKey: string;
}

export function importSession(name: string, text: string, strict: boolean, mode: ValidationMode): ImportedSession {
  const result = importNdjson(text, { strict, plan: mode.plan, importedAt: Date.now() });
  performance.mark('track-inspector:import-validated'); // seen in the Performance panel and bench:panel
  const timeline = createPanelTimeline();
  // Validated with Strict mode as the panel's toggle was, and the user's plan.
  timeline.replace(result.records.map(importedEntry), 0, { ...mode.settings, strict });
  return { name, timeline, problems: result.problems, modeKey: mode.key };
}

/** The session validated again under the user's new plan (or none), in the mode it was validated in. */
export function revalidateSession(session: ImportedSession, mode: ValidationMode): ImportedSession {
  const strict = session.timeline.validation.value?.strict ?? mode.settings.strict;
  const timeline = createPanelTimeline();
  timeline.replace(
    session.timeline.entries().map((entry) => (entry.kind === 'message' ? { ...entry, record: revalidateRecord(entry.record, strict, mode.plan) } : entry)),
    0,
    { ...mode.settings, strict },
  );
  return { ...session, timeline, modeKey: mode.key };
}

function importedEntry(record: MessageRecord, index: number): TimelineEntry {
  return { kind: 'message', seq: index + 1, requestId: `import-${index + 1}`, record };
}
