/**
 * The rows of the session on show, validated in the panel's mode: the live tab (from its last
 * navigation unless Preserve log is on), or an imported file.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import { compareEntries, type TimelineEntry } from '../../protocol';
import type { ImportedSession } from './import-session';
import type { PanelTimeline } from './panel-timeline';
import { createRowCache, type Row } from './rows';

export interface SessionRowsInputs {
  readonly live: PanelTimeline;
  readonly imported: ReadonlySignal<ImportedSession | null>;
  /** The live navigation the view starts at; null shows the whole live timeline. */
  readonly viewStart: ReadonlySignal<TimelineEntry | null>;
  readonly strict: ReadonlySignal<boolean>;
}

export function createSessionRows({ live, imported, viewStart, strict }: SessionRowsInputs): ReadonlySignal<Row[]> {
  const liveRows = createRowCache();
  const importedRows = new WeakMap<PanelTimeline, ReturnType<typeof createRowCache>>();
  return computed<Row[]>(() => {
    const session = imported.value;
    const timeline = session?.timeline ?? live;
    void timeline.version.value;
    const start = session ? null : viewStart.value;
    const validatedStrict = timeline.validation.value?.strict ?? false;
    let cache = liveRows;
    if (timeline !== live) {
      cache = importedRows.get(timeline) ?? createRowCache();
      importedRows.set(timeline, cache);
    }
    return cache(timeline.entries(), strict.value, validatedStrict, (entry) => !start || compareEntries(entry, start) >= 0);
  });
}
