/**
 * The package's version. scripts/build-cli.mjs writes package.json's `version` into the bundle
 * (esbuild `define`), so an installed CLI knows its version without reading any file at run time.
 */
declare const __TRACK_INSPECTOR_VERSION__: string | undefined;

// Only the bundle is ever run as the command; the fallback keeps an unbundled import from throwing.
export const VERSION: string =
  typeof __TRACK_INSPECTOR_VERSION__ === 'string' ? __TRACK_INSPECTOR_VERSION__ : 'unbundled';
