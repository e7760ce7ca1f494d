/**
 * The rows of one session (the live tab, or an imported file) in timeline order. Held in a plain
 * array and published through a version signal, at most once per frame: copying a 50,000-row
 * array per arriving message would stall the panel during bursts.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import type { MessageRecord, RequestInfo } from '../../core/record';
import { compareEntries, type BackgroundMessage, type TimelineEntry } from '../../protocol';

export interface TimelineStore {
  /** Bumps whenever `entries()` changed. Read it in computeds that use `entries()`. */
  readonly version: ReadonlySignal<number>;
  readonly dropped: ReadonlySignal<number>;
  entries(): readonly TimelineEntry[];
  apply(message: BackgroundMessage): void;
  replace(entries: readonly TimelineEntry[]): void;
  /** Called for each navigation marker that arrives live (not in a snapshot). */
  onLiveNavigation(listener: (entry: TimelineEntry) => void): void;
}

const PUBLISH_INTERVAL_MS = 50;

export function createTimelineStore(): TimelineStore {
  let entries: TimelineEntry[] = [];
  let bySeq = new Map<number, number>(); // seq -> index, rebuilt lazily
  let indexDirty = false;
  const version = signal(0);
  const dropped = signal(0);
  const navigationListeners: ((entry: TimelineEntry) => void)[] = [];
  let publishTimer: ReturnType<typeof setTimeout> | null = null;

  // Hidden DevTools panels get no animation frames: a timer publishes in both cases.
  function publish(): void {
    if (publishTimer !== null) return;
    publishTimer = setTimeout(() => {
      publishTimer = null;
      version.value++;
    }, PUBLISH_INTERVAL_MS);
  }

  function insert(entry: TimelineEntry): void {
    let index = entries.length;
    while (index > 0 && compareEntries(entries[index - 1] as TimelineEntry, entry) > 0) index--;
    if (index === entries.length) {
      entries.push(entry);
      if (!indexDirty) bySeq.set(entry.seq, index);
    } else {
      entries.splice(index, 0, entry);
      indexDirty = true;
    }
  }

  function indexOf(seq: number): number | undefined {
    if (indexDirty) {
      bySeq = new Map(entries.map((e, i) => [e.seq, i]));
      indexDirty = false;
    }
    return bySeq.get(seq);
  }

  function updateRequest(seq: number, request: RequestInfo): void {
    const index = indexOf(seq);
    const entry = index === undefined ? undefined : entries[index];
    if (index === undefined || entry?.kind !== 'message') return;
    const record: MessageRecord = { ...entry.record, request };
    entries[index] = { ...entry, record };
  }

  return {
    version,
    dropped,
    entries: () => entries,
    apply(message) {
      if (message.kind === 'snapshot') {
        entries = [];
        bySeq = new Map();
        indexDirty = false;
        for (const entry of message.entries) insert(entry);
        dropped.value = message.dropped;
      } else if (message.kind === 'snapshot-continued') {
        for (const entry of message.entries) insert(entry);
      } else if (message.kind === 'added') {
        for (const entry of message.entries) {
          insert(entry);
          if (entry.kind === 'navigation') for (const listener of navigationListeners) listener(entry);
        }
        dropped.value = message.dropped;
      } else if (message.kind === 'updated') {
        for (const update of message.updates) updateRequest(update.seq, update.request);
      } else return;
      publish();
    },
    replace(next) {
      entries = [...next].sort(compareEntries);
      indexDirty = true;
      dropped.value = 0;
      publish();
    },
    onLiveNavigation: (listener) => navigationListeners.push(listener),
  };
}
