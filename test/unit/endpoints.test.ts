import { describe, expect, it } from 'vitest';
import {
  KNOWN_ENDPOINTS,
  KNOWN_URL_FILTERS,
  parseHostPattern,
  recogniseCall,
  urlFilterOf,
  type HostPattern,
} from '../../src/core/endpoints';
import { matchesPattern } from './match-pattern';

const call = (url: string, method = 'POST', hosts: HostPattern[] = []) => recogniseCall(method, url, hosts);

describe('June browser SDK', () => {
  it.each([
    ['track', 'track'],
    ['identify', 'identify'],
    ['page', 'page'],
    ['group', 'group'],
    ['alias', 'alias'],
  ])('POST api.june.so/sdk/%s is a %s call', (path, type) => {
    expect(call(`https://api.june.so/sdk/${path}`)).toEqual({ sender: 'june', callType: type });
  });
  it('recognises June batches: /sdk/b (browser) and /sdk/batch (server SDKs)', () => {
    expect(call('https://api.june.so/sdk/b')).toEqual({ sender: 'june', callType: 'batch' });
    expect(call('https://api.june.so/sdk/batch')).toEqual({ sender: 'june', callType: 'batch' });
  });
  it('ignores metrics and unknown paths', () => {
    expect(call('https://api.june.so/sdk/m')).toBeNull();
    expect(call('https://api.june.so/sdk/settings')).toBeNull();
    expect(call('https://api.june.so/v1/track')).toBeNull();
  });
});

describe('Segment analytics.js, analytics-next and HTTP API', () => {
  it.each([
    ['t', 'track'],
    ['i', 'identify'],
    ['p', 'page'],
    ['g', 'group'],
    ['a', 'alias'],
    ['s', 'screen'],
    ['b', 'batch'],
  ])('short path /v1/%s is %s', (path, type) => {
    expect(call(`https://api.segment.io/v1/${path}`)).toEqual({ sender: 'segment', callType: type });
  });
  it.each(['track', 'identify', 'page', 'screen', 'group', 'alias', 'batch'])('long path /v1/%s', (path) => {
    expect(call(`https://api.segment.io/v1/${path}`)).toEqual({ sender: 'segment', callType: path });
  });
  it('recognises the EU host', () => {
    expect(call('https://events.eu1.segmentapis.com/v1/t')).toEqual({ sender: 'segment', callType: 'track' });
  });
  it('recognises RudderStack data planes', () => {
    expect(call('https://acme.dataplane.rudderstack.com/v1/batch')).toEqual({
      sender: 'rudderstack',
      callType: 'batch',
    });
  });
  it("recognises RudderStack's beacon batches, writeKey in the query", () => {
    expect(call('https://acme.dataplane.rudderstack.com/beacon/v1/batch?writeKey=abc')).toEqual({
      sender: 'rudderstack',
      callType: 'batch',
    });
    expect(call('https://acme.dataplane.rudderstack.com/beacon/batch')).toBeNull();
  });
  it("recognises a self-hosted data plane's beacon path under a user's own host", () => {
    expect(
      call('https://rs.acme.com/beacon/v1/batch?writeKey=abc', 'POST', [{ host: 'rs.acme.com', pathPrefix: '' }]),
    ).toEqual({
      sender: 'custom',
      callType: 'batch',
    });
  });
  it('ignores metrics, preflights and GETs', () => {
    expect(call('https://api.segment.io/v1/m')).toBeNull();
    expect(call('https://api.segment.io/v1/t', 'OPTIONS')).toBeNull();
    expect(call('https://api.segment.io/v1/t', 'GET')).toBeNull();
  });
  it('tolerates a query string and a trailing slash, not deeper paths', () => {
    expect(call('https://api.segment.io/v1/track/?x=1')?.callType).toBe('track');
    expect(call('https://api.segment.io/v1/track/extra')).toBeNull();
  });
  it('does not match look-alike hosts or garbage URLs', () => {
    expect(call('https://api.segment.io.evil.com/v1/t')).toBeNull();
    expect(call('not a url')).toBeNull();
  });
});

describe('user-added hosts (first-party proxies)', () => {
  const hosts = ['proxy.example.com/collect', '*.metrics.acme.io', 'localhost:8080'].map(
    (h) => parseHostPattern(h) as HostPattern,
  );
  it('honours a path prefix, with or without /v1 or /sdk after it', () => {
    expect(call('https://proxy.example.com/collect/v1/t', 'POST', hosts)).toEqual({
      sender: 'custom',
      callType: 'track',
    });
    expect(call('https://proxy.example.com/collect/sdk/identify', 'POST', hosts)?.callType).toBe('identify');
    expect(call('https://proxy.example.com/collect/b', 'POST', hosts)?.callType).toBe('batch');
    expect(call('https://proxy.example.com/other/v1/t', 'POST', hosts)).toBeNull();
    expect(call('https://proxy.example.com/collect/v1/m', 'POST', hosts)).toBeNull();
  });
  it('matches wildcard subdomains and explicit ports', () => {
    expect(call('https://eu.metrics.acme.io/v1/page', 'POST', hosts)?.callType).toBe('page');
    expect(call('http://localhost:8080/v1/track', 'POST', hosts)?.callType).toBe('track');
    expect(call('http://localhost:9090/v1/track', 'POST', hosts)).toBeNull();
  });
  it('parses what users type and rejects what is not a host', () => {
    expect(parseHostPattern(' https://Proxy.Example.com/collect/ ')).toEqual({
      host: 'proxy.example.com',
      pathPrefix: '/collect',
    });
    expect(parseHostPattern('not a host!')).toHaveProperty('error');
    expect(parseHostPattern('')).toHaveProperty('error');
  });
});

