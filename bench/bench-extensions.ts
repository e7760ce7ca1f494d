/**
 * bench:capture's own extensions:
 *  - the extension built from the same sources as dist/chrome (or dist/firefox), with the event
 *    counter compiled in (src/background/listen/event-count.ts), so the bench can say how many webRequest
 *    events reached the background. Real builds carry no counter.
 *  - the floor: an extension that holds the webRequest permission and registers no listener.
 *    Chromium routes every request of every page through its webRequest proxy as soon as any
 *    enabled extension has a webRequest permission, whatever its listeners (WebRequestAPI::
 *    MayHaveProxies), so no listener design can cost requests less than this one does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildExtensionVariant } from '../browser-harness/extension-variant';
import type { BrowserTarget } from '../scripts/manifest';

/** Builds it into dist/bench/<target>; returns that directory. */
export function buildCountingExtension(target: BrowserTarget): string {
  return buildExtensionVariant(target, 'bench', { TRACK_INSPECTOR_COUNT_EVENTS: '1' });
}

export function writeWebRequestOnlyExtension(): string {
  const dir = path.resolve('dist/bench/webrequest-only');
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'webRequest permission, no listener',
    version: '1.0',
    permissions: ['webRequest'],
    host_permissions: ['<all_urls>'],
    background: { service_worker: 'background.js' },
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'background.js'), '// Registers nothing.\n');
  return dir;
}
