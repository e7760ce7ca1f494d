import { describe, expect, it, vi } from 'vitest';
import type { TimelineDb } from '../../../src/background/store/timeline-db';
import { BackgroundStore } from '../../../src/background/store/background-store';
import type { TimelineEntry } from '../../../src/core/capture/timeline-entry';
import { messageEntry, PENDING_REQUEST } from './fakes';

const navigation =
  (url: string) =>
  (seq: number): TimelineEntry => ({ kind: 'navigation', seq, url, at: seq });

function memoryDb(stored: Awaited<ReturnType<TimelineDb['loadAll']>> | Error) {
  const writes: unknown[] = [];
  const db: TimelineDb = {
    loadAll: () => (stored instanceof Error ? Promise.reject(stored) : Promise.resolve(stored)),
    write: (w) => void writes.push(w),
    flushed: () => Promise.resolve(),
    rewriteFrom: () => undefined,
  };
  return { db, writes };
}

describe('BackgroundStore', () => {
  it('restores what a stopped worker had stored and continues its numbering', async () => {
    const entry: TimelineEntry = { kind: 'navigation', seq: 7, url: 'https://a.example/', at: 7 };
    const { db } = memoryDb({ states: [{ tabId: 3, nextSeq: 8, dropped: 2 }], entries: new Map([[3, [entry]]]) });
    const store = new BackgroundStore(db, 100);
    await store.ready;
    store.append(3, navigation('https://a.example/next'));
    expect(store.snapshot(3)).toEqual({
      entries: [entry, { kind: 'navigation', seq: 8, url: 'https://a.example/next', at: 8 }],
      dropped: 2,
    });
  });

  it('tells listeners about additions and persists them and the tab state', async () => {
    const { db, writes } = memoryDb({ states: [], entries: new Map() });
    const store = new BackgroundStore(db, 100);
    await store.ready;
    const added = vi.fn();
    store.listen({ added, updated: vi.fn(), replaced: vi.fn(), reset: vi.fn(), removed: vi.fn() });
    store.append(1, navigation('https://b.example/'));
    expect(added).toHaveBeenCalledWith(1, [expect.objectContaining({ url: 'https://b.example/' })], 0);
    expect(writes.map((w) => (w as { op: string }).op)).toEqual(['put-entry', 'put-tab']);
  });

  it('gives a message its outcome in place, and persists the request alone', async () => {
    const { db, writes } = memoryDb({ states: [], entries: new Map() });
    const store = new BackgroundStore(db, 100);
    await store.ready;
    store.append(1, (seq) => messageEntry({ seq, requestId: 'call' }));
    const [entry] = store.snapshot(1).entries;
    writes.length = 0;
    const answered = { ...PENDING_REQUEST, outcome: 'status', status: 204 } as const;
    store.updateRequest(1, 'call', answered);
    expect(store.snapshot(1).entries[0]).toBe(entry);
    expect(entry?.kind === 'message' && entry.record.request).toEqual(answered);
    expect(writes).toEqual([{ op: 'put-request', tabId: 1, seq: 1, request: answered }]);
  });

  it('clears up to the click and keeps a call sent after it, whichever the background hears of first', async () => {
    const { db, writes } = memoryDb({ states: [], entries: new Map() });
    const store = new BackgroundStore(db, 100);
    await store.ready;
    const reset = vi.fn();
    store.listen({ added: vi.fn(), updated: vi.fn(), replaced: vi.fn(), reset, removed: vi.fn() });
    store.append(1, [
      (seq) => messageEntry({ seq, requestId: 'before', at: 1_000 }),
      (seq) => messageEntry({ seq, requestId: 'at', at: 2_000 }),
    ]);
    // Sent after the click, heard of before it.
    store.append(1, (seq) => messageEntry({ seq, requestId: 'after', at: 2_001 }));
    writes.length = 0;
    store.clear(1, 2_000);
    expect(store.snapshot(1).entries.map((entry) => entry.kind === 'message' && entry.requestId)).toEqual(['after']);
    expect(store.requestOf(1, 'before')).toBeUndefined();
    expect(store.requestOf(1, 'after')).toBeDefined();
    expect(writes).toEqual([{ op: 'rewrite-tab', tabId: 1 }, expect.objectContaining({ op: 'put-tab' })]);
    expect(reset).toHaveBeenCalledExactlyOnceWith(1);
  });

  it("forgets a closed tab's timeline, deletes it from storage and tells listeners (the badge forgets the tab too)", async () => {
    const { db, writes } = memoryDb({ states: [], entries: new Map() });
    const store = new BackgroundStore(db, 100);
    await store.ready;
    const removed = vi.fn();
    store.listen({ added: vi.fn(), updated: vi.fn(), replaced: vi.fn(), reset: vi.fn(), removed });
    store.append(4, navigation('https://d.example/'));
    store.removeTab(4);
    expect(store.tabIds()).toEqual([]);
    expect(writes.at(-1)).toEqual({ op: 'delete-tab', tabId: 4 });
    expect(removed).toHaveBeenCalledExactlyOnceWith(4);
  });

  it('keeps capturing in memory when storage cannot be opened', async () => {
    const { db } = memoryDb(new Error('IndexedDB unavailable'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = new BackgroundStore(db, 100);
    await store.ready;
    store.append(1, navigation('https://c.example/'));
    expect(store.snapshot(1).entries).toHaveLength(1);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/capturing in memory only/), expect.any(Error));
    error.mockRestore();
  });
});