describe('the table, and the URL filters the listeners are registered with', () => {
  it('lists each tracking API once, as host and path prefix', () => {
    expect(KNOWN_ENDPOINTS.map(({ host, pathPrefix, sender }) => `${sender} ${host}${pathPrefix}`)).toEqual([
      'june api.june.so/sdk',
      'segment api.segment.io/v1',
      'segment events.eu1.segmentapis.com/v1',
      'rudderstack *.dataplane.rudderstack.com/v1',
      'rudderstack *.dataplane.rudderstack.com/beacon/v1',
    ]);
  });
  it('gives each a filter for its path prefix, on http and https', () => {
    expect(KNOWN_URL_FILTERS).toEqual([
      '*://api.june.so/sdk/*',
      '*://api.segment.io/v1/*',
      '*://events.eu1.segmentapis.com/v1/*',
      '*://*.dataplane.rudderstack.com/v1/*',
      '*://*.dataplane.rudderstack.com/beacon/v1/*',
    ]);
  });
  it("filters the user's hosts without their port (a filter with one matches nothing), with their path prefix", () => {
    const filter = (text: string) => urlFilterOf(parseHostPattern(text) as HostPattern);
    expect(filter('proxy.example.com/collect')).toBe('*://proxy.example.com/collect/*');
    expect(filter('https://t.example.com/')).toBe('*://t.example.com/*');
    expect(filter('localhost:8080')).toBe('*://localhost/*');
    expect(filter('*.metrics.acme.io')).toBe('*://*.metrics.acme.io/*');
  });

  // Every call the recogniser takes must reach it: a call outside the filters would never be seen.
  const hosts = ['proxy.example.com/collect', '*.metrics.acme.io', 'localhost:8080', 'https://t.example.com/'].map(
    (h) => parseHostPattern(h) as HostPattern,
  );
  const filters = [...KNOWN_URL_FILTERS, ...hosts.map(urlFilterOf)];
  const inFilters = (url: string) => filters.some((filter) => matchesPattern(filter, url));
  const paths = [
    'sdk/track',
    'sdk/b',
    'sdk/batch',
    'v1/t',
    'v1/b',
    'v1/track',
    'v1/batch/',
    'v1/page?x=1',
    'v1/m',
    'collect/v1/t',
    'collect/sdk/identify',
    'collect/b',
    'collect',
    'b',
    'other/v1/t',
  ];
  const origins = [
    'https://api.june.so',
    'https://api.segment.io',
    'http://api.segment.io',
    'https://events.eu1.segmentapis.com',
    'https://acme.dataplane.rudderstack.com',
    'https://dataplane.rudderstack.com',
    'https://proxy.example.com',
    'https://eu.metrics.acme.io',
    'http://localhost:8080',
    'http://localhost:9090',
    'https://t.example.com',
    'https://api.segment.io.evil.com',
  ];
  const urls = origins.flatMap((origin) => paths.map((path) => `${origin}/${path}`));
  it('hold every call the recogniser takes (a request they leave out is never one)', () => {
    const recognised = urls.filter((url) => recogniseCall('POST', url, hosts) !== null);
    expect(recognised.length).toBeGreaterThan(40);
    expect(recognised.filter((url) => !inFilters(url))).toEqual([]);
  });
  it('leave out what is no tracking host, and what is outside a path prefix', () => {
    for (const url of [
      'https://api.segment.io.evil.com/v1/t',
      'https://proxy.example.com/other/v1/t',
      'https://api.june.so/v1/track',
      'http://127.0.0.1:5173/r/1',
      'https://cdn.example.com/app.js',
    ]) {
      expect({ url, listened: inFilters(url) }).toEqual({ url, listened: false });
    }
  });
});

describe('the same URL asked again', () => {
  it('answers anew when the method or the hosts differ (only an identical question reuses the last answer)', () => {
    const proxy = [parseHostPattern('proxy.example.com') as HostPattern];
    const url = 'https://proxy.example.com/v1/t';
    expect(call(url)).toBeNull();
    expect(call(url, 'POST', proxy)).toEqual({ sender: 'custom', callType: 'track' });
    expect(call(url, 'OPTIONS', proxy)).toBeNull();
    expect(call(url, 'POST', proxy)).toEqual({ sender: 'custom', callType: 'track' });
    expect(recogniseCall('POST', url)).toBeNull();
  });
});
