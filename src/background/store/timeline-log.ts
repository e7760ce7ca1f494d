/**
 * How a tab's timeline is kept in IndexedDB: a log of records, each what one write changed (entries added, outcomes
 * given, entries removed, the tab's state), replayed in order when a worker starts. One record per tab per write,
 * however many calls it carries: each record costs the worker a request and its answer. A tab whose log holds much
 * that later records undid is rewritten as the entries it holds (tab-logs.ts).
 */
import type { TabState } from '../../core/capture/tab-timeline';
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import type { RequestInfo } from '../../core/record';

export interface LogRecord {
  readonly tabId: number;
  /** The record's place in its tab's log: replayed in this order. */
  readonly n: number;
  /** Entries added, or replaced whole (the latest record of a seq wins). */
  readonly added?: readonly TimelineEntry[];
  /** Outcomes: the new request of the message `seq`. Applied after `added`. */
  readonly requests?: readonly (readonly [number, RequestInfo])[];
  /** Seqs removed. Applied last. */
  readonly removed?: readonly number[];
  /** The tab's state after this record (the latest record's wins). */
  readonly state?: TabState;
}

/** The entries a record adds or removes: what makes a tab's log outgrow what it holds (tab-logs.ts). */
export function loggedCount(record: LogRecord): number {
  return (record.added?.length ?? 0) + (record.removed?.length ?? 0);
}

/** What one write changes in one tab, gathered as the store reports it. */
export class TabChanges {
  private readonly added = new Map<number, TimelineEntry>();
  private readonly requests = new Map<number, RequestInfo>();
  private readonly removed = new Set<number>();
  /** The tab's state, read when the record is made (the store keeps changing the object). */
  state: TabState | null = null;

  add(entry: TimelineEntry): void {
    this.added.set(entry.seq, entry);
    this.requests.delete(entry.seq); // the entry carries its request
    this.removed.delete(entry.seq);
  }

  setRequest(seq: number, request: RequestInfo): void {
    this.requests.set(seq, request);
  }

  remove(seqs: readonly number[]): void {
    for (const seq of seqs) {
      this.added.delete(seq);
      this.requests.delete(seq);
      this.removed.add(seq); // an earlier record may hold it
    }
  }

  get empty(): boolean {
    return this.state === null && this.added.size + this.requests.size + this.removed.size === 0;
  }

  /** The entries added or removed (loggedCount of its record). */
  get logged(): number {
    return this.added.size + this.removed.size;
  }

  toRecord(tabId: number, n: number): LogRecord {
    return {
      tabId,
      n,
      ...(this.added.size > 0 && { added: [...this.added.values()] }),
      ...(this.requests.size > 0 && { requests: [...this.requests] }),
      ...(this.removed.size > 0 && { removed: [...this.removed] }),
      ...(this.state && { state: { ...this.state } }),
    };
  }
}

/** Records holding exactly `entries`, `chunk` entries each, numbered from `n`; the last one holds the state. */
export function rewriteRecords(
  tabId: number,
  n: number,
  entries: readonly TimelineEntry[],
  state: TabState,
  chunk: number,
): LogRecord[] {
  const records: LogRecord[] = [];
  for (let i = 0; i === 0 || i < entries.length; i += chunk) {
    const last = i + chunk >= entries.length;
    records.push({ tabId, n: n + records.length, added: entries.slice(i, i + chunk), ...(last && { state }) });
  }
  return records;
}

/** One tab's records, in log order -> the entries it holds, in sequence order, and its state. */
export function replayLog(records: readonly LogRecord[]): { entries: TimelineEntry[]; state: TabState | null } {
  const bySeq = new Map<number, TimelineEntry>();
  let state: TabState | null = null;
  for (const record of records) {
    for (const entry of record.added ?? []) bySeq.set(entry.seq, entry);
    for (const [seq, request] of record.requests ?? []) {
      const entry = bySeq.get(seq);
      if (entry?.kind === 'message') bySeq.set(seq, { ...entry, record: { ...entry.record, request } });
    }
    for (const seq of record.removed ?? []) bySeq.delete(seq);
    state = record.state ?? state;
  }
  return { entries: [...bySeq.values()].sort((a, b) => a.seq - b.seq), state };
}
