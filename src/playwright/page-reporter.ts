/**
 * The fixture's page reporter: runs in every frame of the context (an init script) and reports each
 * POST that `sendBeacon`, fetch or XHR sends to a tracking host, with its body as sent, to the test
 * process (docs/playwright.md, "How calls are captured"). Why the page must: Playwright shows no
 * Blob body in Chromium, no body at all in Firefox, and in Chromium no request at all for a beacon
 * sent in `pagehide`. It reports through a binding, synchronously, and while its document goes away
 * also as a beacon to the capture's own server (page-channel.ts says why). It never changes what is
 * sent: content/page-sends.ts watches the sends, as it does for the extension's page hook.
 *
 * Runs in the page: scripts/build-playwright.mjs bundles it (page-sends.ts inlined) into the source
 * the fixture hands to addInitScript.
 */
import { watchPageSends, type BlobTexts } from '../content/page-sends';

export interface ReporterConfig {
  readonly binding: string;
  /** Where reports go as beacons while the document is going away. */
  readonly reportUrl: string;
  /** Where tracking calls go: the known endpoints and the user's hosts (the pipeline decides for sure). */
  readonly hosts: readonly { readonly host: string; readonly pathPrefix: string }[];
  /**
   * Report every call (a browser that shows Playwright no body), or only what Chromium hides: beacons,
   * keepalive fetches, bodies that are not strings, and anything sent while the document goes away.
   */
  readonly every: boolean;
}

type Body = { kind: 'text'; text: string } | { kind: 'form'; fields: Record<string, string[]> } | null;

export function reportPageCalls({ binding, reportUrl, hosts, every }: ReporterConfig): void {
  const page = window as unknown as Record<string, unknown>;
  const installed = '__trackInspectorReporter';
  if (page[installed]) return; // Firefox may keep a frame's window, and this script, for its next document
  page[installed] = true;

  const random = () => Math.random().toString(36).slice(2);
  const documentToken = `${Date.now().toString(36)}-${random()}${random()}`;
  let reports = 0;
  // Registered before any script of the page's: true before an SDK's own pagehide listener runs.
  let leaving = false;
  addEventListener('pagehide', () => (leaving = true), true);
  const beacon = Navigator.prototype.sendBeacon.bind(navigator);
  const decoder = new TextDecoder();

  function post(message: { kind: 'hello' | 'call'; [field: string]: unknown }): void {
    const json = JSON.stringify({ ...message, document: documentToken });
    const send = page[binding];
    if (typeof send === 'function') (send as (json: string) => unknown)(json);
    if (message.kind === 'call' && (leaving || document.visibilityState === 'hidden')) beacon(reportUrl, json);
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

  function bodyOf(data: unknown, blobs: BlobTexts): Body {
    if (data === null || data === undefined) return null;
    if (typeof data === 'string') return { kind: 'text', text: data };
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return { kind: 'text', text: decoder.decode(data) };
    if (data instanceof blobs.Blob) {
      const text = blobs.textOf(data);
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
    return null; // a stream or a Document: reported without its body, the call still counts
  }

  /**
   * Whether the request Playwright shows will carry this body: in Chromium a string, bytes or a form of strings
   * (never a Blob, a stream or a form holding a file); in other engines nothing. The capture then pairs the report
   * by body with a request that came with one, and by send time only among requests that came without.
   */
  function shownToPlaywright(data: unknown): boolean {
    if (every || data === null || data === undefined) return false;
    // An empty body is none to Playwright (no postData): the report then pairs as a hidden body's would.
    if (typeof data === 'string') return data !== '';
    if (data instanceof URLSearchParams) return data.toString() !== '';
    if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength > 0;
    return data instanceof FormData && [...data.values()].every((value) => typeof value === 'string');
  }

  post({ kind: 'hello', page: location.href });
  const blobs = watchPageSends(({ url, method, body, transport, keepalive }) => {
    const at = Date.now();
    if (method.toUpperCase() !== 'POST') return;
    const hidden = transport === 'beacon' || keepalive || typeof body !== 'string' || leaving;
    if (!every && !hidden && document.visibilityState !== 'hidden') return;
    const target = new URL(String(url), document.baseURI);
    if (!mayTrack(target)) return;
    const id = `${documentToken}-${++reports}`;
    const visible = shownToPlaywright(body);
    post({
      kind: 'call',
      id,
      url: target.href,
      method: 'POST',
      body: bodyOf(body, blobs),
      visible,
      at,
      page: location.href,
    });
  });
}
