/**
 * One life of the Chrome build's background for the capture tests: the pipeline as src/background/index.ts builds
 * it (the page hook reports every beacon and every Blob body), over the real BackgroundStore restored from `db`.
 * Calling `extensionWorker(db)` again is the worker Chrome starts after stopping the last one. Its rows read
 * `event | outcome status`, in timeline order; the events are plain data, as the background hands them over.
 */
import type { TimelineDb } from '../../../src/background/store/timeline-db';
import { BackgroundStore } from '../../../src/background/store/background-store';
import type { PageBody, PageCall, RequestStarted } from '../../../src/core/capture/events';
import { CapturePipeline } from '../../../src/core/capture/pipeline';
import { SenderPages } from '../../../src/core/capture/sender-pages';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings/user-settings';
import { validationModeOf } from '../../../src/shared/settings/validation-mode';

export const TAB = 3;
export const PAGE = 'https://shop.example/cart';
export const URL_B = 'https://acme.dataplane.rudderstack.com/v1/batch';
export const NO_BODY = 'no body yet';
const MODE = validationModeOf(DEFAULT_SETTINGS, null);

export async function extensionWorker(db: TimelineDb) {
  const store = new BackgroundStore(db, 1000);
  await store.ready;
  const capture = new CapturePipeline({
    timeline: store,
    senders: new SenderPages(null),
    hosts: () => [],
    mode: () => MODE,
    missingBodyReason: NO_BODY,
    pageBeacons: { graceMs: 2000 },
  });
  const rows = (tabId = TAB) =>
    store.snapshot(tabId).entries.flatMap((entry) => {
      if (entry.kind !== 'message') return [];
      const { payload, undecodable, request } = entry.record;
      const name = (payload as { event?: string } | null)?.event ?? undecodable?.reason;
      return [`${name} | ${request.outcome} ${request.status ?? ''}`.trimEnd()];
    });
  return { store, capture, rows };
}

/** How the page sent a call whose body the browser hides: a Blob beacon, or a Blob fetch. */
export type Transport = 'beacon' | 'fetch';

/** The browser's request of a Blob sent at `at` (it shows no body), named `id`. */
export function blobRequest(id: string, transport: Transport, at: number, tabId = TAB): RequestStarted {
  const type = transport === 'beacon' ? 'ping' : 'xmlhttprequest';
  return {
    requestId: id,
    tabId,
    frameId: 0,
    documentUrl: PAGE,
    url: URL_B,
    method: 'POST',
    type,
    timeStamp: at,
    body: null,
  };
}

const body = (event: string) => JSON.stringify({ batch: [{ type: 'track', event, anonymousId: 'a' }] });

/** The page hook's report of that Blob (its relay's id is `reportId`), handed to the pipeline as the background does. */
export function reportBlob(
  capture: CapturePipeline,
  transport: Transport,
  event: string,
  at: number,
  reportId: string,
  tabId = TAB,
): Promise<void> {
  const sent = { tabId, url: URL_B, method: 'POST', at, reportId };
  if (transport === 'fetch') return capture.pageBody({ ...sent, body: body(event) } satisfies PageBody);
  const call: PageCall = {
    ...{ ...sent, frameId: 0, documentUrl: PAGE, bodyVisible: false },
    body: { kind: 'text', text: body(event) },
  };
  return capture.pageCall(call);
}
