/**
 * The panel's state, built from small stores: the live session (the inspected tab; applyMessage
 * feeds it) or an imported one, the filters, the selection, and the toolbar's toggles.
 */
import { batch, computed, signal } from '@preact/signals';
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import type { MessageCounts } from './counts';
import { createFilterStore } from './filter-store';
import type { ValidationSummary } from '../../shared/protocol';
import type { PanelSettings } from '../panel-settings';
import { revalidateSession, type ImportedSession } from './import-session';
import { createPanelTimeline } from './panel-timeline';
import { messageRowsOf, type Row } from './rows';
import { createSelectionStore } from './selection-store';
import { createSessionCoverage } from './session-coverage';
import { createSessionRows } from './session-rows';
import { createStatusStore } from './status-store';
import { summarise } from './summary';

export interface PanelOptions {
  /**
   * The user's settings as the panel read them (Strict mode, the plan, extra hosts): imports are read with them; the
   * panel's Strict toggle starts in them.
   */
  readonly user: PanelSettings;
  /** Asks the background to clear the inspected tab's timeline; absent when no tab is inspected. */
  readonly clearLiveTab?: () => void;
}

export function createPanelStore({ user, clearLiveTab }: PanelOptions) {
  const initialMode = user.mode;
  const live = createPanelTimeline();
  const userMode = signal(initialMode);
  /** The user's extra tracking hosts: a HAR import recognises their calls too. */
  const userHosts = signal(user.hosts);
  /** A file being read (a large HAR takes a moment): its name and how much of it is read. */
  const importing = signal<{ readonly name: string; readonly fraction: number } | null>(null);
  /** Set when the background speaks another protocol version (the extension was updated under an open panel). */
  const protocolMismatch = signal(false);
  const filters = createFilterStore();
  const imported = signal<ImportedSession | null>(null);
  const strict = signal(initialMode.summary.strict);
  let lastLiveStrict = initialMode.summary.strict;
  const preserveLog = signal(false);
  /** With Preserve log off, a navigation hides what came before it, like the Network panel. */
  const viewStart = signal<TimelineEntry | null>(null);
  const view = signal<PanelView>('timeline');

  const session = createSessionRows({ live, imported, viewStart, strict });
  const allRows = computed(() => session.value.rows);
  /**
   * What the session on show was validated with (its plan, what an unplanned event is); before the first snapshot, the
   * user's settings.
   */
  const validation = computed(() => (imported.value?.timeline ?? live).validation.value ?? userMode.value.summary);
  const messageRows = computed(() => session.value.messages);
  /** The message rows the filter lets through, or every row (navigation markers too) when no filter is on. */
  const rows = computed<readonly Row[]>(() => {
    if (!filters.active.value) return allRows.value;
    const matches = filters.matches.value;
    return messageRows.value.filter((row) => matches(row.record));
  });
  const shownMessages = computed(() => (filters.active.value ? messageRowsOf(rows.value) : messageRows.value));
  const selection = createSelectionStore(allRows, shownMessages);
  /**
   * The plan the session on show was checked against, as the panel opened it from storage: what Coverage is of. Null
   * while the two differ (the options changed; the background checks the tab again and says so in its next snapshot).
   */
  const coveragePlan = computed(() => {
    const { plan, summary } = userMode.value;
    return plan && validation.value.plan?.loadedAt === summary.plan?.loadedAt ? plan : null;
  });

  /** Shows another session (an imported one, or null for live capture) with nothing selected. */
  function show(session: ImportedSession | null): void {
    batch(() => {
      selection.select(null, false);
      imported.value = session;
    });
  }

  return {
    live,
    filters,
    imported,
    strict,
    preserveLog,
    view,
    rows,
    validation,
    userMode,
    userHosts,
    importing,
    counts: computed<MessageCounts>(() => ({ ...session.value.totals, shown: shownMessages.value.length })),
    summary: computed(() => summarise(shownMessages.value)),
    /** Of every message of the session, whatever the filter: a checklist loses no rule to a filter. */
    coverage: createSessionCoverage(coveragePlan, messageRows),
    dropped: computed(() => (imported.value ? 0 : live.dropped.value)),
    protocolMismatch,
    /** What the last export or draft saved (status-store.ts). */
    status: createStatusStore(),
    ...selection,
    /**
     * A snapshot: entries and what they were validated with. A change of the user's Strict setting
     * moves the panel's toggle with it (rows in the other mode are re-validated until the entries publish).
     */
    liveSnapshot(entries: readonly TimelineEntry[], dropped: number, settings: ValidationSummary): void {
      if (lastLiveStrict !== settings.strict) strict.value = settings.strict;
      lastLiveStrict = settings.strict;
      live.replace(entries, dropped, settings);
    },
    /** The user's settings changed (the options page): an imported session is validated again with them. */
    userSettingsChanged({ mode, hosts }: PanelSettings): void {
      userHosts.value = hosts;
      userMode.value = mode;
      const session = imported.value;
      if (session && session.modeKey !== mode.key) imported.value = revalidateSession(session, mode);
    },
    /** A navigation arrived live (not in a snapshot). */
    navigated(entry: TimelineEntry): void {
      if (!preserveLog.value) viewStart.value = entry;
    },
    clear(): void {
      batch(() => {
        selection.select(null, false);
        if (imported.value) imported.value.timeline.replace([]);
        else {
          viewStart.value = null;
          clearLiveTab?.();
        }
      });
    },
    /**
     * A Summary line or a Coverage rule clicked: the timeline, filtered to that event (a null name: every message of
     * the type), with nothing selected (the old row may be gone).
     */
    showEventInTimeline(type: string, name: string | null): void {
      batch(() => {
        filters.showEvent(type, name);
        selection.select(null, false);
        view.value = 'timeline';
      });
    },
    openImported: (session: ImportedSession) => show(session),
    backToLive: () => show(null),
  };
}

export type PanelStore = ReturnType<typeof createPanelStore>;
export type PanelView = 'timeline' | 'summary' | 'coverage';
