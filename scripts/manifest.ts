/**
 * The one manifest source (manifest.json) and the per-browser differences, decided at build time.
 * Firefox: `background.service_worker` becomes `background.scripts` (Firefox runs MV3 backgrounds
 * as event pages; crxjs expects the scripts form for its Firefox target); we add the gecko
 * settings AMO requires (id, minimum version, data collection declaration: none) and drop the page
 * relay content scripts, which only close Chromium's Blob-body gap (Firefox's webRequest has them),
 * and `webNavigation`, which only tells Chromium's documents apart (Firefox's webRequest names a
 * request's document itself, and there the permission would add an install warning).
 * Both get package.json's `version`: one version for the extension, the CLI and the store zips,
 * typed once (manifest.json has none of its own, and the build refuses one that does).
 */
import { readFileSync } from 'node:fs';
import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type BrowserTarget = 'chrome' | 'firefox';

type Manifest = Record<string, unknown>;

export const GECKO_ID = 'track-inspector@track-inspector.dev';

const readJson = (relative: string): Manifest =>
  JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as Manifest;

/** package.json's version: the one version of everything we ship. */
export function packageVersion(): string {
  const version = readJson('../package.json')['version'];
  if (typeof version !== 'string') throw new Error('package.json has no version');
  return version;
}

export function manifestFor(target: BrowserTarget): ManifestV3Export {
  const source = readJson('../manifest.json');
  if ('version' in source)
    throw new Error('manifest.json must not set "version": the build takes it from package.json');
  const { manifest_version, name, short_name, ...fields } = source;
  // Where a person reading the built manifest looks for it: beside the name.
  const manifest: Manifest = { manifest_version, name, short_name, version: packageVersion(), ...fields };
  if (target === 'chrome') return manifest as unknown as ManifestV3Export;
  const { minimum_chrome_version: _chromeOnly, content_scripts: _blobGapRelay, ...rest } = manifest;
  const background = manifest['background'] as { service_worker: string; type?: string };
  const permissions = (manifest['permissions'] as string[]).filter((permission) => permission !== 'webNavigation');
  return {
    ...rest,
    permissions,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // DevTools panels do not exist on Android; this only states the version that knows the key above.
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}
