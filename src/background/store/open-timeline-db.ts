/**
 * The timelines' IndexedDB database: its one store, the log (timeline-log.ts), and the upgrade from version 1,
 * which kept one record per entry and the tab states apart (each tab keeps what it held, as log records).
 */
import type { TabState } from '../../core/capture/tab-timeline';
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import { rewriteRecords } from './timeline-log';

const DB_NAME = 'track-inspector';
const VERSION = 2;
/** Log records (timeline-log.ts), key [tabId, n]. */
export const LOG = 'log';
/** Version 1's stores: one record { tabId, seq, entry } per entry, and each tab's TabState. */
const ENTRIES_V1 = 'entries';
const TABS_V1 = 'tabs';
/** Entries per record when a tab's whole timeline is written at once. */
export const CHUNK = 1000;

export function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Every record of one tab. */
export const tabRange = (tabId: number) => IDBKeyRange.bound([tabId, -Infinity], [tabId, Infinity]);

export function openTimelineDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB_NAME, VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore(LOG, { keyPath: ['tabId', 'n'] });
    if (db.objectStoreNames.contains(ENTRIES_V1)) moveToLog(db, request.transaction as IDBTransaction);
  };
  return promised(request);
}

function moveToLog(db: IDBDatabase, upgrade: IDBTransaction): void {
  const readEntries = upgrade.objectStore(ENTRIES_V1).getAll() as IDBRequest<{ tabId: number; entry: TimelineEntry }[]>;
  const readStates = upgrade.objectStore(TABS_V1).getAll() as IDBRequest<TabState[]>;
  readStates.onsuccess = () => {
    const byTab = new Map<number, TimelineEntry[]>();
    for (const { tabId, entry } of readEntries.result) {
      const entries = byTab.get(tabId);
      if (entries) entries.push(entry);
      else byTab.set(tabId, [entry]);
    }
    const states = new Map(readStates.result.map((state) => [state.tabId, state]));
    const log = upgrade.objectStore(LOG);
    for (const tabId of new Set([...states.keys(), ...byTab.keys()])) {
      const entries = byTab.get(tabId) ?? [];
      const state = states.get(tabId) ?? { tabId, nextSeq: (entries.at(-1)?.seq ?? 0) + 1, dropped: 0 };
      for (const record of rewriteRecords(tabId, 0, entries, state, CHUNK)) log.put(record);
    }
    db.deleteObjectStore(ENTRIES_V1);
    db.deleteObjectStore(TABS_V1);
  };
}
