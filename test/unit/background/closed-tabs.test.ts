// A closed tab's timeline is kept CLOSED_TAB_GRACE_MS for its last beacon, then deleted, in memory and in
// IndexedDB (fake-indexeddb here: the real timeline-db code). Nothing that arrives for the tab later brings it
// back: a request Chrome hands over late, a page report recorded after its grace period, an outcome, nor the same
// after the worker restarted. Nobody could see such a row: the tab's DevTools closed with it.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimelineDb, type TimelineDb } from '../../../src/background/store/timeline-db';
import { CLOSED_TAB_GRACE_MS } from '../../../src/core/capture/capture-host';
import { blobRequest, extensionWorker, reportBlob, TAB } from '../capture/extension-worker';

const OTHER_TAB = 8;

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  // fake-indexeddb works on setImmediate, which must stay real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The tab ids a worker started now would restore from IndexedDB. */
async function storedTabs(db: TimelineDb): Promise<number[]> {
  await db.flushed();
  return (await db.loadAll()).states.map((state) => state.tabId).sort();
}

/** A worker with a call in TAB and one in OTHER_TAB, and TAB closed. */
async function closedTab(db: TimelineDb) {
  const worker = await extensionWorker(db);
  worker.capture.tabsOpen([
    { id: TAB, url: 'https://shop.example/cart' },
    { id: OTHER_TAB, url: 'https://shop.example/' },
  ]);
  await worker.capture.requestStarted(blobRequest('1', 'fetch', 1000));
  await worker.capture.requestStarted(blobRequest('2', 'fetch', 1000, OTHER_TAB));
  worker.capture.tabClosed(TAB);
  return worker;
}

/** A worker that closed TAB and stopped before the grace period was over: what it wrote is stored, its timers gone. */
async function closedAndStopped(): Promise<void> {
  const db = createTimelineDb();
  await closedTab(db);
  await db.flushed();
  vi.clearAllTimers();
}

describe('A closed tab', () => {
  it('keeps its last beacon within the grace period, then its timeline goes, in memory and in storage', async () => {
    const db = createTimelineDb();
    const { capture, store, rows } = await closedTab(db);
    await capture.requestStarted(blobRequest('3', 'beacon', 1010)); // its pagehide beacon, handed over after the close
    expect(rows()).toEqual(['no body yet | pending', 'no body yet | pending']);
    await vi.advanceTimersByTimeAsync(CLOSED_TAB_GRACE_MS);
    expect(store.tabIds()).toEqual([OTHER_TAB]);
    expect(await storedTabs(db)).toEqual([OTHER_TAB]);
  });

  it('does not come back when a request, a report or an outcome arrives for it later', async () => {
    const db = createTimelineDb();
    const { capture, store } = await closedTab(db);
    await vi.advanceTimersByTimeAsync(CLOSED_TAB_GRACE_MS);
    const late = blobRequest('4', 'beacon', 1020);
    await capture.requestStarted(late);
    void reportBlob(capture, 'beacon', 'Unseen Beacon', 1030, 'report-5'); // no request: recorded after its grace
    capture.requestCompleted({ ...blobRequest('1', 'fetch', 1000), statusCode: 200 });
    capture.requestCompleted({ ...late, statusCode: 200 });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(store.tabIds()).toEqual([OTHER_TAB]);
    expect(await storedTabs(db)).toEqual([OTHER_TAB]);
  });

  it('does not come back in the next worker, which found it closed as it started', async () => {
    await closedAndStopped();
    const db = createTimelineDb();
    const next = await extensionWorker(db);
    next.capture.forgetTabsNotOpen([OTHER_TAB], true);
    await next.capture.requestStarted(blobRequest('6', 'beacon', 1040));
    void reportBlob(next.capture, 'beacon', 'Unseen Beacon', 1050, 'report-7');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(next.store.tabIds()).toEqual([OTHER_TAB]);
    expect(await storedTabs(db)).toEqual([OTHER_TAB]);
  });

  it('in a new browser session, is a new tab with the same id: its calls are kept', async () => {
    await closedAndStopped();
    const next = await extensionWorker(createTimelineDb());
    next.capture.forgetTabsNotOpen([], false); // the browser restarted: tab ids start again
    await next.capture.requestStarted(blobRequest('8', 'fetch', 9000));
    expect(next.rows()).toEqual(['no body yet | pending']);
  });
});
