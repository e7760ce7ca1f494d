/**
 * The fixture's page reporter: an init script in every frame of the context that reports each POST
 * by `sendBeacon`, fetch or XHR to a tracking host, with its body as sent, to the test process
 * (docs/playwright.md, "How calls are captured"). Why the page must: Playwright shows no Blob body
 * in Chromium, no body at all in Firefox, and in Chromium no request at all for a beacon sent in
 * `pagehide` (measured; see the doc). It reports through a binding, synchronously, so a report made
 * in `pagehide` still arrives; it never changes what is sent.
 *
 * Playwright sends this function's source to the page: it must use nothing from outside itself.
 */
export interface ReporterConfig {
  readonly binding: string;
  /** Where reports go as beacons while the document is going away (page-channel.ts says why). */
  readonly reportUrl: string;
  /** Where tracking calls go: the known endpoints and the user's hosts (the pipeline decides for sure). */
  readonly hosts: readonly { readonly host: string; readonly pathPrefix: string }[];
}

export function reportPageCalls({ binding, reportUrl, hosts }: ReporterConfig): void {
  const page = window as unknown as Record<string, unknown>;
  const installed = '__trackInspectorReporter';
  if (page[installed]) return;
  page[installed] = true;

  const random = () => Math.random().toString(36).slice(2);
  const documentToken = `${Date.now().toString(36)}-${random()}${random()}`;
  let reports = 0;
  // Registered before any script of the page's: true before an SDK's own pagehide listener runs.
  let leaving = false;
  addEventListener('pagehide', () => (leaving = true), true);
  const nativeBeaconOf = Navigator.prototype.sendBeacon.bind(navigator);

  function post(message: { kind: 'hello' | 'call'; [field: string]: unknown }): void {
    const json = JSON.stringify({ ...message, document: documentToken });
    const send = page[binding];
    if (typeof send === 'function') (send as (json: string) => unknown)(json);
    if (message.kind === 'call' && (leaving || document.visibilityState === 'hidden')) nativeBeaconOf(reportUrl, json);
  }
  post({ kind: 'hello', page: location.href });

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

  /** A Blob's text from the parts it was built from; null for one built elsewhere (it cannot be read at once). */
  function blobText(blob: Blob, depth = 0): string | null {
    const parts = partsOf.get(blob);
    if (!parts || depth > 4) return null;
    let text = '';
    for (const part of parts) {
      if (typeof part === 'string') text += part;
      else if (part instanceof ArrayBuffer || ArrayBuffer.isView(part)) text += decoder.decode(part);
      else if (part instanceof NativeBlob) {
        const inner = blobText(part, depth + 1);
        if (inner === null) return null;
        text += inner;
      } else text += String(part);
    }
    return text;
  }

  type Body = { kind: 'text'; text: string } | { kind: 'form'; fields: Record<string, string[]> } | null;
  function bodyOf(data: unknown): Body {
    if (data === null || data === undefined) return null;
    if (typeof data === 'string') return { kind: 'text', text: data };
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return { kind: 'text', text: decoder.decode(data) };
    if (data instanceof NativeBlob) {
      const text = blobText(data);
      return text === null ? null : { kind: 'text', text };
    }
    // A form as the browser's own request parsing gives it (playwright-events.ts): fields, files by name.
    if (data instanceof FormData || data instanceof URLSearchParams) {
      const fields: Record<string, string[]> = {};
      data.forEach((value: string | File, name: string) =>
        (fields[name] ??= []).push(typeof value === 'string' ? value : value.name),
      );
      return { kind: 'form', fields };
    }
    return null;
  }

  /** A cheap first look, so the app's own requests never cross: a tracking host, under its path. */
  function mayTrack(url: URL): boolean {
    const host = url.host.toLowerCase();
    const hostname = url.hostname.toLowerCase();
    return hosts.some((pattern) => {
      const candidate = pattern.host.includes(':') ? host : hostname;
      const hostMatches = pattern.host.startsWith('*.')
        ? candidate.endsWith(pattern.host.slice(1))
        : candidate === pattern.host;
      return hostMatches && url.pathname.startsWith(pattern.pathPrefix);
    });
  }

  function report(url: string | URL, method: string, data: unknown): void {
    const at = Date.now();
    if (method.toUpperCase() !== 'POST') return;
    try {
      const target = new URL(String(url), document.baseURI);
      if (!mayTrack(target)) return;
      const id = `${documentToken}-${++reports}`;
      const body = bodyOf(data);
      post({ kind: 'call', id, url: target.href, method: 'POST', body, at, page: location.href });
    } catch {
      // A URL that does not parse is not sent either; a closing page may refuse the binding.
    }
  }

  // The originals, called with their own receiver through .call().
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeBeacon = Navigator.prototype.sendBeacon;
  Navigator.prototype.sendBeacon = function sendBeacon(this: Navigator, url: string | URL, data?: BodyInit | null) {
    report(url, 'POST', data);
    return nativeBeacon.call(this, url, data);
  };

  // eslint-disable-next-line @typescript-eslint/unbound-method
  const nativeFetch = window.fetch;
  window.fetch = function fetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    // A Request object's body cannot be read at once: reported without it (null), the call still counts.
    const url = input instanceof Request ? input.url : input;
    report(url, init?.method ?? (input instanceof Request ? input.method : 'GET'), init?.body);
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
    if (target) report(target.url, target.method, body);
    return nativeSend.call(this, body);
  };
}
