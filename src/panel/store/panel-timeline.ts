/**
 * The panel's copy of one session's timeline (the live tab, or an imported file), in timeline order;
 * the background's own copy is TabTimeline. Held in a plain array and published through a version
 * signal: copying a 50,000-entry array per arriving message would stall the panel during bursts.
 *
 * A change after a quiet spell is published in the next task; while changes keep coming, at most every
 * PUBLISH_INTERVAL_MS. Each publish is a render of the panel (its rows' style, layout and paint), whatever the rows
 * it brings: during a stream of calls, publishing 10 times a second cost the panel more CPU per call than the
 * background's capture (bench:panel, issue 22); 5 times a second still shows a stream as it comes.
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { RequestInfo } from '../../core/record';
import { insertSorted, lastIndexWhere } from '../../core/capture/sorted-entries';
import { compareEntries, type TimelineEntry } from '../../core/capture/timeline-entry';
import type { ValidationSummary } from '../../shared/protocol';

export interface PanelTimeline {
  /** Bumps after `entries()` changed. Read it in computeds that use `entries()`. */
  readonly version: ReadonlySignal<number>;
  /** How many messages the background dropped to stay within its buffer. */
  readonly dropped: ReadonlySignal<number>;
  /** What the entries were validated with; published with them, so rows and settings never disagree. */
  readonly validation: ReadonlySignal<ValidationSummary | null>;
  entries(): readonly TimelineEntry[];
  /** Holds exactly these entries, validated with `validation` (kept when not given), from now on. */
  replace(entries: readonly TimelineEntry[], dropped?: number, validation?: ValidationSummary): void;
  /** Adds entries, each in its place in timeline order (a late one can belong before others). */
  insert(entries: readonly TimelineEntry[]): void;
  /** Gives the message `seq`, when still held, its request's newer outcome. */
  updateRequest(seq: number, request: RequestInfo): void;
  remove(seqs: readonly number[]): void;
  setDropped(count: number): void;
  /**
   * The lowest index of `entries()` that changed in the publishes after `version` (an insert, an
   * update, a removal): what came before it is as it was then. 0 when that is no longer known.
   */
  changedSince(version: number): number;
}

/** How many publishes changedSince remembers; a reader further behind derives everything again. */
const CHANGES_KEPT = 32;

export const PUBLISH_INTERVAL_MS = 200;

export function createPanelTimeline(): PanelTimeline {
  let entries: TimelineEntry[] = [];
  const version = signal(0);
  const dropped = signal(0);
  const validation = signal<ValidationSummary | null>(null);
  let nextValidation: ValidationSummary | null = null;
  let publishTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the last publish went (Date.now()). */
  let publishedAt = -Infinity;
  /** The lowest index changed since the last publish, and what each recent publish changed. */
  let changedFrom = Infinity;
  const changes: { readonly version: number; readonly from: number }[] = [];
  const changed = (index: number) => (changedFrom = Math.min(changedFrom, index));

  // A timer, not requestAnimationFrame: a hidden DevTools panel gets no animation frames and would
  // publish nothing until shown.
  function publish(): void {
    if (publishTimer !== null) return;
    const wait = Math.max(0, publishedAt + PUBLISH_INTERVAL_MS - Date.now());
    publishTimer = setTimeout(() => {
      publishTimer = null;
      publishedAt = Date.now();
      changes.push({ version: version.peek() + 1, from: changedFrom });
      if (changes.length > CHANGES_KEPT) changes.shift();
      changedFrom = Infinity;
      batch(() => {
        validation.value = nextValidation;
        version.value++;
      });
    }, wait);
  }

  return {
    version,
    dropped,
    validation,
    entries: () => entries,
    replace(next, droppedCount = 0, validatedWith) {
      entries = [...next].sort(compareEntries);
      changed(0);
      if (validatedWith) nextValidation = validatedWith;
      dropped.value = droppedCount;
      publish();
    },
    insert(added) {
      for (const entry of added) changed(insertSorted(entries, entry, compareEntries));
      publish();
    },
    updateRequest(seq, request) {
      // Outcomes arrive for recent calls; an index by seq would need rebuilding on every out-of-order insert.
      const index = lastIndexWhere(entries, (entry) => entry.seq === seq);
      const entry = entries[index];
      if (entry?.kind !== 'message') return;
      entries[index] = { ...entry, record: { ...entry.record, request } };
      changed(index);
      publish();
    },
    remove(seqs) {
      const removed = new Set(seqs);
      entries = entries.filter((entry) => !removed.has(entry.seq));
      changed(0);
      publish();
    },
    setDropped(count) {
      dropped.value = count;
    },
    changedSince(since) {
      if (since >= version.peek()) return entries.length;
      const oldest = changes[0];
      if (!oldest || oldest.version > since + 1) return 0;
      let from = Infinity;
      for (const change of changes) if (change.version > since) from = Math.min(from, change.from);
      return Math.min(from, entries.length);
    },
  };
}
