// The capture pipeline over the background's real store, with storage that outlives a "worker": the
// orders in which Chromium delivers a call, its outcome and the page's report of its body, across
// restarts. The events are the pipeline's own plain data, as any host hands them over.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentBook, type DocumentInfo } from '../../../src/core/capture/document-book';
import type { RequestStarted } from '../../../src/core/capture/events';
import { CapturePipeline } from '../../../src/core/capture/pipeline';
import { SenderPages } from '../../../src/core/capture/sender-pages';
import type { MessageEntry } from '../../../src/core/capture/timeline-entry';
import { BackgroundStore } from '../../../src/background/store/background-store';
import type { TimelineDb } from '../../../src/background/store/timeline-db';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings/user-settings';
import { validationModeOf } from '../../../src/shared/settings/validation-mode';
import { memorySession, persistentDb } from '../background/fakes';

const DEFAULT_MODE = validationModeOf(DEFAULT_SETTINGS, null);
const MISSING_BODY = 'the browser did not expose this body';

const TAB = 4;
const PAGE_A = 'https://shop.example/cart';
const PAGE_B = 'https://shop.example/thanks';
const URL_T = 'https://api.segment.io/v1/t';

type Started = RequestStarted & { readonly type: string };
let requestIds = 0;
/** A beacon the browser shows without its body (a Blob), sent by `documentId`. */
function blobBeacon(at: number, documentId: string | undefined = 'doc-a', extra: Partial<Started> = {}): Started {
  return {
    requestId: `r${++requestIds}`,
    tabId: TAB,
    frameId: 0,
    url: URL_T,
    method: 'POST',
    type: 'ping',
    timeStamp: at,
    ...(documentId !== undefined ? { documentId } : {}),
    body: null,
    ...extra,
  };
}
/** A body the browser exposed: the message as JSON bytes. */
const sentBody = (message: object) => ({
  body: { kind: 'bytes' as const, parts: [new TextEncoder().encode(JSON.stringify(message)).buffer] },
});
const report = (event: string, at: number) => ({
  tabId: TAB,
  url: URL_T,
  method: 'POST',
  body: JSON.stringify({ type: 'track', event, anonymousId: 'a' }),
  at,
});

/** Documents Chromium can still find though the book missed their commit. */
function lookupIn(live: Record<string, { url: string; parentDocumentId?: string }>) {
  return (tabId: number, _frameId: number, documentId: string): Promise<DocumentInfo | null> => {
    const found = live[documentId];
    return Promise.resolve(found ? { tabId, ...found } : null);
  };
}

/** A pipeline over a store restored from `db`; `documents` null is Firefox (requests name their document URL). */
function pipelineOver(store: BackgroundStore, senders: SenderPages) {
  return new CapturePipeline({
    timeline: store,
    senders,
    hosts: () => [],
    mode: () => DEFAULT_MODE,
    missingBodyReason: MISSING_BODY,
  });
}

/** One life of the worker: a store restored from `db`, a document book from `session`. */
async function worker(
  db: TimelineDb,
  session = memorySession(),
  live: Record<string, { url: string; parentDocumentId?: string }> = {},
) {
  const store = new BackgroundStore(db, 1000);
  const documents = new DocumentBook(session);
  await Promise.all([store.ready, documents.load()]);
  const capture = pipelineOver(store, new SenderPages(documents, lookupIn(live)));
  capture.tabsOpen([{ id: TAB, url: PAGE_B }]);
  capture.forgetTabsNotOpen([TAB], true);
  const rows = () =>
    store
      .snapshot(TAB)
      .entries.filter((e): e is MessageEntry => e.kind === 'message')
      .map((e) => ({
        name: (e.record.payload as { event?: string } | null)?.event ?? e.record.undecodable?.reason ?? '',
        page: e.record.pageUrl,
        status: e.record.request.status,
      }));
  return { store, documents, capture, rows };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Capture pipeline: a Blob body the page reports', () => {
  it('fills a call recorded before the report came, however late it comes', async () => {
    const { capture, rows } = await worker(persistentDb());
    capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await capture.requestStarted(blobBeacon(1000));
    expect(rows()).toEqual([{ name: MISSING_BODY, page: PAGE_A, status: null }]);
    vi.advanceTimersByTime(10_000); // the report reaches the worker 10 s later
    await capture.pageBody(report('Checkout', 1001));
    expect(rows()).toEqual([{ name: 'Checkout', page: PAGE_A, status: null }]);
  });

  it('fills it in the next life of a worker killed between the call and the report', async () => {
    const db = persistentDb();
    const session = memorySession();
    const first = await worker(db, session);
    first.capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await first.capture.requestStarted(blobBeacon(1000));
    vi.advanceTimersByTime(100); // the document book is saved
    const second = await worker(db, session);
    await second.capture.pageBody(report('Checkout', 1000));
    expect(second.rows()).toEqual([{ name: 'Checkout', page: PAGE_A, status: null }]);
  });

  it('keeps a report that came first until its call, and an outcome that came before its call', async () => {
    const { capture, rows } = await worker(persistentDb(), memorySession(), { 'doc-a': { url: PAGE_A } });
    void capture.pageBody(report('Early', 2000));
    const beacon = blobBeacon(2000);
    capture.requestCompleted({ ...beacon, statusCode: 200 });
    vi.advanceTimersByTime(5000);
    await capture.requestStarted(beacon);
    await vi.advanceTimersByTimeAsync(0); // the unknown document is looked up
    expect(rows()).toEqual([{ name: 'Early', page: PAGE_A, status: 200 }]);
  });
});

