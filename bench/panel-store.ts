/**
 * The panel's store while calls stream in (part of `npm run bench`): what one publish of 50 new rows
 * costs (rows, message rows, counts, the selected row) with 10,000 and 100,000 rows held (the
 * buffer's default and largest size), derived from what changed; the baseline, in the same run, is
 * a derivation of every row (what a reader gets after more publishes than the timeline remembers).
 */
import { performance } from 'node:perf_hooks';
import { makeValidation } from '../src/core/record';
import { createPanelStore } from '../src/panel/store/panel-store';
import type { TimelineEntry } from '../src/core/capture/timeline-entry';
import { validationModeOf } from '../src/shared/settings/validation-mode';
import { DEFAULT_SETTINGS } from '../src/shared/settings/user-settings';

const BURST = 50;
const ROUNDS = 40;
const UNREMEMBERED = 33; // publishes between reads: more than PanelTimeline remembers (32)

function entries(from: number, count: number): TimelineEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = from + i;
    return {
      kind: 'message',
      seq,
      requestId: `r${seq}`,
      record: {
        capturedAt: 1_714_557_600_000 + seq,
        tabId: 1,
        pageUrl: 'https://app.example.com/',
        request: { url: 'https://api.segment.io/v1/t', method: 'POST', outcome: 'status', status: 200, error: null },
        sender: 'segment',
        type: 'track',
        payload: { type: 'track', event: `Event ${seq % 25}`, userId: `user-${seq % 100}`, properties: { total: seq } },
        validation: makeValidation([], []),
      },
    };
  });
}

/** Runs `work` with setTimeout answered by `flush()` instead of the clock: a publish without its 100 ms wait. */
function withManualTimers<T>(work: (flush: () => void) => T): T {
  const real = globalThis.setTimeout;
  const due: (() => void)[] = [];
  globalThis.setTimeout = ((callback: () => void) => due.push(callback)) as unknown as typeof setTimeout;
  try {
    return work(() => due.splice(0).forEach((callback) => callback()));
  } finally {
    globalThis.setTimeout = real;
  }
}

function publishCost(held: number): { incremental: number; full: number } {
  return withManualTimers((flush) => {
    const mode = validationModeOf(DEFAULT_SETTINGS, null);
    const store = createPanelStore({ user: { mode, hosts: [] } });
    store.liveSnapshot(entries(0, held), 0, mode.summary);
    flush();
    let seq = held;
    const read = () => store.rows.value.length + store.counts.value.total + (store.selectedRow.value ? 1 : 0);
    const publish = () => {
      store.live.insert(entries(seq, BURST));
      seq += BURST;
      flush();
    };
    let [incremental, full] = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      store.select(`m${seq - 100}`, false); // a recent row, as a user inspecting the stream would have
      read();
      publish();
      let start = performance.now();
      read();
      incremental += performance.now() - start;
      for (let i = 0; i < UNREMEMBERED; i++) publish();
      // As the background's buffer would, drop as many of the oldest: the number held stays the same.
      const oldest = store.live.entries()[0]?.seq ?? 0;
      store.live.remove(Array.from({ length: (UNREMEMBERED + 1) * BURST }, (_, i) => oldest + i));
      flush();
      start = performance.now();
      read();
      full += performance.now() - start;
    }
    return { incremental: incremental / ROUNDS, full: full / ROUNDS };
  });
}

export function panelStoreBench(): string[] {
  return [10_000, 100_000].map((held) => {
    const { incremental, full } = publishCost(held);
    return `panel store, one publish of ${BURST} new rows with ${held.toLocaleString('en')} held: ${incremental.toFixed(2)} ms; deriving every row: ${full.toFixed(2)} ms (ratio ${(full / incremental).toFixed(1)})`;
  });
}
