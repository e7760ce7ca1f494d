// Capture over a real store and tab lifecycle, with storage that outlives a "worker": the orders in
// which Chromium delivers a call, its outcome and the page's report of its body, across restarts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebRequest } from 'webextension-polyfill';
import { Capture } from '../../../src/background/capture';
import { DocumentBook } from '../../../src/background/documents';
import type { TimelineDb } from '../../../src/background/idb';
import { BackgroundStore } from '../../../src/background/background-store';
import { Tabs } from '../../../src/background/tabs';
import type { TimelineEntry } from '../../../src/protocol';
import { missingBodyReason } from '../../../src/platform';
import { DEFAULT_SETTINGS } from '../../../src/settings';
import { validationModeOf } from '../../../src/validation-settings';
import { fakeBrowserTabs, memorySession, persistentDb } from './fakes';

const DEFAULT_MODE = validationModeOf(DEFAULT_SETTINGS, null);

const TAB = 4;
const PAGE_A = 'https://shop.example/cart';
const PAGE_B = 'https://shop.example/thanks';
const URL_T = 'https://api.segment.io/v1/t';

type Details = WebRequest.OnBeforeRequestDetailsType & { documentId?: string };
let requestIds = 0;
/** A beacon Chromium shows without its body (a Blob), sent by `documentId`. */
function blobBeacon(at: number, documentId = 'doc-a', extra: Partial<Details> = {}): Details {
  return {
    requestId: `r${++requestIds}`,
    tabId: TAB,
    frameId: 0,
    url: URL_T,
    method: 'POST',
    type: 'ping',
    timeStamp: at,
    documentId,
    requestBody: { error: 'Unknown error.' },
    ...extra,
  } as Details;
}
const report = (event: string, at: number) => ({
  tabId: TAB,
  url: URL_T,
  method: 'POST',
  body: JSON.stringify({ type: 'track', event, anonymousId: 'a' }),
  at,
});

/** One life of the worker: a store restored from `db`, a document book from `session`. */
async function worker(
  db: TimelineDb,
  session = memorySession(),
  live: Record<string, { url: string; parentDocumentId?: string }> = {},
) {
  const store = new BackgroundStore(db, 1000);
  const documents = new DocumentBook(session);
  await Promise.all([store.ready, documents.load()]);
  const tabs = new Tabs(store, documents, fakeBrowserTabs([{ id: TAB, url: PAGE_B }], live));
  const capture = new Capture(
    store,
    tabs,
    () => DEFAULT_SETTINGS,
    () => DEFAULT_MODE,
  );
  await tabs.forgetStale();
  const rows = () =>
    store
      .snapshot(TAB)
      .entries.filter((e): e is Extract<TimelineEntry, { kind: 'message' }> => e.kind === 'message')
      .map((e) => ({
        name: (e.record.payload as { event?: string } | null)?.event ?? e.record.undecodable?.reason ?? '',
        page: e.record.pageUrl,
        status: e.record.request.status,
      }));
  return { store, documents, tabs, capture, rows };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Capture: a Blob body the page reports', () => {
  it('fills a call recorded before the report came, however late it comes', async () => {
    const { capture, tabs, rows } = await worker(persistentDb());
    tabs.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await capture.beforeRequest(blobBeacon(1000));
    expect(rows()).toEqual([{ name: missingBodyReason(), page: PAGE_A, status: null }]);
    vi.advanceTimersByTime(10_000); // the report reaches the worker 10 s later
    await capture.pageBody(report('Checkout', 1001));
    expect(rows()).toEqual([{ name: 'Checkout', page: PAGE_A, status: null }]);
  });

  it('fills it in the next life of a worker killed between the call and the report', async () => {
    const db = persistentDb();
    const session = memorySession();
    const first = await worker(db, session);
    first.tabs.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await first.capture.beforeRequest(blobBeacon(1000));
    vi.advanceTimersByTime(100); // the document book is saved
    const second = await worker(db, session);
    await second.capture.pageBody(report('Checkout', 1000));
    expect(second.rows()).toEqual([{ name: 'Checkout', page: PAGE_A, status: null }]);
  });

  it('keeps a report that came first until its call, and an outcome that came before its call', async () => {
    const { capture, rows } = await worker(persistentDb(), memorySession(), { 'doc-a': { url: PAGE_A } });
    void capture.pageBody(report('Early', 2000));
    const beacon = blobBeacon(2000);
    capture.completed({ ...beacon, statusCode: 200 } as unknown as WebRequest.OnCompletedDetailsType);
    vi.advanceTimersByTime(5000);
    await capture.beforeRequest(beacon);
    await vi.advanceTimersByTimeAsync(0); // the unknown document is looked up
    expect(rows()).toEqual([{ name: 'Early', page: PAGE_A, status: 200 }]);
  });
});

