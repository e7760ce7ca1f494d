/**
 * The page's own sends, watched from inside the page: every `sendBeacon`, `fetch` and
 * `XMLHttpRequest.send`, with the body as the page handed it over, and the text of each Blob the page
 * built (remembered from its parts, so it can be read at once, even in `pagehide`, where
 * `blob.text()` never delivers). Shared by the extension's page hook (content/page-hook.iife.ts) and
 * the Playwright fixture's page reporter (playwright/page-reporter.ts). It never changes what is sent.
 *
 * Runs in the page: it imports nothing, and both builds inline it.
 */

export interface PageSend {
  readonly url: string | URL;
  readonly method: string;
  /** The body exactly as the page passed it (a Request object's own body is not read: undefined). */
  readonly body: unknown;
  readonly transport: 'beacon' | 'fetch' | 'xhr';
  /** A fetch that outlives its page (`keepalive`), as beacons do. */
  readonly keepalive: boolean;
}

export interface BlobTexts {
  /** The page's own Blob constructor, before the wrap: `instanceof` it is true of every Blob. */
  readonly Blob: typeof Blob;
  /** A Blob's text from the parts it was built from; null for one built elsewhere (sliced, another frame's). */
  textOf(blob: Blob): string | null;
}

const MAX_TEXT_CHARS = 5 * 1024 * 1024;

export function watchPageSends(onSend: (send: PageSend) => void): BlobTexts {
  const notify = (send: PageSend) => {
    try {
      onSend(send);
    } catch {
      // Watching must never break the page's own send.
    }
  };
  const NativeBlob = window.Blob;
  const partsOf = new WeakMap<Blob, readonly unknown[]>();
  const decoder = new TextDecoder();

  // A Proxy keeps `instanceof Blob`, `Blob.prototype` and natively created Blobs intact.
  window.Blob = new Proxy(NativeBlob, {
    construct(target, args: unknown[], newTarget) {
      const blob = Reflect.construct(target, args, newTarget) as Blob;
      if (Array.isArray(args[0])) partsOf.set(blob, args[0].slice());
      return blob;
    },
  });

  function textOf(blob: Blob, depth = 0): string | null {
    const parts = partsOf.get(blob);
    if (!parts || depth > 4) return null;
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') text += part;
      else if (part instanceof ArrayBuffer || ArrayBuffer.isView(part)) text += decoder.decode(part);
      else if (part instanceof NativeBlob) {
        const inner = textOf(part, depth + 1);
        if (inner === null) return null;
        text += inner;
      } else text += String(part);
      if (text.length > MAX_TEXT_CHARS) return null;
    }
    return text;
  }

  // The originals, called with their own receiver through .call().
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeBeacon = Navigator.prototype.sendBeacon;
  Navigator.prototype.sendBeacon = function sendBeacon(this: Navigator, url: string | URL, data?: BodyInit | null) {
    notify({ url, method: 'POST', body: data, transport: 'beacon', keepalive: true });
    return nativeBeacon.call(this, url, data);
  };

  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeFetch = window.fetch;
  window.fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : input;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const keepalive = init?.keepalive ?? (input instanceof Request && input.keepalive);
    notify({ url, method, body: init?.body, transport: 'fetch', keepalive });
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
    if (target) notify({ url: target.url, method: target.method, body, transport: 'xhr', keepalive: false });
    return nativeSend.call(this, body);
  };

  return { Blob: NativeBlob, textOf: (blob) => textOf(blob) };
}
