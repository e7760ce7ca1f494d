/**
 * Test builds only (test/e2e/hidden-beacons.chromium.test.ts builds one): the background ignores every
 * `ping` request (navigator.sendBeacon), as Edge 132+ does not show them to extensions at all
 * (MicrosoftEdge-Extensions#228), so the test sees what a user of such a browser would; it counts them, so the
 * test knows the beacons really were hidden. Real builds define `__HIDE_PINGS__` false and the bundler drops
 * every `if (HIDE_PINGS)` call site (test/build/no-bench-code.test.ts checks the shipped bundles).
 */
declare const __HIDE_PINGS__: boolean;

export const HIDE_PINGS: boolean = typeof __HIDE_PINGS__ !== 'undefined' && __HIDE_PINGS__;

/** The env variable vite.config.ts defines it from. */
export const HIDE_PINGS_ENV = 'TRACK_INSPECTOR_TEST_HIDE_PINGS';

/** The worker global counting the beacons' onBeforeRequest events it ignored. */
export const HIDDEN_PINGS_GLOBAL = 'trackInspectorHiddenPings';

/** Whether to ignore this webRequest event (a test build's `ping`); counts the beacons' own requests. */
export function hidden(details: { readonly type: string }, count: boolean): boolean {
  if (details.type !== 'ping') return false;
  if (count) {
    const scope = globalThis as unknown as Record<string, number | undefined>;
    scope[HIDDEN_PINGS_GLOBAL] = (scope[HIDDEN_PINGS_GLOBAL] ?? 0) + 1;
  }
  return true;
}
