/**
 * The one manifest source (manifest.json) and the per-browser differences, decided at build time.
 * Firefox: crxjs turns `background.service_worker` into `background.scripts`; we add the gecko
 * settings AMO requires (id, minimum version, data collection declaration: none).
 */
import { readFileSync } from 'node:fs';
import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type BrowserTarget = 'chrome' | 'firefox';

type Manifest = Record<string, unknown>;

export const GECKO_ID = 'track-inspector@track-inspector.dev';

export function manifestFor(target: BrowserTarget): ManifestV3Export {
  const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as Manifest;
  if (target === 'chrome') return manifest as unknown as ManifestV3Export;
  const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  return {
    ...rest,
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as unknown as ManifestV3Export;
}
