/**
 * The rows of the session on show, validated in the panel's mode: the live tab (from its last
 * navigation unless Preserve log is on), or an imported file; its message rows and their counts.
 *
 * Derived from what changed: while calls stream in, each publish adds rows at the end, and the rows
 * before the first changed entry (PanelTimeline.changedSince) are kept with their counts. Deriving
 * every row again costs each publish time and four new arrays as long as the timeline, which grows
 * to the buffer's largest size (`npm run bench` prints both; docs/benchmarks.md).
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import { compareEntries, type TimelineEntry } from '../../core/capture/timeline-entry';
import { addMessages, NO_MESSAGES, type MessageTotals } from './counts';
import type { ImportedSession } from './import-session';
import type { PanelTimeline } from './panel-timeline';
import { createRowCache, type MessageRow, type Row } from './rows';

export interface SessionRowsInputs {
  readonly live: PanelTimeline;
  readonly imported: ReadonlySignal<ImportedSession | null>;
  /** The live navigation the view starts at; null shows the whole live timeline. */
  readonly viewStart: ReadonlySignal<TimelineEntry | null>;
  readonly strict: ReadonlySignal<boolean>;
}

export interface SessionRows {
  readonly rows: readonly Row[];
  readonly messages: readonly MessageRow[];
  readonly totals: MessageTotals;
}

/** What a derivation was made from, and what it made. */
interface Derived extends SessionRows {
  readonly entries: readonly TimelineEntry[];
  readonly version: number;
  readonly strict: boolean;
  readonly validatedStrict: boolean;
  readonly start: TimelineEntry | null;
  /**
   * The index in `entries` of the first row: entries are in timeline order, so the rows are the entries from here on.
   */
  readonly first: number;
}

export function createSessionRows({
  live,
  imported,
  viewStart,
  strict,
}: SessionRowsInputs): ReadonlySignal<SessionRows> {
  const derivers = new WeakMap<PanelTimeline, ReturnType<typeof createDeriver>>();
  return computed(() => {
    const session = imported.value;
    const timeline = session?.timeline ?? live;
    const derive = derivers.get(timeline) ?? createDeriver(timeline);
    derivers.set(timeline, derive);
    return derive(
      timeline.version.value,
      strict.value,
      timeline.validation.value?.strict ?? false,
      session ? null : viewStart.value,
    );
  });
}

function createDeriver(timeline: PanelTimeline) {
  const cache = createRowCache();
  let last: Derived | null = null;
  return (version: number, strict: boolean, validatedStrict: boolean, start: TimelineEntry | null): SessionRows => {
    const entries = timeline.entries();
    const same =
      last &&
      last.entries === entries &&
      last.strict === strict &&
      last.validatedStrict === validatedStrict &&
      last.start === start;
    const from = same && last ? timeline.changedSince(last.version) : 0;
    last = last && same && from >= last.first ? extend(last, from) : derive(entries, strict, validatedStrict, start);
    last = { ...last, version };
    cache.prune(entries);
    return last;
  };

  function derive(
    entries: readonly TimelineEntry[],
    strict: boolean,
    validatedStrict: boolean,
    start: TimelineEntry | null,
  ): Derived {
    let first = 0;
    if (start) while (first < entries.length && compareEntries(entries[first] as TimelineEntry, start) < 0) first++;
    const empty = {
      entries,
      version: -1,
      strict,
      validatedStrict,
      start,
      first,
      rows: [],
      messages: [],
      totals: NO_MESSAGES,
    };
    return append(empty, first);
  }

  /** `last` with its rows from entry `from` on derived again (the entries before it are unchanged). */
  function extend(last: Derived, from: number): Derived {
    const kept = Math.min(last.rows.length, from - last.first);
    const dropped = last.rows.slice(kept).filter((row): row is MessageRow => row.kind === 'message');
    const totals = dropped.length ? addMessages(last.totals, dropped, -1) : last.totals;
    const base = {
      ...last,
      rows: last.rows.slice(0, kept),
      messages: last.messages.slice(0, last.messages.length - dropped.length),
      totals,
    };
    return append(base, from);
  }

  /** `base` with a row for every entry from `from` on. */
  function append(base: Derived, from: number): Derived {
    const rows = base.rows as Row[];
    const messages = base.messages as MessageRow[];
    const added: MessageRow[] = [];
    for (let i = Math.max(from, base.first); i < base.entries.length; i++) {
      const row = cache.rowOf(base.entries[i] as TimelineEntry, base.strict, base.validatedStrict);
      rows.push(row);
      if (row.kind === 'message') added.push(row);
    }
    for (const row of added) messages.push(row); // not push(...added): 100,000 arguments overflow the stack
    return { ...base, rows, messages, totals: added.length ? addMessages(base.totals, added) : base.totals };
  }
}
