/**
 * Runs in the page's MAIN world at document_start (Chromium only; see scripts/manifest.ts).
 * Why: Chromium's webRequest gives extensions no Blob bodies, and SDKs send tracking beacons as
 * Blobs, often in `pagehide`, where `blob.text()` never delivers (measured: not once).
 * So when a Blob is sent with sendBeacon, fetch or XHR, this reports its text (page-sends.ts
 * remembers the parts each Blob is built from) synchronously through a DOM event (postMessage is
 * lost in pagehide). It never changes what is sent. crxjs inlines page-sends.ts into this IIFE.
 */
import { watchPageSends } from './page-sends';

(() => {
  const EVENT = 'track-inspector:page-body';
  const MAX_REPORT_CHARS = 5 * 1024 * 1024;

  const blobs = watchPageSends(({ url, method, body }) => {
    if (body instanceof blobs.Blob) report(url, method, body);
  });

  function report(url: string | URL, method: string, blob: Blob): void {
    const sentAt = Date.now();
    let href: string;
    try {
      href = new URL(String(url), document.baseURI).href;
    } catch {
      return;
    }
    const send = (body: string) =>
      document.dispatchEvent(
        new CustomEvent(EVENT, { detail: JSON.stringify({ url: href, method: method.toUpperCase(), body, sentAt }) }),
      );
    const known = blobs.textOf(blob);
    if (known !== null) send(known);
    // A Blob we did not see built (sliced, from another frame): reading it works outside unload.
    else if (blob.size <= MAX_REPORT_CHARS) blob.text().then(send, () => undefined);
  }
})();