describe('Capture: the page that sent a call', () => {
  it('is the sending document, not the page the tab shows when the call is handled', async () => {
    const { capture, tabs, rows } = await worker(persistentDb());
    tabs.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    tabs.navigationStarted(TAB, PAGE_B, 900);
    tabs.documentCommitted('doc-b', { tabId: TAB, url: PAGE_B }, 0);
    await capture.beforeRequest(
      blobBeacon(950, 'doc-a', {
        requestBody: { raw: [{ bytes: new TextEncoder().encode('{"event":"Left","userId":"u"}').buffer }] },
      }),
    );
    expect(rows()).toEqual([{ name: 'Left', page: PAGE_A, status: null }]);
  });

  it("follows a single-page app's route changes by send time, whichever Chromium reports first", async () => {
    const { capture, tabs, rows } = await worker(persistentDb());
    const withBody = (event: string, at: number) =>
      blobBeacon(at, 'doc-a', {
        requestBody: { raw: [{ bytes: new TextEncoder().encode(JSON.stringify({ event, userId: 'u' })).buffer }] },
      });
    tabs.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await capture.beforeRequest(withBody('Before Route', 1000));
    await capture.beforeRequest(withBody('Right After Route', 2001)); // handled before the route change's own event
    tabs.documentRouted('doc-a', { tabId: TAB, url: `${PAGE_A}/step-2` }, 0, 2000);
    await capture.beforeRequest(withBody('Sent Before Route, Handled After', 1500));
    expect(rows().map((r) => `${r.name} @ ${r.page}`)).toEqual([
      `Before Route @ ${PAGE_A}`,
      `Sent Before Route, Handled After @ ${PAGE_A}`,
      `Right After Route @ ${PAGE_A}/step-2`,
    ]);
  });

  it("is an iframe's own URL, with the top page beside it", async () => {
    const { capture, tabs, store } = await worker(persistentDb());
    tabs.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    tabs.documentCommitted(
      'doc-frame',
      { tabId: TAB, url: 'https://widget.example/embed', parentDocumentId: 'doc-a' },
      3,
    );
    await capture.beforeRequest(blobBeacon(1000, 'doc-frame', { frameId: 3 }));
    const [entry] = store.snapshot(TAB).entries;
    expect(entry?.kind === 'message' && { page: entry.record.pageUrl, top: entry.record.topUrl }).toEqual({
      page: 'https://widget.example/embed',
      top: PAGE_A,
    });
  });

  it("names an iframe's first call again once its commit arrives, when the lookup found nothing", async () => {
    const { capture, tabs, store } = await worker(persistentDb());
    tabs.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await capture.beforeRequest(
      blobBeacon(1000, 'doc-frame', {
        frameId: 3,
        requestBody: { raw: [{ bytes: new TextEncoder().encode('{"event":"Early","userId":"u"}').buffer }] },
      }),
    );
    tabs.documentCommitted(
      'doc-frame',
      { tabId: TAB, url: 'https://widget.example/embed', parentDocumentId: 'doc-a' },
      3,
    );
    const pages = store
      .snapshot(TAB)
      .entries.flatMap((e) => (e.kind === 'message' ? [{ page: e.record.pageUrl, top: e.record.topUrl }] : []));
    expect(pages).toEqual([{ page: 'https://widget.example/embed', top: PAGE_A }]);
  });

  it('falls back to the tab URL only when the request names no document it can find', async () => {
    const { capture, rows } = await worker(persistentDb());
    await capture.beforeRequest(blobBeacon(1000, 'doc-gone'));
    await vi.advanceTimersByTimeAsync(0);
    expect(rows().map((r) => r.page)).toEqual([PAGE_B]);
  });

  it('in Firefox, is the documentUrl the request carries', async () => {
    const store = new BackgroundStore(persistentDb(), 1000);
    await store.ready;
    const tabs = new Tabs(store, null, fakeBrowserTabs([{ id: TAB, url: PAGE_B }]));
    const capture = new Capture(
      store,
      tabs,
      () => DEFAULT_SETTINGS,
      () => DEFAULT_MODE,
    );
    const framed = {
      frameId: 7,
      documentUrl: 'https://widget.example/embed',
      frameAncestors: [{ url: PAGE_A, frameId: 0 }],
    };
    await capture.beforeRequest(
      blobBeacon(1000, undefined, {
        documentUrl: PAGE_A,
        requestBody: { raw: [{ bytes: new TextEncoder().encode('{"event":"Top","userId":"u"}').buffer }] },
      }),
    );
    await capture.beforeRequest(
      blobBeacon(1001, undefined, {
        ...framed,
        requestBody: { raw: [{ bytes: new TextEncoder().encode('{"event":"Framed","userId":"u"}').buffer }] },
      }),
    );
    const pages = store
      .snapshot(TAB)
      .entries.map((e) => e.kind === 'message' && { page: e.record.pageUrl, top: e.record.topUrl });
    expect(pages).toEqual([
      { page: PAGE_A, top: undefined },
      { page: 'https://widget.example/embed', top: PAGE_A },
    ]);
  });

  it("in Firefox, follows a single-page app's pushState, but not into the next page's load", async () => {
    const store = new BackgroundStore(persistentDb(), 1000);
    await store.ready;
    const tabs = new Tabs(store, null, fakeBrowserTabs([]));
    const capture = new Capture(
      store,
      tabs,
      () => DEFAULT_SETTINGS,
      () => DEFAULT_MODE,
    );
    const sent = (event: string, at: number, documentUrl: string) =>
      capture.beforeRequest(
        blobBeacon(at, undefined, {
          documentUrl,
          requestBody: { raw: [{ bytes: new TextEncoder().encode(JSON.stringify({ event, userId: 'u' })).buffer }] },
        }),
      );
    tabs.navigationStarted(TAB, PAGE_A, 900);
    tabs.urlChanged(TAB, `${PAGE_A}/step-2`); // history.pushState: Firefox's documentUrl stays PAGE_A
    await sent('Routed', 1000, PAGE_A);
    tabs.navigationStarted(TAB, PAGE_B, 1100);
    await sent('Leaving', 1101, PAGE_A); // the old document's unload beacon
    const pages = store.snapshot(TAB).entries.flatMap((e) => (e.kind === 'message' ? [e.record.pageUrl] : []));
    expect(pages).toEqual([`${PAGE_A}/step-2`, PAGE_A]);
  });
});

describe('Capture: reports that are not tracking calls', () => {
  it('are acknowledged at once and not held: an upload sent as a Blob', async () => {
    const { capture } = await worker(persistentDb());
    const acknowledged = { upload: false, beacon: false };
    void capture
      .pageBody({ tabId: TAB, url: 'https://uploads.example/files', method: 'POST', body: 'x'.repeat(1000), at: 1000 })
      .then(() => (acknowledged.upload = true));
    void capture.pageBody(report('Held', 1000)).then(() => (acknowledged.beacon = true));
    await vi.advanceTimersByTimeAsync(0);
    // A tracking call's report waits for its call (up to the join window); the upload's does not.
    expect(acknowledged).toEqual({ upload: true, beacon: false });
  });
});
