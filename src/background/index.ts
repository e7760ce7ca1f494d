/**
 * The background: a service worker in Chrome, background scripts in Firefox, from this one source.
 * Every listener is registered synchronously at the top level, because Chrome stops the worker
 * after ~30 s idle and only wakes it for listeners registered in its first turn (the user's hosts,
 * read from storage later, are the exception: listen.ts says how a stopped background still hears
 * them). Handlers wait for the stored timelines to load, in arrival order, then run (synchronously,
 * but for a call whose sending document Chromium must look up).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { REQUESTS_NAME_THEIR_DOCUMENT_URL } from '../platform';
import { isPageBodyMessage } from '../protocol';
import { DEFAULT_SETTINGS } from '../settings';
import { watchBadge } from './badge';
import { Capture } from './capture';
import { browserTabs } from './browser-tabs';
import { DocumentBook } from './documents';
import { createTimelineDb } from './idb';
import { listen } from './listen';
import { acceptPanels } from './panel-hub';
import { RecentIds } from './recent-ids';
import { validationModeOf, type ValidationMode } from '../validation-settings';
import { keepValidated } from './keep-validated';
import { watchSettings } from './settings-watch';
import { BackgroundStore } from './background-store';
import { Tabs } from './tabs';

const settings = watchSettings();
const db = createTimelineDb();
const documents = REQUESTS_NAME_THEIR_DOCUMENT_URL ? null : new DocumentBook(browser.storage.session);

/** What messages are validated with: the defaults until the settings are read, then follows them. */
let mode: ValidationMode = validationModeOf(DEFAULT_SETTINGS, null);

const app = settings.ready.then(async (initial) => {
  const store = new BackgroundStore(db, initial.settings.bufferSize);
  await Promise.all([store.ready, documents?.load()]);
  const tabs = new Tabs(store, documents, browserTabs);
  mode = validationModeOf(initial.settings, initial.plan);
  const capture = new Capture(
    store,
    tabs,
    () => settings.current().settings,
    () => mode,
  );
  await tabs
    .forgetStale()
    .catch((error: unknown) =>
      console.error('track-inspector: closed tabs could not be listed; their timelines stay', error),
    );
  watchBadge(store);
  const validated = await keepValidated(store);
  // Read from the watch, not from the change: storage.onChanged may have fired while this worker started.
  const follow = () => {
    const { settings: current, plan } = settings.current();
    mode = validationModeOf(current, plan);
    if (mode.settings.planProblem)
      console.error(
        `track-inspector: the stored tracking plan cannot be used (${mode.settings.planProblem}); validating without it`,
      );
    validated.sync(mode);
  };
  follow();
  settings.onChange((next, previous) => {
    if (next.settings.bufferSize !== previous.settings.bufferSize) store.setCapacity(next.settings.bufferSize);
    follow();
  });
  return { store, capture, tabs };
});
type App = Awaited<typeof app>;
let reported = false;
/**
 * Runs `handle` once the background has started. The first failure is logged (later ones would
 * repeat it on every event) and
 * stays with its event: the next event is handled as usual, so capture goes on.
 */
function withApp(handle: (started: App) => void | Promise<void>): void {
  app.then(handle).catch((error: unknown) => {
    if (!reported) console.error('track-inspector: an event could not be handled; capture goes on', error);
    reported = true;
  });
}
const storeReady = app.then(({ store }) => store);

// Only tracking calls, the user's hosts' calls and navigations reach the background (listen.ts).
listen(
  {
    beforeRequest: (details) => withApp(({ capture }) => capture.beforeRequest(details)),
    headersReceived: (details) => withApp(({ capture }) => capture.headersReceived(details)),
    completed: (details) => withApp(({ capture }) => capture.completed(details)),
    errorOccurred: (details) => withApp(({ capture }) => capture.errorOccurred(details)),
  },
  settings,
  () => db.flushed(),
);

if (documents) {
  // Chromium: which document each request names by its documentId (see documents.ts). A
  // single-page app's route change (history.pushState, a #fragment) keeps the document and
  // changes its URL: the book follows it.
  const documentOf = (details: { tabId: number; url: string }) => {
    const { documentId, parentDocumentId } = details as typeof details & {
      documentId?: string;
      parentDocumentId?: string;
    };
    if (details.tabId < 0 || documentId === undefined) return null;
    return {
      documentId,
      info: { tabId: details.tabId, url: details.url, ...(parentDocumentId ? { parentDocumentId } : {}) },
    };
  };
  browser.webNavigation.onCommitted.addListener((details) => {
    const document = documentOf(details);
    if (document) withApp(({ tabs }) => tabs.documentCommitted(document.documentId, document.info, details.frameId));
  });
  const routed = (details: { tabId: number; frameId: number; url: string; timeStamp: number }) => {
    const document = documentOf(details);
    if (document)
      withApp(({ tabs }) =>
        tabs.documentRouted(document.documentId, document.info, details.frameId, details.timeStamp),
      );
  };
  browser.webNavigation.onHistoryStateUpdated.addListener(routed);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(routed);
}

const reportsSeen = new RecentIds(1000);
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const tabId = sender.tab?.id;
  if (!isPageBodyMessage(message) || tabId === undefined) return undefined;
  const { id, url, method, body, sentAt } = message;
  // A relay re-sends a report whose acknowledgement never came; this worker may have had it already.
  if (!reportsSeen.add(id)) return Promise.resolve(true);
  return app.then(({ capture }) => capture.pageBody({ tabId, url, method, body, at: sentAt })).then(() => true);
});

browser.runtime.onConnect.addListener(
  acceptPanels(
    storeReady,
    (tabId, before) => {
      withApp(({ store, capture }) => {
        store.clear(tabId, before);
        capture.resetLinter(tabId);
      });
    },
    () => mode.settings,
  ),
);

// The toolbar button opens this tab's Track panel as a page, beside DevTools or instead of it.
browser.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined)
    void browser.tabs.create({ url: browser.runtime.getURL(`src/panel/panel.html?tabId=${tab.id}`) });
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  const url = change.url;
  if (url) withApp(({ tabs }) => tabs.urlChanged(tabId, url));
});
browser.tabs.onRemoved.addListener((tabId) => {
  withApp(({ tabs }) => tabs.closed(tabId));
});
