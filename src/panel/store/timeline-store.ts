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

const PUBLISH_INTERVAL_MS = 100;

export function createTimelineStore(): TimelineStore {
  let entries: TimelineEntry[] = [];
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
    entries.splice(index, 0, entry);
  }

  /** Outcomes arrive for recent calls: search from the end (an index would need rebuilding on every out-of-order insert). */
  function indexOf(seq: number): number | undefined {
    for (let i = entries.length - 1; i >= 0; i--) if ((entries[i] as TimelineEntry).seq === seq) return i;
    return undefined;
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
      } else if (message.kind === 'replaced') {
        const removed = new Set(message.removed);
        entries = entries.filter((entry) => !removed.has(entry.seq));
        for (const entry of message.entries) insert(entry);
      } else return;
      publish();
    },
    replace(next) {
      entries = [...next].sort(compareEntries);
      dropped.value = 0;
      publish();
    },
    onLiveNavigation: (listener) => navigationListeners.push(listener),
  };
}
