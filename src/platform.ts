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
  const api = globalThis as unknown as { browser?: { devtools?: { panels?: DevtoolsPanelsApi } }; chrome?: { devtools?: { panels?: DevtoolsPanelsApi } } };
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