describe('Capture pipeline: the page that sent a call', () => {
  it('is the sending document, not the page the tab shows when the call is handled', async () => {
    const { capture, rows } = await worker(persistentDb());
    capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    capture.navigationStarted(TAB, PAGE_B, 900);
    capture.documentCommitted('doc-b', { tabId: TAB, url: PAGE_B }, 0);
    await capture.requestStarted(
      blobBeacon(950, 'doc-a', {
        ...sentBody({ event: 'Left', userId: 'u' }),
      }),
    );
    expect(rows()).toEqual([{ name: 'Left', page: PAGE_A, status: null }]);
  });

  it("follows a single-page app's route changes by send time, whichever Chromium reports first", async () => {
    const { capture, rows } = await worker(persistentDb());
    const withBody = (event: string, at: number) =>
      blobBeacon(at, 'doc-a', {
        ...sentBody({ event, userId: 'u' }),
      });
    capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await capture.requestStarted(withBody('Before Route', 1000));
    await capture.requestStarted(withBody('Right After Route', 2001)); // handled before the route change's own event
    capture.documentRouted('doc-a', { tabId: TAB, url: `${PAGE_A}/step-2` }, 0, 2000);
    await capture.requestStarted(withBody('Sent Before Route, Handled After', 1500));
    expect(rows().map((r) => `${r.name} @ ${r.page}`)).toEqual([
      `Before Route @ ${PAGE_A}`,
      `Sent Before Route, Handled After @ ${PAGE_A}`,
      `Right After Route @ ${PAGE_A}/step-2`,
    ]);
  });

  describe("in a task that changed the route, the page's own order (Chromium's page hook)", () => {
    const STEP_2 = `${PAGE_A}/step-2`;
    const STEP_3 = `${PAGE_A}/step-3`;
    const withBody = (event: string, at: number) => blobBeacon(at, 'doc-a', sentBody({ event, userId: 'u' }));
    const sent = (pageUrl: string, sentAt: number) => ({ url: URL_T, method: 'POST', pageUrl, sentAt });

    it('names calls the browser timed after both route changes of their task, whichever comes first', async () => {
      const { capture, rows } = await worker(persistentDb());
      capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
      // One task: pushState(step-2), call, call, pushState(step-3). The browser times both route changes
      // at once and the calls after them; the first call is handled before the page's report, the second after.
      capture.documentRouted('doc-a', { tabId: TAB, url: STEP_2 }, 0, 2000);
      capture.documentRouted('doc-a', { tabId: TAB, url: STEP_3 }, 0, 2000);
      await capture.requestStarted(withBody('After Step 2', 2003));
      capture.pageRoutes({ tabId: TAB, documentId: 'doc-a', sends: [sent(STEP_2, 2000), sent(STEP_2, 2000)] });
      await capture.requestStarted(withBody('Also Under Step 2', 2004));
      expect(rows().map((r) => `${r.name} @ ${r.page}`)).toEqual([
        `After Step 2 @ ${STEP_2}`,
        `Also Under Step 2 @ ${STEP_2}`,
      ]);
    });

    it("keeps the page's name when the browser's route change comes after it", async () => {
      const { capture, rows } = await worker(persistentDb());
      capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
      capture.documentRouted('doc-a', { tabId: TAB, url: STEP_2 }, 0, 2000);
      await capture.requestStarted(withBody('Before Step 3', 2003));
      capture.pageRoutes({ tabId: TAB, documentId: 'doc-a', sends: [sent(STEP_2, 2001)] });
      capture.documentRouted('doc-a', { tabId: TAB, url: STEP_3 }, 0, 2002);
      expect(rows().map((r) => `${r.name} @ ${r.page}`)).toEqual([`Before Step 3 @ ${STEP_2}`]);
    });

    it('pairs each reported send with a call sent no earlier, in order, and ignores sends to other URLs', async () => {
      const { capture, rows } = await worker(persistentDb());
      capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
      await capture.requestStarted(withBody('Long Before', 1000));
      await capture.requestStarted(withBody('First', 2001));
      await capture.requestStarted(withBody('Second', 2002));
      capture.pageRoutes({
        tabId: TAB,
        documentId: 'doc-a',
        sends: [
          { url: 'https://cdn.example/app.js', method: 'GET', pageUrl: STEP_2, sentAt: 2000 },
          sent(STEP_2, 2000),
          sent(STEP_3, 2000),
        ],
      });
      expect(rows().map((r) => `${r.name} @ ${r.page}`)).toEqual([
        `Long Before @ ${PAGE_A}`,
        `First @ ${STEP_2}`,
        `Second @ ${STEP_3}`,
      ]);
    });
  });

  it("is an iframe's own URL, with the top page beside it", async () => {
    const { capture, store } = await worker(persistentDb());
    capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    capture.documentCommitted(
      'doc-frame',
      { tabId: TAB, url: 'https://widget.example/embed', parentDocumentId: 'doc-a' },
      3,
    );
    await capture.requestStarted(blobBeacon(1000, 'doc-frame', { frameId: 3 }));
    const [entry] = store.snapshot(TAB).entries;
    expect(entry?.kind === 'message' && { page: entry.record.pageUrl, top: entry.record.topUrl }).toEqual({
      page: 'https://widget.example/embed',
      top: PAGE_A,
    });
  });

  it("names an iframe's first call again once its commit arrives, when the lookup found nothing", async () => {
    const { capture, store } = await worker(persistentDb());
    capture.documentCommitted('doc-a', { tabId: TAB, url: PAGE_A }, 0);
    await capture.requestStarted(
      blobBeacon(1000, 'doc-frame', {
        frameId: 3,
        ...sentBody({ event: 'Early', userId: 'u' }),
      }),
    );
    capture.documentCommitted(
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
    await capture.requestStarted(blobBeacon(1000, 'doc-gone'));
    await vi.advanceTimersByTimeAsync(0);
    expect(rows().map((r) => r.page)).toEqual([PAGE_B]);
  });

  it('in Firefox, is the documentUrl the request carries', async () => {
    const store = new BackgroundStore(persistentDb(), 1000);
    await store.ready;
    const capture = pipelineOver(store, new SenderPages(null));
    capture.tabsOpen([{ id: TAB, url: PAGE_B }]);
    capture.forgetTabsNotOpen([TAB], true);
    const framed = {
      frameId: 7,
      documentUrl: 'https://widget.example/embed',
      frameAncestors: [{ url: PAGE_A, frameId: 0 }],
    };
    await capture.requestStarted(
      blobBeacon(1000, undefined, {
        documentUrl: PAGE_A,
        ...sentBody({ event: 'Top', userId: 'u' }),
      }),
    );
    await capture.requestStarted(
      blobBeacon(1001, undefined, {
        ...framed,
        ...sentBody({ event: 'Framed', userId: 'u' }),
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
    const capture = pipelineOver(store, new SenderPages(null));
    const sent = (event: string, at: number, documentUrl: string) =>
      capture.requestStarted(
        blobBeacon(at, undefined, {
          documentUrl,
          ...sentBody({ event, userId: 'u' }),
        }),
      );
    capture.navigationStarted(TAB, PAGE_A, 900);
    capture.tabUrlChanged(TAB, `${PAGE_A}/step-2`); // history.pushState: Firefox's documentUrl stays PAGE_A
    await sent('Routed', 1000, PAGE_A);
    capture.navigationStarted(TAB, PAGE_B, 1100);
    await sent('Leaving', 1101, PAGE_A); // the old document's unload beacon
    const pages = store.snapshot(TAB).entries.flatMap((e) => (e.kind === 'message' ? [e.record.pageUrl] : []));
    expect(pages).toEqual([`${PAGE_A}/step-2`, PAGE_A]);
  });
});

describe('Capture pipeline: reports that are not tracking calls', () => {
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
