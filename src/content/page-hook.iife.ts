/**
 * Runs in the page's MAIN world at document_start (Chromium only; see scripts/manifest.ts).
 * Why: Chromium's webRequest gives extensions no Blob bodies, and SDKs send tracking beacons as
 * Blobs, often in `pagehide`, where `blob.text()` never delivers (measured: not once).
 * So when a Blob is sent with sendBeacon, fetch or XHR, this reports its text (page-sends.ts
 * remembers the parts each Blob is built from) synchronously through a DOM event (postMessage is
 * lost in pagehide). It also reports every beacon, whatever its body: Edge 132+ shows extensions
 * no beacon at all (MicrosoftEdge-Extensions#228), and the background then records it from this
 * report. It never changes what is sent. crxjs inlines page-sends.ts into this IIFE.
 */
import { watchPageSends } from './page-sends';
import { watchRoutedSends } from './page-routes';

(() => {
  const EVENT = 'track-inspector:page-body';
  const ROUTES_EVENT = 'track-inspector:page-routes';
  const MAX_REPORT_CHARS = 5 * 1024 * 1024;

  const decoder = new TextDecoder();
  // A call sent in the same tick as a route change is named by the page's order (page-routes.ts).
  const routed = watchRoutedSends((sends) =>
    document.dispatchEvent(new CustomEvent(ROUTES_EVENT, { detail: JSON.stringify(sends) })),
  );
  const blobs = watchPageSends(({ url, method, body, transport }) => {
    routed(url, method);
    // Only beacons and Blob bodies are reported: the page's other sends cost it one check, nothing more.
    if (transport !== 'beacon' && !(body instanceof blobs.Blob)) return;
    let href: string;
    try {
      href = new URL(String(url), document.baseURI).href;
    } catch {
      return;
    }
    const sent = { url: href, method: method.toUpperCase(), sentAt: Date.now() };
    if (transport === 'beacon') reportBeacon(sent, body);
    else reportBlob(sent, body as Blob, false);
  });

  interface Sent {
    readonly url: string;
    readonly method: string;
    readonly sentAt: number;
  }

  function reportBlob(sent: Sent, blob: Blob, beacon: boolean): void {
    const known = blobs.textOf(blob);
    if (known !== null) report(sent, known, beacon, true);
    // A beacon is reported now, read or not: in pagehide a later report never comes.
    else if (beacon) report(sent, null, true, true);
    // A Blob we did not see built (sliced, from another frame): reading it works outside unload.
    else if (blob.size <= MAX_REPORT_CHARS)
      blob.text().then(
        (text) => report(sent, text, false, true),
        () => undefined,
      );
  }

  /** Every beacon, with its body as text where the page can tell it at once (as webRequest would show it). */
  function reportBeacon(sent: Sent, body: unknown): void {
    if (body instanceof blobs.Blob) reportBlob(sent, body, true);
    else if (body === undefined || body === null) report(sent, '', true, false);
    else if (typeof body === 'string' || body instanceof URLSearchParams) report(sent, String(body), true, false);
    else if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) report(sent, decoder.decode(body), true, false);
    else if (body instanceof FormData) report(sent, jsonField(body), true, false);
    else report(sent, null, true, false);
  }

  /** A form's payload as webRequest's form reading finds it (core/body.ts): the first field holding JSON. */
  function jsonField(form: FormData): string | null {
    for (const [, value] of form) if (typeof value === 'string' && value.trimStart().startsWith('{')) return value;
    return null;
  }

  /** `blob`: Chromium's webRequest shows the request without this body (the background pairs the two by it). */
  function report(sent: Sent, body: string | null, beacon: boolean, blob: boolean): void {
    document.dispatchEvent(new CustomEvent(EVENT, { detail: JSON.stringify({ ...sent, body, beacon, blob }) }));
  }
})();
