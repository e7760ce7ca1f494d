/** Test doubles for the background's seams: storage that outlives a "worker". */
import type { SessionArea } from '../../../src/core/capture/document-book';
import type { LiveTimelines, TimelineDb } from '../../../src/background/store/timeline-db';
import type { TabState } from '../../../src/core/capture/tab-timeline';
import type { RequestInfo } from '../../../src/core/record';
import type { TimelineEntry } from '../../../src/core/capture/timeline-entry';

export const PENDING_REQUEST: RequestInfo = {
  url: 'https://api.june.so/sdk/track',
  method: 'POST',
  outcome: 'pending',
  status: null,
  error: null,
};

/** A captured track message named `E<seq>`, as the background stores it. */
export function messageEntry({
  seq,
  requestId,
  at = seq,
  valid = true,
  request = PENDING_REQUEST,
}: {
  seq: number;
  requestId: string;
  at?: number;
  valid?: boolean;
  request?: RequestInfo;
}): TimelineEntry {
  return {
    kind: 'message',
    seq,
    requestId,
    record: {
      capturedAt: at,
      tabId: 1,
      pageUrl: 'https://app.example/',
      sender: 'june',
      type: 'track',
      payload: { event: `E${seq}` },
      request,
      validation: { valid, errors: [], warnings: [] },
    },
  };
}

/**
 * An IndexedDB stand-in that keeps what was written, so a new store can restore it (a worker restart). It keeps
 * copies, as IndexedDB does: a change the store made in memory and never wrote is not restored.
 */
export function persistentDb(): TimelineDb {
  const states = new Map<number, TabState>();
  const entries = new Map<number, Map<number, TimelineEntry>>();
  let live: LiveTimelines = () => undefined;
  const tab = (tabId: number) => entries.get(tabId) ?? entries.set(tabId, new Map()).get(tabId)!;
  return {
    flushed: () => Promise.resolve(),
    loadAll: () =>
      Promise.resolve({
        states: [...states.values()].map((s) => ({ ...s })),
        entries: new Map(
          [...entries].map(([tabId, bySeq]) => [
            tabId,
            structuredClone([...bySeq.values()].sort((a, b) => a.seq - b.seq)),
          ]),
        ),
      }),
    write(w) {
      if (w.op === 'put-entry') tab(w.tabId).set(w.entry.seq, structuredClone(w.entry));
      else if (w.op === 'put-request') {
        const entry = entries.get(w.tabId)?.get(w.seq);
        if (entry?.kind === 'message')
          tab(w.tabId).set(w.seq, { ...entry, record: { ...entry.record, request: w.request } });
      } else if (w.op === 'delete-entries') for (const seq of w.seqs) entries.get(w.tabId)?.delete(seq);
      else if (w.op === 'rewrite-tab')
        entries.set(
          w.tabId,
          new Map((live(w.tabId)?.entries ?? []).map((entry) => [entry.seq, structuredClone(entry)])),
        );
      else if (w.op === 'put-tab') states.set(w.state.tabId, { ...w.state });
      else {
        states.delete(w.tabId);
        entries.delete(w.tabId);
      }
    },
    rewriteFrom(source) {
      live = source;
    },
  };
}

export function memorySession(): SessionArea {
  const items: Record<string, unknown> = {};
  return {
    get: (key) => Promise.resolve(key in items ? { [key]: structuredClone(items[key]) } : {}),
    set: (next) => Promise.resolve(void Object.assign(items, structuredClone(next))),
  };
}
