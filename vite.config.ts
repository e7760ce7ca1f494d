/**
 * One manifest source, two builds: `vite build --mode chrome` -> dist/chrome,
 * `vite build --mode firefox` -> dist/firefox (background.scripts + gecko settings, see manifest.ts).
 */
import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { manifestFor, type BrowserTarget } from './scripts/manifest.ts';

export default defineConfig(({ mode }) => {
  const target: BrowserTarget = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [crx({ manifest: manifestFor(target), browser: target })],
    define: { __BROWSER__: JSON.stringify(target) },
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
