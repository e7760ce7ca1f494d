/**
 * Timelines in IndexedDB, so they outlive the service worker (Chrome stops it after ~30 s idle) and are as large as
 * the buffer allows (storage.session holds only 10 MB in all). Kept as a log (timeline-log.ts): one record per tab
 * per write, what changed since the last one. When a write goes, and what a stopped worker can lose:
 * write-schedule.ts.
 */
import type { TabState } from '../../core/capture/tab-timeline';
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import type { RequestInfo } from '../../core/record';
import { LOG, openTimelineDb, promised, tabRange } from './open-timeline-db';
import { TabLogs } from './tab-logs';
import { UnansweredWrites } from './unanswered-writes';
import { WriteSchedule } from './write-schedule';
import { loggedCount, replayLog, TabChanges, type LogRecord } from './timeline-log';

export type Write =
  /** A new entry, or one replaced whole. */
  | { readonly op: 'put-entry'; readonly tabId: number; readonly entry: TimelineEntry }
  /** A message's request changed (its outcome came). */
  | { readonly op: 'put-request'; readonly tabId: number; readonly seq: number; readonly request: RequestInfo }
  | { readonly op: 'delete-entries'; readonly tabId: number; readonly seqs: readonly number[] }
  /** The tab's stored entries replaced by those it holds when the write goes (after a re-validation, a clear). */
  | { readonly op: 'rewrite-tab'; readonly tabId: number }
  | { readonly op: 'put-tab'; readonly state: TabState }
  | { readonly op: 'delete-tab'; readonly tabId: number };

/** What each tab holds now (the background store's timelines): what a rewrite writes. */
export type LiveTimelines = (
  tabId: number,
) => { readonly entries: readonly TimelineEntry[]; readonly state: TabState } | undefined;

export interface TimelineDb {
  loadAll(): Promise<{ states: TabState[]; entries: Map<number, TimelineEntry[]> }>;
  write(write: Write): void;
  /** Commits the pending writes now; resolves once everything written so far is stored. */
  flushed(): Promise<void>;
  /** Where rewrites read a tab from. Without it, a tab's log is never compacted. */
  rewriteFrom(live: LiveTimelines): void;
}

/** What one write does to one tab, in this order. */
interface TabWrite {
  readonly deleted: boolean;
  rewrite: boolean;
  readonly changes: TabChanges;
}

export function createTimelineDb(): TimelineDb {
  let opened: IDBDatabase | null = null;
  const open = openTimelineDb().then((db) => (opened = db));
  const logs = new TabLogs();
  let live: LiveTimelines | null = null;
  let pending = new Map<number, TabWrite>();
  /**
   * Tabs whose last write failed (quota, a value that cannot be stored): their log may lack that write's changes while
   * `logs` counted them, so the next write of each rewrites it whole from what the tab holds. Not retried at once: a
   * write that fails for good would otherwise repeat every few milliseconds.
   */
  const rewriteNext = new Set<number>();
  const unanswered = new UnansweredWrites(() => schedule.answered());
  const schedule = new WriteSchedule(
    write,
    () => unanswered.inFlight,
    () => pending.size > 0,
  );

  const pendingFor = (tabId: number, deleted = false): TabWrite => {
    let tab = pending.get(tabId);
    if (!tab || deleted) pending.set(tabId, (tab = { deleted, rewrite: false, changes: new TabChanges() }));
    return tab;
  };

  function enqueue(write: Write): void {
    if (write.op === 'put-request') {
      pendingFor(write.tabId).changes.setRequest(write.seq, write.request);
      schedule.outcome();
      return;
    }
    if (write.op === 'put-tab') pendingFor(write.state.tabId).changes.state = write.state;
    else if (write.op === 'put-entry') pendingFor(write.tabId).changes.add(write.entry);
    else if (write.op === 'delete-entries') pendingFor(write.tabId).changes.remove(write.seqs);
    else if (write.op === 'rewrite-tab') pendingFor(write.tabId).rewrite = true;
    else pendingFor(write.tabId, true);
    schedule.changed();
  }

  function write(): boolean {
    const batch = pending;
    pending = new Map();
    if (!batch.size) return false;
    unanswered.expect();
    // Begun in this task when the database is open (always, once the store has loaded).
    if (opened) begin(opened, batch);
    else
      open.then(
        (db) => begin(db, batch),
        (error: unknown) => {
          unanswered.failed(error);
          failedBatch(batch);
        },
      );
    return true;
  }

  function begin(db: IDBDatabase, batch: ReadonlyMap<number, TabWrite>): void {
    let tx: IDBTransaction | null = null;
    try {
      tx = db.transaction(LOG, 'readwrite', { durability: 'relaxed' });
      putAll(tx.objectStore(LOG), batch);
      tx.commit(); // now, not once the puts are answered
      unanswered.watch(tx, () => failedBatch(batch));
    } catch (error) {
      unanswered.failed(error); // a value that cannot be stored, a closing connection
      failedBatch(batch);
      try {
        tx?.abort(); // nothing half-written
      } catch {
        /* it had ended already */
      }
    }
  }

  function failedBatch(batch: ReadonlyMap<number, TabWrite>): void {
    for (const tabId of batch.keys()) rewriteNext.add(tabId);
  }

  function putAll(log: IDBObjectStore, batch: ReadonlyMap<number, TabWrite>): void {
    for (const [tabId, { deleted, rewrite, changes }] of batch) {
      const repair = rewriteNext.delete(tabId);
      if (deleted) {
        log.delete(tabRange(tabId));
        logs.forget(tabId);
      }
      const held = live?.(tabId);
      if (held && (rewrite || repair || logs.outgrown(tabId, changes.logged, held.entries.length))) {
        log.delete(tabRange(tabId));
        for (const record of logs.rewrite(tabId, held.entries, { ...held.state })) log.put(record);
      } else if (!changes.empty) log.put(changes.toRecord(tabId, logs.append(tabId, changes.logged)));
    }
  }

  return {
    async loadAll() {
      const tx = (await open).transaction(LOG, 'readonly');
      // getAll returns key order, [tabId, n]: each tab's log in order.
      const records = await promised(tx.objectStore(LOG).getAll() as IDBRequest<LogRecord[]>);
      const byTab = new Map<number, LogRecord[]>();
      for (const record of records) {
        const list = byTab.get(record.tabId);
        if (list) list.push(record);
        else byTab.set(record.tabId, [record]);
      }
      const states: TabState[] = [];
      const entries = new Map<number, TimelineEntry[]>();
      for (const [tabId, list] of byTab) {
        const replayed = replayLog(list);
        const nextSeq = (replayed.entries.at(-1)?.seq ?? 0) + 1;
        states.push(replayed.state ?? { tabId, nextSeq, dropped: 0 });
        if (replayed.entries.length) entries.set(tabId, replayed.entries);
        const logged = list.reduce((sum, record) => sum + loggedCount(record), 0);
        logs.loaded(tabId, (list.at(-1) as LogRecord).n + 1, logged);
      }
      return { states, entries };
    },
    write: enqueue,
    flushed() {
      schedule.now();
      return unanswered.all();
    },
    rewriteFrom(source) {
      live = source;
    },
  };
}
