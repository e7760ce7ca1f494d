/**
 * Is a request a tracking call, who sent it, and what does it carry?
 * Covers every row of the README's "What is recognised" table plus hosts the user adds (first-party proxies).
 */
import type { CallType, Sender } from './types';

export interface TrackingCall {
  readonly sender: Sender;
  readonly callType: CallType;
}

/** A user-added host, optionally with a path prefix: `proxy.example.com/collect`, `*.example.com`. */
export interface HostPattern {
  readonly host: string;
  readonly pathPrefix: string;
}

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

interface KnownHost {
  readonly matches: (host: string) => boolean;
  readonly sender: Sender;
  readonly prefix: string;
}

const KNOWN_HOSTS: readonly KnownHost[] = [
  { matches: (h) => h === 'api.june.so', sender: 'june', prefix: '/sdk' },
  { matches: (h) => h === 'api.segment.io', sender: 'segment', prefix: '/v1' },
  { matches: (h) => h === 'events.eu1.segmentapis.com', sender: 'segment', prefix: '/v1' },
  { matches: (h) => h.endsWith('.dataplane.rudderstack.com'), sender: 'rudderstack', prefix: '/v1' },
];

export function recogniseCall(method: string, url: string, customHosts: readonly HostPattern[] = []): TrackingCall | null {
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

  for (const known of KNOWN_HOSTS) {
    if (!known.matches(hostname)) continue;
    const callType = callTypeAfter(path, known.prefix);
    if (callType) return { sender: known.sender, callType };
  }
  for (const pattern of customHosts) {
    if (!hostMatches(pattern.host, host, hostname)) continue;
    const rest = stripPrefix(path, pattern.pathPrefix);
    if (rest === null) continue;
    const callType = callTypeAfter(rest, '/v1') ?? callTypeAfter(rest, '/sdk') ?? callTypeAfter(rest, '');
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
