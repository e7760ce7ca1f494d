// The real IndexedDB code over fake-indexeddb (an in-memory implementation of the spec). Only
// setTimeout is faked: fake-indexeddb runs its own work on setImmediate, which must stay real.
import 'fake-indexeddb/auto';
import { IDBDatabase as FakeIDBDatabase, IDBFactory, IDBObjectStore as FakeIDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimelineDb, type TimelineDb } from '../../../src/background/store/timeline-db';
import type { TimelineEntry } from '../../../src/core/capture/timeline-entry';

const FLUSH_MS = 25;
const navigation = (seq: number, url = `https://a.example/${seq}`): TimelineEntry => ({
  kind: 'navigation',
  seq,
  url,
  at: seq,
});
const put = (tabId: number, entry: TimelineEntry) => ({ op: 'put-entry', tabId, entry }) as const;

/** Advances the clock, running what the timers started up to their first wait (the flush opens its transaction). */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('the IndexedDB timeline store', () => {
  let db: TimelineDb;
  /**
   * Lets FLUSH_MS pass and reads everything back. IndexedDB runs a read after the write transaction
   * the flush opened before it, so the read sees that write, and once it is answered that write has
   * completed: the next flush starts at once instead of queueing behind it.
   */
  const committed = async () => {
    await pass(FLUSH_MS);
    return db.loadAll();
  };
  beforeEach(async () => {
    vi.stubGlobal('indexedDB', new IDBFactory()); // a fresh, empty database per test
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    db = createTimelineDb();
    await db.loadAll(); // opened (and upgraded) before any test starts counting time
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('commits coalesced writes together once FLUSH_MS has passed, the latest write of an entry winning', async () => {
    const transaction = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    db.write(put(1, navigation(1, 'https://a.example/first')));
    db.write(put(1, navigation(2)));
    db.write({ op: 'put-tab', state: { tabId: 1, nextSeq: 2, dropped: 0 } });
    db.write(put(1, navigation(1, 'https://a.example/latest')));
    db.write({ op: 'put-tab', state: { tabId: 1, nextSeq: 3, dropped: 0 } });
    await pass(FLUSH_MS - 1);
    expect(await db.loadAll()).toEqual({ states: [], entries: new Map() });

    await pass(1);
    expect(await db.loadAll()).toEqual({
      states: [{ tabId: 1, nextSeq: 3, dropped: 0 }],
      entries: new Map([[1, [navigation(1, 'https://a.example/latest'), navigation(2)]]]),
    });
    const writes = transaction.mock.calls.filter(([, mode]) => mode === 'readwrite');
    expect(writes).toHaveLength(1);
  });

  it('commits the pending writes at once when asked (Firefox restarts its event page), no timer left', async () => {
    db.write(put(1, navigation(1)));
    db.write({ op: 'put-tab', state: { tabId: 1, nextSeq: 2, dropped: 0 } });
    await db.flushed();
    expect(vi.getTimerCount()).toBe(0);
    expect(await db.loadAll()).toEqual({
      states: [{ tabId: 1, nextSeq: 2, dropped: 0 }],
      entries: new Map([[1, [navigation(1)]]]),
    });
  });

  it('commits at once when 500 writes are pending', async () => {
    for (let seq = 1; seq <= 500; seq++) db.write(put(1, navigation(seq)));
    expect(vi.getTimerCount()).toBe(0);
    await pass(0);
    expect((await db.loadAll()).entries.get(1)).toHaveLength(500);
  });

  it('drops the pending puts of entries a delete removes, and keeps the delete for what was committed', async () => {
    db.write(put(1, navigation(1)));
    db.write(put(1, navigation(2)));
    await committed();
    const puts = vi.spyOn(FakeIDBObjectStore.prototype, 'put');
    db.write(put(1, navigation(1, 'https://a.example/changed')));
    db.write(put(1, navigation(3)));
    db.write(put(1, navigation(4)));
    db.write({ op: 'delete-entries', tabId: 1, seqs: [1, 3] });
    db.write(put(1, navigation(3, 'https://a.example/again'))); // after the delete: it stays
    expect((await committed()).entries.get(1)).toEqual([
      navigation(2),
      navigation(3, 'https://a.example/again'),
      navigation(4),
    ]);
    expect(puts.mock.calls.map(([stored]) => (stored as { entry: TimelineEntry }).entry)).toEqual([
      navigation(4),
      navigation(3, 'https://a.example/again'),
    ]);
  });

  it('orders writes by the latest write of each key: a tab written again after its removal stays', async () => {
    db.write(put(1, navigation(1)));
    db.write({ op: 'put-tab', state: { tabId: 1, nextSeq: 2, dropped: 0 } });
    db.write({ op: 'delete-tab', tabId: 1 });
    db.write(put(1, navigation(1, 'https://a.example/late')));
    db.write({ op: 'put-tab', state: { tabId: 1, nextSeq: 2, dropped: 0 } });
    expect(await committed()).toEqual({
      states: [{ tabId: 1, nextSeq: 2, dropped: 0 }],
      entries: new Map([[1, [navigation(1, 'https://a.example/late')]]]),
    });
  });

  it('loads each tab its entries in sequence order, and the tab states', async () => {
    for (const seq of [10, 2, 30]) db.write(put(2, navigation(seq)));
    for (const seq of [9, 1]) db.write(put(1, navigation(seq)));
    db.write({ op: 'put-tab', state: { tabId: 2, nextSeq: 31, dropped: 4 } });
    db.write({ op: 'put-tab', state: { tabId: 1, nextSeq: 10, dropped: 0 } });
    const { states, entries } = await committed();
    expect(states).toEqual([
      { tabId: 1, nextSeq: 10, dropped: 0 },
      { tabId: 2, nextSeq: 31, dropped: 4 },
    ]);
    expect([...entries].map(([tabId, list]) => [tabId, list.map((e) => e.seq)])).toEqual([
      [1, [1, 9]],
      [2, [2, 10, 30]],
    ]);
  });

  it('removes a closed tab with all its entries and leaves the others', async () => {
    for (const tabId of [1, 2]) {
      db.write(put(tabId, navigation(1)));
      db.write(put(tabId, navigation(2)));
      db.write({ op: 'put-tab', state: { tabId, nextSeq: 3, dropped: 0 } });
    }
    await committed();
    db.write({ op: 'delete-tab', tabId: 1 });
    expect(await committed()).toEqual({
      states: [{ tabId: 2, nextSeq: 3, dropped: 0 }],
      entries: new Map([[2, [navigation(1), navigation(2)]]]),
    });
  });

  it('outlives the worker: a new connection loads what the last one committed', async () => {
    db.write(put(5, navigation(1)));
    db.write({ op: 'put-tab', state: { tabId: 5, nextSeq: 2, dropped: 0 } });
    await committed();
    const restarted = createTimelineDb();
    expect(await restarted.loadAll()).toEqual({
      states: [{ tabId: 5, nextSeq: 2, dropped: 0 }],
      entries: new Map([[5, [navigation(1)]]]),
    });
  });
});
