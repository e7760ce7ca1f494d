/**
 * Timelines in IndexedDB, so they outlive the service worker (Chrome stops it after ~30 s idle)
 * and are as large as the buffer allows (storage.session holds only 10 MB in all).
 * Writes are coalesced (the latest write of an entry wins) and committed together every
 * FLUSH_MS: committing once per call slowed the page's own tracked requests on a busy machine
 * (bench:capture). Chrome stops an idle worker after ~30 s, far beyond this window.
 */
import type { TabState } from '../../core/capture/tab-timeline';
import type { TimelineEntry } from '../../core/capture/timeline-entry';

const DB_NAME = 'track-inspector';
const ENTRIES = 'entries'; // key [tabId, seq]
const TABS = 'tabs'; // key tabId

interface StoredEntry {
  readonly tabId: number;
  readonly seq: number;
  readonly entry: TimelineEntry;
}

type Write =
  | { readonly op: 'put-entry'; readonly tabId: number; readonly entry: TimelineEntry }
  | { readonly op: 'delete-entries'; readonly tabId: number; readonly seqs: readonly number[] }
  | { readonly op: 'put-tab'; readonly state: TabState }
  | { readonly op: 'delete-tab'; readonly tabId: number };

export interface TimelineDb {
  loadAll(): Promise<{ states: TabState[]; entries: Map<number, TimelineEntry[]> }>;
  write(write: Write): void;
  /** Commits the pending writes now; resolves once everything written so far is stored. */
  flushed(): Promise<void>;
}

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function openDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(DB_NAME, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore(ENTRIES, { keyPath: ['tabId', 'seq'] });
    request.result.createObjectStore(TABS, { keyPath: 'tabId' });
  };
  return promised(request);
}

const FLUSH_MS = 25;
const FLUSH_NOW_AT = 500;

/** Pending writes in order, where a later write of the same key replaces the earlier one. */
function keyOf(write: Write): string | null {
  if (write.op === 'put-entry') return `e${write.tabId}:${write.entry.seq}`;
  if (write.op === 'put-tab') return `t${write.state.tabId}`;
  return null;
}

export function createTimelineDb(): TimelineDb {
  const db = openDb();
  let queue = new Map<string | symbol, Write>();
  let flushing: Promise<void> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const batch = [...queue.values()];
    queue = new Map();
    flushing = flushing
      .then(() => commit(batch))
      .catch((error: unknown) => console.error('track-inspector: storage write failed', error));
  }

  function enqueue(write: Write): void {
    const key = keyOf(write);
    if (key === null) {
      // A delete supersedes pending puts of what it deletes, and keeps its place in the order.
      if (write.op === 'delete-entries') for (const seq of write.seqs) queue.delete(`e${write.tabId}:${seq}`);
      queue.set(Symbol(), write);
    } else {
      queue.delete(key); // re-inserted at the end: order follows the latest write
      queue.set(key, write);
    }
    if (queue.size >= FLUSH_NOW_AT) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  }

  async function commit(batch: readonly Write[]): Promise<void> {
    const tx = (await db).transaction([ENTRIES, TABS], 'readwrite');
    const entries = tx.objectStore(ENTRIES);
    const tabs = tx.objectStore(TABS);
    for (const w of batch) {
      if (w.op === 'put-entry') entries.put({ tabId: w.tabId, seq: w.entry.seq, entry: w.entry } satisfies StoredEntry);
      else if (w.op === 'delete-entries') for (const seq of w.seqs) entries.delete([w.tabId, seq]);
      else if (w.op === 'put-tab') tabs.put({ ...w.state });
      else {
        entries.delete(IDBKeyRange.bound([w.tabId, -Infinity], [w.tabId, Infinity]));
        tabs.delete(w.tabId);
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  }

  return {
    async loadAll() {
      const tx = (await db).transaction([ENTRIES, TABS], 'readonly');
      const [states, stored] = await Promise.all([
        promised(tx.objectStore(TABS).getAll() as IDBRequest<TabState[]>),
        promised(tx.objectStore(ENTRIES).getAll() as IDBRequest<StoredEntry[]>),
      ]);
      const entries = new Map<number, TimelineEntry[]>();
      for (const s of stored) {
        const list = entries.get(s.tabId);
        if (list) list.push(s.entry);
        else entries.set(s.tabId, [s.entry]);
      }
      return { states, entries }; // getAll returns key order: [tabId, seq] ascending
    },
    write: enqueue,
    flushed() {
      if (queue.size) flush();
      return flushing;
    },
  };
}
