// The real IndexedDB code over fake-indexeddb (an in-memory implementation of the spec). Only
// setTimeout is faked: fake-indexeddb runs its own work on setImmediate, which must stay real.
import 'fake-indexeddb/auto';
import { IDBDatabase as FakeIDBDatabase, IDBFactory, IDBObjectStore as FakeIDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimelineDb, type TimelineDb } from '../../../src/background/store/timeline-db';
import type { LogRecord } from '../../../src/background/store/timeline-log';
import type { TimelineEntry } from '../../../src/core/capture/timeline-entry';
import { messageEntry, PENDING_REQUEST } from './fakes';

const navigation = (seq: number, url = `https://a.example/${seq}`): TimelineEntry => ({
  kind: 'navigation',
  seq,
  url,
  at: seq,
});
const put = (tabId: number, entry: TimelineEntry) => ({ op: 'put-entry', tabId, entry }) as const;
const state = (tabId: number, nextSeq: number, dropped = 0) => ({ tabId, nextSeq, dropped });

/** Lets the zero-delay write run, and the transaction it began complete. */
const written = () => vi.advanceTimersByTimeAsync(0);

describe('the IndexedDB timeline store', () => {
  let db: TimelineDb;
  /** Writes what is pending and reads everything back (IndexedDB runs the read after the writes begun before it). */
  const committed = async () => {
    await db.flushed();
    return db.loadAll();
  };
  /** The log records put from now on. */
  const recordsPut = () => {
    const puts = vi.spyOn(FakeIDBObjectStore.prototype, 'put');
    return () => puts.mock.calls.map(([value]) => value as LogRecord).filter((value) => 'n' in value);
  };
  beforeEach(async () => {
    vi.stubGlobal('indexedDB', new IDBFactory()); // a fresh, empty database per test
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    db = createTimelineDb();
    await db.loadAll(); // opened (and upgraded) before any test starts counting time
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('writes what one task changed as one record per tab, in one transaction begun before the task ends', async () => {
    const transaction = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    const records = recordsPut();
    db.write(put(1, navigation(1, 'https://a.example/first')));
    db.write(put(1, navigation(2)));
    db.write({ op: 'put-tab', state: state(1, 2) });
    db.write(put(1, navigation(1, 'https://a.example/latest')));
    db.write({ op: 'put-tab', state: state(1, 3) });
    db.write(put(2, navigation(1)));
    expect(transaction).not.toHaveBeenCalled();
    await Promise.resolve(); // the task's microtasks: a worker stopped after this task keeps the write
    expect(transaction.mock.calls.filter(([, mode]) => mode === 'readwrite')).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(await db.loadAll()).toEqual({
      states: [state(1, 3), state(2, 2)],
      entries: new Map([
        [1, [navigation(1, 'https://a.example/latest'), navigation(2)]],
        [2, [navigation(1)]],
      ]),
    });
    expect(records().map(({ tabId, added, state }) => [tabId, added?.length, state])).toEqual([
      [1, 2, state(1, 3)],
      [2, 1, undefined],
    ]);
  });

  it('holds back what later tasks change (spaced writes, one at a time) and writes it together', async () => {
    const transaction = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    const readWrites = () => transaction.mock.calls.filter(([, mode]) => mode === 'readwrite').length;
    const records = recordsPut();
    db.write(put(1, navigation(1)));
    await Promise.resolve();
    expect(readWrites()).toBe(1);
    for (const seq of [2, 3]) {
      db.write(put(1, navigation(seq))); // other events, while the first write is unanswered
      await Promise.resolve();
    }
    db.write({ op: 'put-tab', state: state(1, 4) });
    await Promise.resolve();
    expect(readWrites()).toBe(1);
    // The first is answered: the next write begins in the task that hears it.
    await vi.waitFor(() => expect(readWrites()).toBe(2));
    expect(records().map(({ added, state }) => [added?.map((entry) => entry.seq), state])).toEqual([
      [[1], undefined],
      [[2, 3], state(1, 4)],
    ]);
    expect(vi.getTimerCount()).toBe(0);
    expect(await db.loadAll()).toEqual({
      states: [state(1, 4)],
      entries: new Map([[1, [navigation(1), navigation(2), navigation(3)]]]),
    });
  });

  it('commits the pending writes at once when asked (Firefox restarts its event page), no timer left', async () => {
    db.write(put(1, navigation(1)));
    db.write({ op: 'put-tab', state: state(1, 2) });
    await db.flushed();
    expect(vi.getTimerCount()).toBe(0);
    expect(await db.loadAll()).toEqual({ states: [state(1, 2)], entries: new Map([[1, [navigation(1)]]]) });
  });

  it('logs an outcome as the request alone, with the next write or 100 ms after it', async () => {
    db.write(put(1, messageEntry({ seq: 1, requestId: 'a' })));
    db.write(put(1, messageEntry({ seq: 2, requestId: 'b' })));
    await db.flushed();
    const records = recordsPut();
    const answered = { ...PENDING_REQUEST, outcome: 'status', status: 200 } as const;
    db.write({ op: 'put-request', tabId: 1, seq: 1, request: answered });
    await vi.advanceTimersByTimeAsync(99);
    expect(records()).toEqual([]);
    db.write(put(1, messageEntry({ seq: 3, requestId: 'c' }))); // takes it along
    await written();
    expect(records()).toEqual([
      { tabId: 1, n: 1, added: [messageEntry({ seq: 3, requestId: 'c' })], requests: [[1, answered]] },
    ]);
    db.write({ op: 'put-request', tabId: 1, seq: 2, request: answered });
    await vi.advanceTimersByTimeAsync(100);
    expect(records().at(-1)).toEqual({ tabId: 1, n: 2, requests: [[2, answered]] });
    expect((await createTimelineDb().loadAll()).entries.get(1)).toEqual([
      messageEntry({ seq: 1, requestId: 'a', request: answered }),
      messageEntry({ seq: 2, requestId: 'b', request: answered }),
      messageEntry({ seq: 3, requestId: 'c' }),
    ]);
  });

  it('drops the pending additions a removal undoes, and logs the removal of what was written before', async () => {
    db.write(put(1, navigation(1)));
    db.write(put(1, navigation(2)));
    await committed();
    const records = recordsPut();
    db.write(put(1, navigation(3)));
    db.write(put(1, navigation(4)));
    db.write({ op: 'delete-entries', tabId: 1, seqs: [1, 3] });
    db.write(put(1, navigation(3, 'https://a.example/again'))); // after the removal: it stays
    expect((await committed()).entries.get(1)).toEqual([
      navigation(2),
      navigation(3, 'https://a.example/again'),
      navigation(4),
    ]);
    expect(records()).toEqual([
      { tabId: 1, n: 1, added: [navigation(4), navigation(3, 'https://a.example/again')], removed: [1] },
    ]);
  });

  it('keeps a tab written again after its removal', async () => {
    db.write(put(1, navigation(1)));
    db.write({ op: 'put-tab', state: state(1, 2) });
    await committed();
    db.write({ op: 'delete-tab', tabId: 1 });
    db.write(put(1, navigation(1, 'https://a.example/late')));
    db.write({ op: 'put-tab', state: state(1, 2) });
    expect(await committed()).toEqual({
      states: [state(1, 2)],
      entries: new Map([[1, [navigation(1, 'https://a.example/late')]]]),
    });
  });

  it('loads each tab its entries in sequence order, and the tab states', async () => {
    for (const seq of [10, 2, 30]) db.write(put(2, navigation(seq)));
    for (const seq of [9, 1]) db.write(put(1, navigation(seq)));
    db.write({ op: 'put-tab', state: state(2, 31, 4) });
    db.write({ op: 'put-tab', state: state(1, 10) });
    const { states, entries } = await committed();
    expect(states).toEqual([state(1, 10), state(2, 31, 4)]);
    expect([...entries].map(([tabId, list]) => [tabId, list.map((e) => e.seq)])).toEqual([
      [1, [1, 9]],
      [2, [2, 10, 30]],
    ]);
  });

  it('removes a closed tab with all its records and leaves the others', async () => {
    for (const tabId of [1, 2]) {
      db.write(put(tabId, navigation(1)));
      db.write({ op: 'put-tab', state: state(tabId, 2) });
      await written();
      db.write(put(tabId, navigation(2)));
      db.write({ op: 'put-tab', state: state(tabId, 3) });
    }
    await committed();
    db.write({ op: 'delete-tab', tabId: 1 });
    expect(await committed()).toEqual({
      states: [state(2, 3)],
      entries: new Map([[2, [navigation(1), navigation(2)]]]),
    });
  });

  it('rewrites a tab as the entries it holds when asked (a re-validation, a clear)', async () => {
    let held = [navigation(1), navigation(2)];
    db.rewriteFrom((tabId) => (tabId === 1 ? { entries: held, state: state(1, 3) } : undefined));
    db.write(put(1, navigation(1)));
    db.write(put(1, navigation(2)));
    await committed();
    held = [navigation(2, 'https://a.example/revalidated')];
    db.write({ op: 'rewrite-tab', tabId: 1 });
    expect((await committed()).entries.get(1)).toEqual(held);
  });

  it('rewrites a log that outgrew what its tab holds, in records of 1,000 entries', async () => {
    const held: TimelineEntry[] = [];
    db.rewriteFrom(() => ({ entries: held, state: state(1, held.length + 1) }));
    // A full buffer of 1,500 that keeps its size: each new entry drops the oldest.
    for (let seq = 1; seq <= 1500; seq++) held.push(navigation(seq));
    for (const entry of held) db.write(put(1, entry));
    await written(); // 1,500 logged against none held before: written whole
    const records = recordsPut();
    for (let seq = 1501; seq <= 5500; seq++) {
      held.push(navigation(seq));
      db.write({ op: 'delete-entries', tabId: 1, seqs: [(held.shift() as TimelineEntry).seq] });
      db.write(put(1, navigation(seq)));
      if (seq % 100 === 0) await db.flushed();
    }
    // 100 new entries log 200 (added and removed): rewritten (as 1,000 + 500) each time the log holds over
    // 2 x 1,500 + 1,000, at seq 2,800, 4,100 and 5,400.
    expect(records().filter((record) => record.added?.length === 1000)).toHaveLength(3);
    expect((await db.loadAll()).entries.get(1)).toEqual(held);
  });

  it('never rewrites the log of a tab that only grows: each entry is put once', async () => {
    const held: TimelineEntry[] = [];
    db.rewriteFrom(() => ({ entries: held, state: state(1, held.length + 1) }));
    const records = recordsPut();
    for (let seq = 1; seq <= 10_000; seq++) {
      held.push(navigation(seq));
      db.write(put(1, navigation(seq)));
      if (seq % 50 === 0) await db.flushed();
    }
    expect(records().reduce((sum, record) => sum + (record.added?.length ?? 0), 0)).toBe(10_000);
    expect((await db.loadAll()).entries.get(1)).toEqual(held);
  });

  it("upgrades version 1's record per entry: each tab keeps what it held", async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const v1 = indexedDB.open('track-inspector', 1);
    v1.onupgradeneeded = () => {
      v1.result.createObjectStore('entries', { keyPath: ['tabId', 'seq'] });
      v1.result.createObjectStore('tabs', { keyPath: 'tabId' });
      const upgrade = v1.transaction as IDBTransaction;
      for (const [tabId, seq] of [
        [1, 1],
        [1, 2],
        [3, 7],
      ] as const)
        upgrade.objectStore('entries').put({ tabId, seq, entry: navigation(seq) });
      for (const tab of [state(1, 3), state(3, 9, 2)]) upgrade.objectStore('tabs').put(tab);
    };
    await new Promise((resolve) => (v1.onsuccess = resolve));
    v1.result.close();
    expect(await createTimelineDb().loadAll()).toEqual({
      states: [state(1, 3), state(3, 9, 2)],
      entries: new Map([
        [1, [navigation(1), navigation(2)]],
        [3, [navigation(7)]],
      ]),
    });
  });

  it('says once that a write failed, stores none of it, and still answers flushed()', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unstorable = { ...navigation(2), url: (() => 'a function') as unknown as string };
    db.write(put(1, navigation(1)));
    db.write(put(1, unstorable));
    await db.flushed();
    db.write(put(1, unstorable));
    await db.flushed();
    expect(error).toHaveBeenCalledOnce();
    expect((await db.loadAll()).entries.get(1)).toBeUndefined();
    db.write(put(1, navigation(3)));
    await db.flushed();
    expect((await db.loadAll()).entries.get(1)).toEqual([navigation(3)]);
  });

  it('after a failed write, the next write of that tab stores it whole, so a restarted worker does not replay a log with a hole', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const held = [navigation(1), navigation(2), navigation(3)];
    db.rewriteFrom((tabId) => (tabId === 1 ? { entries: held, state: state(1, 4) } : undefined));
    db.write(put(1, navigation(1)));
    await db.flushed();
    vi.spyOn(FakeIDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('the disk is full', 'QuotaExceededError');
    });
    db.write(put(1, navigation(2)));
    await db.flushed();
    db.write(put(1, navigation(3)));
    await db.flushed();
    expect(await createTimelineDb().loadAll()).toEqual({ states: [state(1, 4)], entries: new Map([[1, held]]) });
  });

  it('outlives the worker: a new connection loads what the last one committed', async () => {
    db.write(put(5, navigation(1)));
    db.write({ op: 'put-tab', state: state(5, 2) });
    await committed();
    expect(await createTimelineDb().loadAll()).toEqual({
      states: [state(5, 2)],
      entries: new Map([[5, [navigation(1)]]]),
    });
  });
});
