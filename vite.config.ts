/**
 * One manifest source, two builds: `vite build --mode chrome` -> dist/chrome,
 * `vite build --mode firefox` -> dist/firefox (background.scripts + gecko settings, see manifest.ts).
 */
import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { ignoreListedHook } from './scripts/ignore-listed-hook.ts';
import { manifestFor, type BrowserTarget } from './scripts/manifest.ts';

export default defineConfig(({ mode }) => {
  const target: BrowserTarget = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // The page hook's frames ignore-listed in DevTools' stacks and initiators (scripts/ignore-listed-hook.ts).
    plugins: [crx({ manifest: manifestFor(target), browser: target }), ignoreListedHook()],
    // __COUNT_EVENTS__: only bench:capture's own build counts events (src/background/listen/event-count.ts).
    define: {
      __BROWSER__: JSON.stringify(target),
      __COUNT_EVENTS__: JSON.stringify(process.env['TRACK_INSPECTOR_COUNT_EVENTS'] === '1'),
      // __HIDE_PINGS__: only the hidden-beacons e2e test's own build ignores pings (src/background/listen/hide-pings.ts).
      __HIDE_PINGS__: JSON.stringify(process.env['TRACK_INSPECTOR_TEST_HIDE_PINGS'] === '1'),
    },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // The panel page is only referenced from code (devtools.panels.create), so crxjs cannot find it.
      rollupOptions: { input: { panel: 'src/panel/panel.html' } },
    },
    server: { cors: { origin: [/chrome-extension:\/\//, /moz-extension:\/\//] } },
  };
});
