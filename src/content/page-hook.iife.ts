/**
 * Runs in the page's MAIN world at document_start (Chromium only; see scripts/manifest.ts).
 * Why: Chromium's webRequest gives extensions no Blob bodies, and SDKs send tracking beacons as
 * Blobs, often in `pagehide`, where `blob.text()` never delivers (measured: not once).
 * So this remembers the parts each Blob is built from and, when a Blob is sent with sendBeacon,
 * fetch or XHR, reports its text synchronously through a DOM event (postMessage is lost in
 * pagehide). It never changes what is sent. Self-contained: crxjs builds *.iife.ts without imports.
 */
(() => {
  const EVENT = 'track-inspector:page-body';
  const MAX_REPORT_CHARS = 5 * 1024 * 1024;
  const NativeBlob = window.Blob;
  const partsOf = new WeakMap<Blob, readonly unknown[]>();
  const decoder = new TextDecoder();

  // A Proxy keeps `instanceof Blob`, `Blob.prototype` and natively created Blobs intact.
  window.Blob = new Proxy(NativeBlob, {
    construct(target, args: unknown[], newTarget) {
      const blob = Reflect.construct(target, args, newTarget) as Blob;
      const parts = args[0];
      if (Array.isArray(parts)) partsOf.set(blob, parts.slice());
      return blob;
    },
  });

  function textOf(blob: Blob, depth = 0): string | null {
    const parts = partsOf.get(blob);
    if (!parts || depth > 4) return null;
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') text += part;
      else if (part instanceof ArrayBuffer) text += decoder.decode(part);
      else if (ArrayBuffer.isView(part)) text += decoder.decode(part);
      else if (part instanceof NativeBlob) {
        const inner = textOf(part, depth + 1);
        if (inner === null) return null;
        text += inner;
      } else text += String(part);
      if (text.length > MAX_REPORT_CHARS) return null;
    }
    return text;
  }

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
    const known = textOf(blob);
    if (known !== null) send(known);
    // A Blob we did not see built (sliced, from another frame): reading it works outside unload.
    else if (blob.size <= MAX_REPORT_CHARS) blob.text().then(send, () => undefined);
  }

  // The originals, called with their own receiver through .call().
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeBeacon = Navigator.prototype.sendBeacon;
  Navigator.prototype.sendBeacon = function sendBeacon(this: Navigator, url: string | URL, data?: BodyInit | null) {
    if (data instanceof NativeBlob) report(url, 'POST', data);
    return nativeBeacon.call(this, url, data);
  };

  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeFetch = window.fetch;
  window.fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const body = init?.body;
    if (body instanceof NativeBlob) {
      const url = input instanceof Request ? input.url : input;
      report(url, init?.method ?? (input instanceof Request ? input.method : 'GET'), body);
    }
    return nativeFetch.call(this, input, init);
  };

  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string | URL }>();
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeOpen = XMLHttpRequest.prototype.open;
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function open(
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    opened.set(this, { method, url });
    return (nativeOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const target = opened.get(this);
    if (target && body instanceof NativeBlob) report(target.url, target.method, body);
    return nativeSend.call(this, body);
  };
})();
