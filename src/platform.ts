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

export function missingBodyReason(): string {
  return HAS_PAGE_RELAY
    ? 'Chromium did not expose this body to extensions and the page did not report it (for example a Blob sent from a worker)'
    : 'the browser did not expose this body to extensions';
}
