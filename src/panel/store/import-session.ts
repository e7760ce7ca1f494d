/** An NDJSON file opened in the panel: its messages re-validated, as a session of their own. */
import { importNdjson, type ImportProblem } from '../../core/import';
import type { MessageRecord } from '../../core/record';
import type { TimelineEntry } from '../../protocol';
import { createPanelTimeline, type PanelTimeline } from './panel-timeline';

export interface ImportedSession {
  readonly name: string;
  readonly timeline: PanelTimeline;
  /** The lines that could not be read, by number; the rest were imported. */
  readonly problems: readonly ImportProblem[];
  readonly validatedStrict: boolean;
}

export function importSession(name: string, text: string, strict: boolean): ImportedSession {
  const result = importNdjson(text, { strict, importedAt: Date.now() });
  performance.mark('track-inspector:import-validated'); // seen in the Performance panel and bench:panel
  const timeline = createPanelTimeline();
  timeline.replace(result.records.map(importedEntry));
  return { name, timeline, problems: result.problems, validatedStrict: strict };
}

function importedEntry(record: MessageRecord, index: number): TimelineEntry {
  return { kind: 'message', seq: index + 1, requestId: `import-${index + 1}`, record };
}
