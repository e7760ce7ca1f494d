/**
 * The one place that knows Chrome from Firefox at run time: capability flags, decided at build time
 * by vite's `define`. Manifest differences live in scripts/manifest.ts.
 */
declare const __BROWSER__: 'chrome' | 'firefox';

export const BROWSER: 'chrome' | 'firefox' = typeof __BROWSER__ === 'undefined' ? 'chrome' : __BROWSER__;

/**
 * Chromium's webRequest hides Blob bodies, so a page relay fills them in (content scripts in the
 * Chrome build only); Firefox's webRequest hands them over itself.
 */
export const HAS_PAGE_RELAY = BROWSER === 'chrome';

/**
 * The Chrome build's page hook reports every beacon the page sends, and a beacon webRequest does not
 * show within this long is recorded from the report: Edge 132+ shows extensions no `ping` request
 * (MicrosoftEdge-Extensions#228), and Chrome could follow. A request that comes later still joins it.
 */
export const PAGE_BEACONS = HAS_PAGE_RELAY ? { graceMs: 2000 } : undefined;

/**
 * How the background learns which document sent a request. Firefox's webRequest says it
 * (`documentUrl`, and `frameAncestors` up to the top page). Chromium's names only a `documentId`,
 * so the Chrome build keeps a book of documents from webNavigation.onCommitted (its `webNavigation`
 * permission adds no install warning beside host access to all sites; in Firefox it would).
 */
export const REQUESTS_NAME_THEIR_DOCUMENT_URL = BROWSER === 'firefox';

/** The webRequest resource type of navigator.sendBeacon. */
export const BEACON_RESOURCE_TYPE = BROWSER === 'chrome' ? 'ping' : 'beacon';

/**
 * How the background hears calls to the user's hosts from its very start. A stopped background is
 * woken only by listeners it had registered, and the user's hosts are in storage.local, which it can
 * read only after its first turn. Probed in Chromium 156 and Firefox ESR 153 (docs/capture.md,
 * "Your hosts across a stopped background"):
 * - 'catch-all' (Chromium): listeners added at any time wake the stopped worker, and the events
 *   that woke it go to the listeners its new first turn registered whose filters match them (a
 *   listener added after the storage read often misses them). So the first turn registers a
 *   catch-all, which takes those events and is removed once the hosts are read.
 * - 'mirror' (Firefox): only listeners registered in the event page's first turn wake it again
 *   (they are "primed", keyed by their filter), and a removed one keeps waking it until the next
 *   start, so a catch-all would wake it for every request. The page keeps the user's host filters in
 *   its localStorage, which its first turn reads synchronously, and restarts itself when a host is
 *   added, so that the new host's listener is primed too.
 */
export const USER_HOSTS_FROM_START: 'catch-all' | 'mirror' = BROWSER === 'chrome' ? 'catch-all' : 'mirror';

/** What a row says when neither webRequest nor the page relay gave the call's body. */
export const MISSING_BODY_REASON = HAS_PAGE_RELAY
  ? 'Chromium did not expose this body to extensions and the page has not reported it ' +
    '(for example a Blob sent from a worker)'
  : 'the browser did not expose this body to extensions';
