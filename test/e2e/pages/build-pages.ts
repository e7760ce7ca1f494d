/** Bundles the SDK test pages (real npm SDKs) into single scripts the collector's page server serves. */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PageContent } from '../../../browser-harness/collector';

const here = path.dirname(new URL(import.meta.url).pathname);

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, entry)],
    bundle: true,
    format: 'iife', // no code splitting: the SDKs' dynamic imports are inlined, nothing is fetched
    platform: 'browser',
    target: 'es2020',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]?.text ?? '';
}

const html = (title: string, script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><script src="${script}"></script></body></html>`;

export async function testPages(): Promise<Record<string, PageContent>> {
  const [june, segment, rudderstack] = await Promise.all([
    bundle('june-sdk.ts'),
    bundle('segment-sdk.ts'),
    bundle('rudderstack-sdk.ts'),
  ]);
  const js = (body: string) => ({ type: 'text/javascript', body });
  return {
    '/transports.html': readFileSync(path.join(here, 'transports.html'), 'utf8'),
    '/june.html': html('June SDK', '/june.js'),
    '/june.js': js(june),
    '/segment.html': html('Segment SDK', '/segment.js'),
    '/segment.js': js(segment),
    '/rudderstack.html': html('RudderStack SDK', '/rudderstack.js'),
    '/rudderstack.js': js(rudderstack),
    '/blank.html': '<!doctype html><title>Elsewhere</title><h1>Another page</h1>',
    '/frame.html':
      "<!doctype html><title>A frame</title><script>fetch('https://api.june.so/sdk/track', { method: 'POST', body: JSON.stringify({ event: 'Framed Call', userId: 'u' }) }).then(() => parent.postMessage('frame sent', '*'));</script>",
  };
}
