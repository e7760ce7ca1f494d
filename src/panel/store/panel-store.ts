/**
 * The panel's state, built from small stores: the live session (the inspected tab, fed by the
 * background) or an imported one, the filters, the selection, and the toolbar's toggles.
 */
import { batch, computed, signal } from '@preact/signals';
import { importNdjson, type ImportProblem } from '../../core/import';
import type { MessageRecord } from '../../core/record';
import { compareEntries, type TimelineEntry } from '../../protocol';
import type { Transport } from '../transport';
import { createFilterStore, TYPE_CHIPS, type TypeChip } from './filter-store';
import { createRowCache, type MessageRow, type Row } from './rows';
import { summarise } from './summary';
import { createTimelineStore, type TimelineStore } from './timeline-store';

export interface ImportedSession {
  readonly name: string;
  readonly timeline: TimelineStore;
  readonly problems: readonly ImportProblem[];
  readonly validatedStrict: boolean;
}

export interface PanelOptions {
  readonly transport: Transport | null;
  /** The mode the background validates in (the user's setting); the panel starts in it. */
  readonly backgroundStrict: boolean;
}

export function createPanelStore({ transport, backgroundStrict }: PanelOptions) {
  const live = createTimelineStore();
  /** Set when the background speaks another protocol version (the extension was updated under an open panel). */
  const protocolMismatch = signal(false);
  transport?.listen((message) => {
    if (message.kind === 'version-mismatch') protocolMismatch.value = true;
    else live.apply(message);
  });
  const filters = createFilterStore();
  const imported = signal<ImportedSession | null>(null);
  const strict = signal(backgroundStrict);
  const preserveLog = signal(false);
  /** With Preserve log off, a navigation hides what came before it, like the Network panel. */
  const viewStart = signal<TimelineEntry | null>(null);
  const selectedKey = signal<string | null>(null);
  const detailOpen = signal(false);
  const view = signal<'timeline' | 'summary'>('timeline');

  live.onLiveNavigation((entry) => {
    if (!preserveLog.value) viewStart.value = entry;
  });

  const session = computed(() => imported.value?.timeline ?? live);
  const liveRows = createRowCache();
  const importedRows = new WeakMap<TimelineStore, ReturnType<typeof createRowCache>>();
  const allRows = computed<Row[]>(() => {
    const timeline = session.value;
    void timeline.version.value;
    const start = imported.value ? null : viewStart.value;
    const validatedStrict = imported.value?.validatedStrict ?? backgroundStrict;
    let cache = liveRows;
    if (timeline !== live) {
      cache = importedRows.get(timeline) ?? createRowCache();
      importedRows.set(timeline, cache);
    }
    return cache(timeline.entries(), strict.value, validatedStrict, (entry) => !start || compareEntries(entry, start) >= 0);
  });
  const messageRows = computed(() => allRows.value.filter((row): row is MessageRow => row.kind === 'message'));
  const rows = computed<Row[]>(() => {
    if (!filters.active.value) return allRows.value;
    const matches = filters.matches.value;
    return messageRows.value.filter((row) => matches(row.record));
  });
  const counts = computed(() => {
    const byType = Object.fromEntries(TYPE_CHIPS.map((t) => [t, 0])) as Record<TypeChip, number>;
    let invalid = 0;
    let warnings = 0;
    for (const { record } of messageRows.value) {
      if (record.type in byType) byType[record.type as TypeChip]++;
      if (!record.validation.valid) invalid++;
      if (record.validation.warnings.length) warnings++;
    }
    return { total: messageRows.value.length, shown: rows.value.filter((r) => r.kind === 'message').length, byType, invalid, warnings };
  });
  const selectedRow = computed(() => allRows.value.find((row) => row.key === selectedKey.value) ?? null);
  const summary = computed(() => summarise(rows.value.filter((row): row is MessageRow => row.kind === 'message')));

  function select(key: string | null, open = detailOpen.value): void {
    batch(() => {
      selectedKey.value = key;
      detailOpen.value = key !== null && open;
    });
  }

  return {
    live,
    filters,
    imported,
    strict,
    preserveLog,
    selectedKey,
    detailOpen,
    view,
    rows,
    counts,
    selectedRow,
    summary,
    dropped: computed(() => (imported.value ? 0 : live.dropped.value)),
    protocolMismatch,
    select,
    /** Moves the selection by `delta` visible message rows (keyboard up/down). */
    moveSelection(delta: number): void {
      const messages = rows.value.filter((row) => row.kind === 'message');
      if (!messages.length) return;
      const at = messages.findIndex((row) => row.key === selectedKey.value);
      const next = at < 0 ? (delta > 0 ? 0 : messages.length - 1) : Math.min(messages.length - 1, Math.max(0, at + delta));
      select(messages[next]?.key ?? null);
    },
    clear(): void {
      batch(() => {
        select(null, false);
        if (imported.value) imported.value.timeline.replace([]);
        else {
          viewStart.value = null;
          transport?.send({ kind: 'clear' });
        }
      });
    },
    importText(name: string, text: string): ImportedSession {
      const result = importNdjson(text, { strict: strict.value, importedAt: Date.now() });
      performance.mark('track-inspector:import-validated'); // seen in the Performance panel and bench:panel
      const timeline = createTimelineStore();
      timeline.replace(result.records.map(importedEntry));
      const session = { name, timeline, problems: result.problems, validatedStrict: strict.value };
      batch(() => {
        select(null, false);
        imported.value = session;
      });
      return session;
    },
    backToLive(): void {
      batch(() => {
        select(null, false);
        imported.value = null;
      });
    },
    /** The records to export: the filtered rows when a filter is active, else all rows. */
    exportRecords(): MessageRecord[] {
      return rows.value.flatMap((row) => (row.kind === 'message' ? [row.record] : []));
    },
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;

function importedEntry(record: MessageRecord, index: number): TimelineEntry {
  return { kind: 'message', seq: index + 1, requestId: `import-${index + 1}`, record };
}
