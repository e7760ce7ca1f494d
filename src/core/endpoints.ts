/**
 * What we listen to, in one table: the hosts and paths tracking calls go to. From it come both the
 * answer to "is this request a tracking call, who sent it, what does it carry?" (recogniseCall) and
 * the URL filters the background's webRequest listeners are registered with (urlFilterOf), so a
 * request the filters leave out is one the recogniser would not take.
 * Covers every row of docs/capture.md's "What is recognised" plus hosts the user adds (first-party proxies).
 */
import type { CallType, Sender } from './types';

export interface TrackingCall {
  readonly sender: Sender;
  readonly callType: CallType;
}

/**
 * Where tracking calls go: a host (`*.example.com`: any subdomain of it; `localhost:8080`: that
 * port only) and the path prefix they are under (`/v1`, or '' for none). The user adds these too
 * (`proxy.example.com/collect`).
 */
export interface HostPattern {
  readonly host: string;
  readonly pathPrefix: string;
}

interface KnownEndpoint extends HostPattern {
  readonly sender: Exclude<Sender, 'custom' | 'none'>;
}

/** The tracking APIs recognised out of the box; their calls are `prefix/{track,t,…}`. */
export const KNOWN_ENDPOINTS: readonly KnownEndpoint[] = [
  { host: 'api.june.so', pathPrefix: '/sdk', sender: 'june' },
  { host: 'api.segment.io', pathPrefix: '/v1', sender: 'segment' },
  { host: 'events.eu1.segmentapis.com', pathPrefix: '/v1', sender: 'segment' },
  { host: '*.dataplane.rudderstack.com', pathPrefix: '/v1', sender: 'rudderstack' },
  // RudderStack v3's BeaconQueue plugin: text/plain Blob batches, `?writeKey=` in the query.
  { host: '*.dataplane.rudderstack.com', pathPrefix: '/beacon/v1', sender: 'rudderstack' },
];

/**
 * The webRequest URL filter (a match pattern) holding every call to `pattern`: http and https, the
 * path prefix and anything under it. Without the port: in Chromium 156 and Firefox ESR 153 a match
 * pattern with a port matches no request at all (probed), and one without matches every port, so
 * the recogniser checks the port. `*.example.com` also matches example.com itself: the filter only
 * has to hold every call, the recogniser decides.
 */
export function urlFilterOf(pattern: HostPattern): string {
  return `*://${pattern.host.replace(/:\d+$/, '')}${pattern.pathPrefix}/*`;
}

/** The filters for the known endpoints. */
export const KNOWN_URL_FILTERS: readonly string[] = [...new Set(KNOWN_ENDPOINTS.map(urlFilterOf))];

// Long names (Segment HTTP API, June, RudderStack) and the short ones analytics.js uses (/v1/t).
// Metrics (`m`) are deliberately absent: they are not tracking calls.
const NAME_TO_TYPE: Readonly<Record<string, CallType>> = {
  track: 'track',
  t: 'track',
  identify: 'identify',
  i: 'identify',
  page: 'page',
  p: 'page',
  screen: 'screen',
  s: 'screen',
  group: 'group',
  g: 'group',
  alias: 'alias',
  a: 'alias',
  batch: 'batch',
  b: 'batch',
};

/** Under a user's own host (a proxy, a self-hosted data plane), the paths of every API in the table. */
const CUSTOM_HOST_PREFIXES = ['/v1', '/sdk', '/beacon/v1', ''];

const NO_HOSTS: readonly HostPattern[] = [];

/**
 * The last question and its answer: an SDK sends call after call to the same URL, and parsing the URL is most of
 * the work. The hosts are compared by identity (hostPatterns keeps one array per settings object).
 */
let last: { method: string; url: string; customHosts: readonly HostPattern[]; call: TrackingCall | null } | null = null;

export function recogniseCall(
  method: string,
  url: string,
  customHosts: readonly HostPattern[] = NO_HOSTS,
): TrackingCall | null {
  if (last && last.url === url && last.method === method && last.customHosts === customHosts) return last.call;
  const call = recognise(method, url, customHosts);
  last = { method, url, customHosts, call };
  return call;
}

function recognise(method: string, url: string, customHosts: readonly HostPattern[]): TrackingCall | null {
  if (method.toUpperCase() !== 'POST') return null; // OPTIONS preflights, GET pixels, etc.
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.host.toLowerCase();
  const hostname = parsed.hostname.toLowerCase();
  const path = parsed.pathname;

  for (const known of KNOWN_ENDPOINTS) {
    if (!hostMatches(known.host, host, hostname)) continue;
    const callType = callTypeAfter(path, known.pathPrefix);
    if (callType) return { sender: known.sender, callType };
  }
  for (const pattern of customHosts) {
    if (!hostMatches(pattern.host, host, hostname)) continue;
    const rest = stripPrefix(path, pattern.pathPrefix);
    if (rest === null) continue;
    const callType = CUSTOM_HOST_PREFIXES.reduce<CallType | null>(
      (found, prefix) => found ?? callTypeAfter(rest, prefix),
      null,
    );
    if (callType) return { sender: 'custom', callType };
  }
  return null;
}

/** `/v1/t` with prefix `/v1` -> track; tolerates one trailing slash. */
function callTypeAfter(path: string, prefix: string): CallType | null {
  const rest = stripPrefix(path, prefix);
  if (rest === null) return null;
  const name = rest.replace(/^\/|\/$/g, '');
  if (name.includes('/')) return null;
  return Object.hasOwn(NAME_TO_TYPE, name) ? (NAME_TO_TYPE[name] ?? null) : null;
}

function stripPrefix(path: string, prefix: string): string | null {
  if (prefix === '') return path;
  if (path === prefix) return '';
  return path.startsWith(prefix + '/') ? path.slice(prefix.length) : null;
}

function hostMatches(pattern: string, hostWithPort: string, hostname: string): boolean {
  const candidate = pattern.includes(':') ? hostWithPort : hostname;
  if (pattern.startsWith('*.')) return candidate.endsWith(pattern.slice(1));
  return candidate === pattern;
}

/**
 * Reads what a user typed in settings: `proxy.example.com/collect`, `https://t.example.com/`,
 * `localhost:8080`, `*.example.com`. Returns an error in plain words for anything else.
 */
export function parseHostPattern(text: string): HostPattern | { readonly error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'empty host' };
  const withoutScheme = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  const host = (slash < 0 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase();
  const pathPrefix = slash < 0 ? '' : (withoutScheme.slice(slash).replace(/\/+$/, '').split(/[?#]/)[0] ?? '');
  if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/.test(host)) {
    return { error: `"${trimmed}" is not a host name (expected e.g. proxy.example.com/collect)` };
  }
  return { host, pathPrefix };
}
