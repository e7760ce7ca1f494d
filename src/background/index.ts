/**
 * The background: a service worker in Chrome, background scripts in Firefox, from this one source.
 * Every listener is registered synchronously at the top level, because Chrome stops the worker
 * after ~30 s idle and only wakes it for listeners registered in its first turn. Handlers wait for
 * the stored timelines to load, in arrival order, then run synchronously.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { revalidateRecord } from '../core/inspect';
import { BEACON_RESOURCE_TYPE } from '../platform';
import { isPageBodyMessage } from '../protocol';
import { watchBadge } from './badge';
import { Capture, JOIN_WINDOW_MS } from './capture';
import { createTimelineDb } from './idb';
import { acceptPanels } from './panel-hub';
import { watchSettings } from './settings-watch';
import { CaptureStore } from './store';

const settings = watchSettings();
const db = createTimelineDb();

const app = settings.ready.then(async (initial) => {
  const store = new CaptureStore(db, initial.bufferSize);
  await store.ready;
  const capture = new Capture(store, settings.current);
  await forgetStaleTabs(store, capture);
  watchBadge(store);
  settings.onChange((next, previous) => {
    if (next.bufferSize !== previous.bufferSize) store.setCapacity(next.bufferSize);
    if (next.strict !== previous.strict) store.remapAll((entry) => (entry.kind === 'message' ? { ...entry, record: revalidateRecord(entry.record, next.strict) } : entry));
  });
  return { store, capture };
});
const storeReady = app.then(({ store }) => store);

const ALL_URLS = { urls: ['<all_urls>'] };
browser.webRequest.onBeforeRequest.addListener(
  (details) => {
    void app.then(({ capture }) => capture.beforeRequest(details));
    return undefined;
  },
  ALL_URLS,
  ['requestBody'],
);
// Header statuses matter only for beacons (see outcome.ts): no event for every other response.
browser.webRequest.onHeadersReceived.addListener(
  (details) => {
    void app.then(({ capture }) => capture.headersReceived(details));
    return undefined;
  },
  { urls: ['<all_urls>'], types: [BEACON_RESOURCE_TYPE] },
);
browser.webRequest.onCompleted.addListener((details) => void app.then(({ capture }) => capture.completed(details)), ALL_URLS);
browser.webRequest.onErrorOccurred.addListener((details) => void app.then(({ capture }) => capture.errorOccurred(details)), ALL_URLS);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (!isPageBodyMessage(message) || tabId === undefined) return undefined;
  const { url, method, body, sentAt } = message;
  void app.then(({ capture }) => capture.pageBody({ tabId, url, method, body, at: sentAt }));
  return undefined;
});

browser.runtime.onConnect.addListener(
  acceptPanels(storeReady, (tabId) => {
    void app.then(({ store, capture }) => {
      store.clear(tabId);
      capture.resetLinter(tabId);
    });
  }),
);

// The toolbar button opens this tab's Track panel as a page, beside DevTools or instead of it.
browser.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) void browser.tabs.create({ url: browser.runtime.getURL(`src/panel/panel.html?tabId=${tab.id}`) });
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.url) void app.then(({ capture }) => capture.setPageUrl(tabId, change.url as string));
});
browser.tabs.onRemoved.addListener((tabId) => {
  void app.then(({ store, capture }) => purgeWhenSettled(tabId, store, capture));
});

/** A closing tab's last beacon may still be joining its body: purge only once nothing waits. */
function purgeWhenSettled(tabId: number, store: CaptureStore, capture: Capture): void {
  setTimeout(() => {
    if (capture.joiner.waiting(tabId)) return purgeWhenSettled(tabId, store, capture);
    store.removeTab(tabId);
    capture.forgetTab(tabId);
  }, JOIN_WINDOW_MS + 500);
}

/** Timelines of tabs that closed while the worker was stopped, or in an earlier browser session. */
async function forgetStaleTabs(store: CaptureStore, capture: Capture): Promise<void> {
  const open = await browser.tabs.query({});
  const openIds = new Set(open.map((tab) => tab.id));
  for (const tab of open) if (tab.id !== undefined && tab.url) capture.setPageUrl(tab.id, tab.url);
  const session = await browser.storage.session.get('started');
  for (const tabId of store.tabIds()) {
    // Tab ids restart with the browser: an earlier session's timeline must not reach a new tab.
    if (!openIds.has(tabId) || !session['started']) store.removeTab(tabId);
  }
  await browser.storage.session.set({ started: true });
}
