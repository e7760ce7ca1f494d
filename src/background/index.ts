/**
 * The background: a service worker in Chrome, background scripts in Firefox, from this one source.
 * It is the extension's host of the capture pipeline (core/capture): listen/ hears the browser,
 * capture/ and tabs/ turn its events into the pipeline's, store/ keeps the timelines, hub/ serves
 * the panels.
 *
 * Every listener is registered synchronously at the top level, because Chrome stops the worker
 * after ~30 s idle and only wakes it for listeners registered in its first turn (the user's hosts,
 * read from storage later, are the exception: listen/listen.ts says how a stopped background still
 * hears them). Handlers wait for the stored timelines to load, in arrival order, then run
 * (synchronously, but for a call whose sending document Chromium must look up).
 */
import browser from 'webextension-polyfill';
import { DocumentBook } from '../core/capture/document-book';
import { CapturePipeline } from '../core/capture/pipeline';
import { SenderPages } from '../core/capture/sender-pages';
import { MISSING_BODY_REASON, PAGE_BEACONS, REQUESTS_NAME_THEIR_DOCUMENT_URL } from '../shared/capabilities';
import { watchSettings } from '../shared/settings/settings-watch';
import { hostPatterns } from '../shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../shared/settings/validation-mode';
import { listenToPageReports } from './capture/page-reports';
import { pipelineHandlers } from './capture/web-request-events';
import { watchBadge } from './hub/badge';
import { acceptPanels } from './hub/panel-ports';
import { openPanelOnToolbarClick } from './hub/toolbar-button';
import { listen } from './listen/listen';
import { BackgroundStore } from './store/background-store';
import { keepValidated } from './store/keep-validated';
import { createTimelineDb } from './store/timeline-db';
import { listenToTabs } from './tabs/tab-events';
import { lookupDocument, reportTabsAtStart } from './tabs/browser-tabs';
import { whenStarted, type WhenStarted } from './when-started';

const settings = watchSettings();
const db = createTimelineDb();
const documents = REQUESTS_NAME_THEIR_DOCUMENT_URL ? null : new DocumentBook(browser.storage.session);

/** What messages are validated with: the defaults until the settings are read, then follows them. */
let mode: ValidationMode = validationModeOf(settings.current().user, null);

const app = settings.ready.then(async (initial) => {
  const store = new BackgroundStore(db, initial.user.bufferSize);
  await Promise.all([store.ready, documents?.load()]);
  mode = validationModeOf(initial.user, initial.planFile);
  const pipeline = new CapturePipeline({
    timeline: store,
    senders: new SenderPages(documents, lookupDocument),
    hosts: () => hostPatterns(settings.current().user),
    mode: () => mode,
    missingBodyReason: MISSING_BODY_REASON,
    ...(PAGE_BEACONS && { pageBeacons: PAGE_BEACONS }),
  });
  await reportTabsAtStart(pipeline).catch((error: unknown) =>
    console.error('track-inspector: closed tabs could not be listed; their timelines stay', error),
  );
  watchBadge(store);
  const validated = await keepValidated(store);
  // Read from the watch, not from the change: storage.onChanged may have fired while this worker started.
  const follow = () => {
    const { user, planFile } = settings.current();
    mode = validationModeOf(user, planFile);
    const problem = mode.summary.planProblem;
    if (problem)
      console.error(`track-inspector: the stored tracking plan cannot be used (${problem}); validating without it`);
    validated.sync(mode);
  };
  follow();
  settings.onChange((next, previous) => {
    if (next.user.bufferSize !== previous.user.bufferSize) store.setCapacity(next.user.bufferSize);
    follow();
  });
  return { store, pipeline };
});
const withApp = whenStarted(app);
const withPipeline: WhenStarted<CapturePipeline> = (handle) => withApp(({ pipeline }) => handle(pipeline));

// Only tracking calls, the user's hosts' calls and navigations reach the background (listen/listen.ts).
listen(pipelineHandlers(withPipeline), settings, () => db.flushed());
listenToTabs(withPipeline, documents !== null);
listenToPageReports({
  body: (body) => app.then(({ pipeline }) => pipeline.pageBody(body)),
  beacon: (call) => app.then(({ pipeline }) => pipeline.pageCall(call)),
  routes: (routes) => app.then(({ pipeline }) => pipeline.pageRoutes(routes)),
});
browser.runtime.onConnect.addListener(
  acceptPanels(
    app.then(({ store }) => store),
    (tabId, before) =>
      withApp(({ store, pipeline }) => {
        store.clear(tabId, before);
        pipeline.resetLinter(tabId);
      }),
    () => mode.summary,
  ),
);
openPanelOnToolbarClick();
