/**
 * Gives the page hook's bundle an inline source map that marks all of it as ignore-listed
 * (`x_google_ignoreList`, read by Chromium's DevTools). Why: the hook wraps `fetch`, XHR and `sendBeacon` in
 * every page (docs/capture.md, "What the page hook wraps, and why"), so its frames sit on top of the stack of
 * every request the page makes. DevTools leaves ignore-listed frames out of the stack traces it shows and names
 * the first frame of the page's own code as a request's initiator, instead of `page-hook.iife.js`. The raw stack
 * (CDP, `error.stack`) still has them: no map can change what the page's JavaScript sees.
 *
 * The map is the identity: each line of the bundle maps to the same line of one source, the bundle itself
 * (`sourcesContent`), so a person who opens the frame anyway reads exactly what runs.
 */
import type { Plugin } from 'vite';

export const PAGE_HOOK_FILE = 'src/content/page-hook.iife.js';
/** The name DevTools shows for the hook's frames when someone asks to see ignore-listed frames. */
export const PAGE_HOOK_SOURCE = 'track-inspector://page-hook.js';

/** The bundle with its ignore-listing source map appended as a data: URL. */
export function withIgnoreListMap(code: string): string {
  const lines = code.split('\n').length;
  // Segment [generated column 0, source 0, source line delta, source column 0]: "AAAA" first, "AACA" after.
  const mappings = ['AAAA', ...Array.from({ length: lines - 1 }, () => 'AACA')].join(';');
  const map = {
    version: 3,
    file: PAGE_HOOK_FILE.split('/').pop(),
    sources: [PAGE_HOOK_SOURCE],
    sourcesContent: [code],
    names: [],
    mappings,
    ignoreList: [0],
    x_google_ignoreList: [0], // the name Chromium read before the field was standardised as `ignoreList`
  };
  const data = Buffer.from(JSON.stringify(map)).toString('base64');
  return `${code.endsWith('\n') ? code : `${code}\n`}//# sourceMappingURL=data:application/json;base64,${data}\n`;
}

/** A Vite plugin, after crxjs (which emits the hook's IIFE as an asset in its own generateBundle). */
export function ignoreListedHook(): Plugin {
  return {
    name: 'track-inspector:ignore-listed-hook',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const asset = bundle[PAGE_HOOK_FILE];
      if (!asset) return; // the Firefox build ships no page hook
      if (asset.type !== 'asset' || typeof asset.source !== 'string')
        throw new Error(`${PAGE_HOOK_FILE} is not the text asset crxjs emits: the ignore-list map cannot be added`);
      asset.source = withIgnoreListMap(asset.source);
    },
  };
}
