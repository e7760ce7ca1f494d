/**
 * One HAR entry -> the tracking call it is, as live capture would have seen it: the body from
 * `request.postData` (`text`, or the parsed `params` of a form), the outcome from
 * `response.status` (0, or no response, is a failure, with the HAR's error text where it has one),
 * the time from `startedDateTime`, the page from the entry's `pageref`. Anything that is not a
 * tracking call is skipped. Pure; never throws (a HAR is the user's file and may hold anything).
 */
import type { RequestBody } from '../body';
import type { CallOrigin } from '../call-records';
import { recogniseCall, type HostPattern, type TrackingCall } from '../endpoints';
import { isPlainObject } from '../types';

export type HarEntryCall =
  | { readonly kind: 'call'; readonly call: TrackingCall; readonly body: RequestBody; readonly origin: CallOrigin }
  | { readonly kind: 'skip' };

/**
 * A HAR page, by id: what the HAR names it by. DevTools name a page by its URL; Playwright names
 * one page per tab by its document title (kept as it says, not taken for a URL).
 */
export interface HarPage {
  readonly url: string;
}

const NO_BODY =
  'the HAR has no body for this request (Chromium records none for a sendBeacon with a Blob or an ArrayBuffer)';

export function readHarEntry(
  entry: unknown,
  pages: ReadonlyMap<string, HarPage>,
  hosts: readonly HostPattern[],
): HarEntryCall {
  if (!isPlainObject(entry) || !isPlainObject(entry['request'])) return { kind: 'skip' };
  const request = entry['request'];
  const method = typeof request['method'] === 'string' ? request['method'] : '';
  const url = typeof request['url'] === 'string' ? request['url'] : '';
  const call = recogniseCall(method, url, hosts);
  if (!call) return { kind: 'skip' };
  const started = typeof entry['startedDateTime'] === 'string' ? Date.parse(entry['startedDateTime']) : NaN;
  const page = typeof entry['pageref'] === 'string' ? pages.get(entry['pageref']) : undefined;
  return {
    kind: 'call',
    call,
    body: bodyOf(request['postData']),
    origin: {
      capturedAt: Number.isFinite(started) ? started : 0,
      tabId: -1,
      pageUrl: page?.url ?? refererOf(request) ?? '',
      request: { url, method, ...outcomeOf(entry['response']) },
    },
  };
}

/** Reads `log.pages[i]`: its id and what it is called. */
export function readHarPage(page: unknown): [string, HarPage] | null {
  if (!isPlainObject(page) || typeof page['id'] !== 'string') return null;
  return [page['id'], { url: typeof page['title'] === 'string' ? page['title'] : '' }];
}

function bodyOf(postData: unknown): RequestBody {
  if (!isPlainObject(postData)) return { kind: 'missing', reason: NO_BODY };
  const params = Array.isArray(postData['params']) ? postData['params'].filter(isPlainObject) : [];
  if (params.length) {
    const fields: Record<string, string[]> = {};
    for (const { name, value } of params)
      if (typeof name === 'string') (fields[name] ??= []).push(typeof value === 'string' ? value : '');
    return { kind: 'form', fields };
  }
  const text = typeof postData['text'] === 'string' ? postData['text'] : '';
  if (text === '') return { kind: 'missing', reason: NO_BODY };
  if (postData['encoding'] === 'base64') {
    try {
      return { kind: 'bytes', parts: [base64Bytes(text)] };
    } catch {
      return { kind: 'missing', reason: 'the HAR says this body is base64, and it is not' };
    }
  }
  return { kind: 'text', text };
}

function outcomeOf(response: unknown): Pick<CallOrigin['request'], 'outcome' | 'status' | 'error'> {
  const status = isPlainObject(response) && typeof response['status'] === 'number' ? response['status'] : 0;
  if (status > 0) return { outcome: 'status', status, error: null };
  // Chromium DevTools write `_error`, Playwright `_failureText`: the network error in the browser's words.
  const said = isPlainObject(response) ? (response['_error'] ?? response['_failureText']) : undefined;
  return {
    outcome: 'failed',
    status: null,
    error: typeof said === 'string' && said !== '' ? said : 'no response (status 0 in the HAR)',
  };
}

/** Without a page, the Referer header the request carried (often only the origin, by the page's referrer policy). */
function refererOf(request: Readonly<Record<string, unknown>>): string | undefined {
  const headers = Array.isArray(request['headers']) ? request['headers'] : [];
  const referer = headers.find(
    (h): h is { name: string; value: string } =>
      isPlainObject(h) && typeof h['name'] === 'string' && h['name'].toLowerCase() === 'referer',
  );
  return typeof referer?.value === 'string' ? referer.value : undefined;
}

function base64Bytes(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
