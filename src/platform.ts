/**
 * The one place that knows Chrome from Firefox at run time (decided at build time by vite's
 * `define`). Manifest differences live in scripts/manifest.ts.
 */
declare const __BROWSER__: 'chrome' | 'firefox';

export const BROWSER: 'chrome' | 'firefox' = typeof __BROWSER__ === 'undefined' ? 'chrome' : __BROWSER__;

/**
 * Chromium's webRequest hides Blob bodies, so a page relay fills them in (content scripts in the
 * Chrome build only); Firefox's webRequest hands them over itself.
 */
export const HAS_PAGE_RELAY = BROWSER === 'chrome';

/**
 * How the background learns which document sent a request. Firefox's webRequest says it
 * (`documentUrl`, and `frameAncestors` up to the top page). Chromium's names only a `documentId`,
 * so the Chrome build keeps a book of documents from webNavigation.onCommitted (its `webNavigation`
 * permission adds no install warning beside host access to all sites; in Firefox it would).
 */
export const REQUESTS_NAME_THEIR_DOCUMENT_URL = BROWSER === 'firefox';

/** The webRequest resource type of navigator.sendBeacon: Chromium says `ping`, Firefox `beacon`. */
export const BEACON_RESOURCE_TYPES = { chrome: 'ping', firefox: 'beacon' } as const;
export const BEACON_RESOURCE_TYPE = BEACON_RESOURCE_TYPES[BROWSER];

/**
 * How the background hears calls to the user's hosts from its very start. A stopped background is
 * woken only by listeners it had registered, and the user's hosts are in storage.local, which it can
 * read only after its first turn. Probed in Chromium 156 and Firefox ESR 153 (README, "What is
 * listened to"):
 * - 'catch-all' (Chromium): listeners added at any time wake the stopped worker, and the events
 *   that woke it go to the listeners its new first turn registered whose filters match them (a
 *   listener added after the storage read missed them 3 times in 5). So the first turn registers a
 *   catch-all, which takes those events and is removed once the hosts are read.
 * - 'mirror' (Firefox): only listeners registered in the event page's first turn wake it again
 *   (they are "primed", keyed by their filter), and a removed one keeps waking it until the next
 *   start, so a catch-all would wake it for every request. The page keeps the user's host filters in
 *   its localStorage, which its first turn reads synchronously, and restarts itself when a host is
 *   added, so that the new host's listener is primed too.
 */
export const USER_HOSTS_FROM_START: 'catch-all' | 'mirror' = BROWSER === 'chrome' ? 'catch-all' : 'mirror';

/** Firefox: starts the event page afresh, so the listeners of its new first turn are the ones primed. */
export function restartBackgroundPage(): void {
  location.reload();
}

export function missingBodyReason(): string {
  return HAS_PAGE_RELAY
    ? 'Chromium did not expose this body to extensions and the page has not reported it (for example a Blob sent from a worker)'
    : 'the browser did not expose this body to extensions';
}

type Theme = 'light' | 'dark';

interface DevtoolsPanelsApi {
  themeName?: string;
  onThemeChanged?: { addListener(listener: (name: string) => void): void };
  setThemeChangeHandler?: (listener: (name: string) => void) => void;
}

/**
 * The DevTools theme, and its changes. Chrome names them 'default' / 'dark' and offers
 * setThemeChangeHandler; Firefox names them 'light' / 'dark' and fires onThemeChanged. Outside
 * DevTools (the panel opened as a page), the system's colour scheme decides.
 */
export function watchDevtoolsTheme(apply: (theme: Theme) => void): void {
  const api = globalThis as unknown as {
    browser?: { devtools?: { panels?: DevtoolsPanelsApi } };
    chrome?: { devtools?: { panels?: DevtoolsPanelsApi } };
  };
  const panels = (BROWSER === 'firefox' ? api.browser : api.chrome)?.devtools?.panels;
  const toTheme = (name: string | undefined): Theme => (name === 'dark' ? 'dark' : 'light');
  if (panels?.themeName) {
    apply(toTheme(panels.themeName));
    panels.onThemeChanged?.addListener((name) => apply(toTheme(name)));
    panels.setThemeChangeHandler?.((name) => apply(toTheme(name)));
    return;
  }
  const query = matchMedia('(prefers-color-scheme: dark)');
  apply(query.matches ? 'dark' : 'light');
  query.addEventListener('change', () => apply(query.matches ? 'dark' : 'light'));
}
