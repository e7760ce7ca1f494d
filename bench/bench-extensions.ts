/**
 * bench:capture's and bench:panel's own extensions:
 *  - the extension built from the same sources as dist/chrome (or dist/firefox), with the event
 *    counter compiled in (src/background/listen/event-count.ts), so the bench can say how many webRequest
 *    events reached the background. Real builds carry no counter.
 *  - the floor of what a request costs pages: an extension that holds the webRequest permission and
 *    registers no listener. Chromium routes every request of every page through its webRequest proxy as
 *    soon as any enabled extension has a webRequest permission, whatever its listeners
 *    (WebRequestAPI::MayHaveProxies), so no listener design can cost requests less than this one does.
 *  - the floor of what a tracking call costs a background (bench:panel): an extension whose service
 *    worker registers the same filtered onBeforeRequest listener with requestBody as ours, and does
 *    nothing with the events. What the browser spends to hand a worker each call is in it; no capture
 *    can cost less.
 *  - the floor of a capture that also tells each call's outcome, as ours does: the same listener, and the
 *    outcome listeners ours registers (onHeadersReceived for beacons, onCompleted, onErrorOccurred), each
 *    dropping its event. The goal is set against the first floor; this one says how much of the gap
 *    is the second event the browser hands over per call.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildExtensionVariant } from '../browser-harness/extension-variant';
import { KNOWN_URL_FILTERS } from '../src/core/endpoints';
import type { BrowserTarget } from '../scripts/manifest';

/** Builds it into dist/bench/<target>; returns that directory. */
export function buildCountingExtension(target: BrowserTarget): string {
  return buildExtensionVariant(target, 'bench', { TRACK_INSPECTOR_COUNT_EVENTS: '1' });
}

function writeWorkerExtension(name: string, dir: string, background: string): string {
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name,
    version: '1.0',
    permissions: ['webRequest'],
    host_permissions: ['<all_urls>'],
    background: { service_worker: 'background.js' },
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'background.js'), background);
  return dir;
}

export function writeWebRequestOnlyExtension(): string {
  return writeWorkerExtension(
    'webRequest permission, no listener',
    path.resolve('dist/bench/webrequest-only'),
    '// Registers nothing.\n',
  );
}

/** Its name in the manifest: how bench:panel tells its service worker from ours. */
export const LISTENER_ONLY_NAME = 'onBeforeRequest listener, nothing else';

export function writeListenerOnlyExtension(): string {
  const background = [
    "// The same URL filters and extra info as Track Inspector's onBeforeRequest listener; the event is dropped.",
    `chrome.webRequest.onBeforeRequest.addListener(() => undefined, { urls: ${JSON.stringify(KNOWN_URL_FILTERS)} }, ['requestBody']);`,
    '',
  ].join('\n');
  return writeWorkerExtension(LISTENER_ONLY_NAME, path.resolve('dist/bench/listener-only'), background);
}

export function writeOutcomeListenerExtension(): string {
  const filter = `{ urls: ${JSON.stringify(KNOWN_URL_FILTERS)} }`;
  const background = [
    "// The same URL filters and extra info as Track Inspector's listeners, its outcome listeners too; every event is dropped.",
    `chrome.webRequest.onBeforeRequest.addListener(() => undefined, ${filter}, ['requestBody']);`,
    `chrome.webRequest.onHeadersReceived.addListener(() => undefined, { urls: ${JSON.stringify(KNOWN_URL_FILTERS)}, types: ['ping'] });`,
    `chrome.webRequest.onCompleted.addListener(() => undefined, ${filter});`,
    `chrome.webRequest.onErrorOccurred.addListener(() => undefined, ${filter});`,
    '',
  ].join('\n');
  return writeWorkerExtension(
    'onBeforeRequest and outcome listeners, nothing else',
    path.resolve('dist/bench/outcome-listeners'),
    background,
  );
}
