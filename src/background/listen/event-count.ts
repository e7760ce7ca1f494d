/**
 * Bench builds only (`npm run bench:capture` builds one): counts the webRequest events that reach
 * the background, so the bench can say what requests that are not tracking calls cost it. Real
 * builds define `__COUNT_EVENTS__` false, so the bundler drops every `if (COUNT_EVENTS)` call site
 * (test/build/no-bench-code.test.ts checks the shipped bundles).
 */
declare const __COUNT_EVENTS__: boolean;

export const COUNT_EVENTS: boolean = typeof __COUNT_EVENTS__ !== 'undefined' && __COUNT_EVENTS__;

/** The global the bench reads in the worker. */
export const EVENT_COUNT_GLOBAL = 'trackInspectorEventCount';

export function countEvent(): void {
  const scope = globalThis as unknown as Record<string, number | undefined>;
  scope[EVENT_COUNT_GLOBAL] = (scope[EVENT_COUNT_GLOBAL] ?? 0) + 1;
}
