import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHostPattern, type HostPattern } from '../../../src/core/endpoints';
import type { RequestHandlers } from '../../../src/background/listen/listener-group';
import { listenToUserHosts } from '../../../src/background/listen/user-hosts';
import { fakeWebRequest } from './web-request-fake';

const hosts = (...texts: string[]) => texts.map((text) => parseHostPattern(text) as HostPattern);
const MIRROR_KEY = 'track-inspector:user-host-filters';

function recordingHandlers() {
  const seen: string[] = [];
  const handlers: RequestHandlers = {
    beforeRequest: (d) => void seen.push(`before ${d.url}`),
    headersReceived: (d) => void seen.push(`headers ${d.url}`),
    completed: (d) => void seen.push(`completed ${d.url}`),
    errorOccurred: (d) => void seen.push(`error ${d.url}`),
  };
  return { handlers, seen };
}

describe("the user's hosts' listeners", () => {
  it('follow the settings: one set per URL filter, added and removed as hosts come and go', () => {
    const web = fakeWebRequest();
    const userHosts = listenToUserHosts(web.events, recordingHandlers().handlers, 'catch-all', () => undefined);
    userHosts.follow(hosts('a.example.com/t', 'b.example.com'));
    const [bSet] = web.registrations().filter((r) => r.urls[0] === '*://b.example.com/*');
    userHosts.follow(hosts('b.example.com', 'c.example.com', 'localhost:8080', 'localhost:9090'));
    expect(web.filters('onBeforeRequest')).toEqual(['*://b.example.com/*', '*://c.example.com/*', '*://localhost/*']);
    expect(web.filters('onCompleted')).toEqual(web.filters('onBeforeRequest'));
    expect(web.filters('onErrorOccurred')).toEqual(web.filters('onBeforeRequest'));
    // A host that stays keeps its listeners; a beacon's status is asked for beacons only, bodies for calls.
    expect(web.registrations()).toContain(bSet);
    expect(
      web
        .registrations()
        .filter((r) => r.event === 'onHeadersReceived')
        .map((r) => r.types),
    ).toEqual([['ping'], ['ping'], ['ping']]);
    expect(
      web
        .registrations()
        .filter((r) => r.event === 'onBeforeRequest')
        .map((r) => r.extra),
    ).toEqual([['requestBody'], ['requestBody'], ['requestBody']]);
    userHosts.follow([]);
    expect(web.registrations()).toEqual([]);
  });

  it('log a filter the browser refuses and go on with the others', () => {
    const web = fakeWebRequest((url) => url.includes('bad.example.com'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    listenToUserHosts(web.events, recordingHandlers().handlers, 'catch-all', () => undefined).follow(
      hosts('bad.example.com', 'good.example.com'),
    );
    expect(web.filters('onBeforeRequest')).toEqual(['*://good.example.com/*']);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});

describe("Chromium: the first turn's catch-all", () => {
  it("hands over the calls that woke the worker until the hosts are read, then only the hosts' listeners stay", () => {
    const web = fakeWebRequest();
    const { handlers, seen } = recordingHandlers();
    const userHosts = listenToUserHosts(web.events, handlers, 'catch-all', () => undefined);
    expect(web.filters('onBeforeRequest')).toEqual(['<all_urls>']);
    // Known endpoints' calls and navigations are the other first-turn listeners' (listen.ts), not its.
    web.dispatch('onBeforeRequest', { url: 'https://proxy.example.com/collect/v1/t', type: 'xmlhttprequest' });
    web.dispatch('onCompleted', { url: 'https://proxy.example.com/collect/v1/t', type: 'xmlhttprequest' });
    web.dispatch('onBeforeRequest', { url: 'https://api.segment.io/v1/t', type: 'xmlhttprequest' });
    web.dispatch('onCompleted', { url: 'https://api.segment.io/v1/t', type: 'xmlhttprequest' });
    web.dispatch('onBeforeRequest', { url: 'https://proxy.example.com/', type: 'main_frame' });
    expect(seen).toEqual([
      'before https://proxy.example.com/collect/v1/t',
      'completed https://proxy.example.com/collect/v1/t',
    ]);

    seen.length = 0;
    userHosts.follow(hosts('proxy.example.com/collect'));
    expect(web.filters('onBeforeRequest')).toEqual(['*://proxy.example.com/collect/*']);
    web.dispatch('onBeforeRequest', { url: 'https://proxy.example.com/collect/v1/t', type: 'xmlhttprequest' });
    web.dispatch('onBeforeRequest', { url: 'http://127.0.0.1:8080/app.js', type: 'script' });
    expect(seen).toEqual(['before https://proxy.example.com/collect/v1/t']);
  });
});

describe("Firefox: the user's host filters mirrored for the event page's first turn", () => {
  let stored: Map<string, string>;
  beforeEach(() => {
    stored = new Map();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('registers the mirrored filters in the first turn, with no catch-all', () => {
    stored.set(MIRROR_KEY, JSON.stringify(['*://proxy.example.com/collect/*']));
    const web = fakeWebRequest();
    listenToUserHosts(web.events, recordingHandlers().handlers, 'mirror', () => undefined);
    expect(web.filters('onBeforeRequest')).toEqual(['*://proxy.example.com/collect/*']);
  });

  it('restarts the page once a host is added that its first turn did not register, the mirror written first', () => {
    stored.set(MIRROR_KEY, JSON.stringify(['*://proxy.example.com/collect/*']));
    const restart = vi.fn(() =>
      expect(JSON.parse(stored.get(MIRROR_KEY) ?? '')).toEqual([
        '*://proxy.example.com/collect/*',
        '*://t.example.com/*',
      ]),
    );
    const userHosts = listenToUserHosts(fakeWebRequest().events, recordingHandlers().handlers, 'mirror', restart);
    userHosts.follow(hosts('proxy.example.com/collect')); // as read from storage.local: what the first turn had
    expect(restart).not.toHaveBeenCalled();
    userHosts.follow(hosts('proxy.example.com/collect', 't.example.com'));
    expect(restart).toHaveBeenCalledTimes(1);
  });

  it('does not restart for a removed host (its listener goes; the next start does not prime it)', () => {
    stored.set(MIRROR_KEY, JSON.stringify(['*://a.example.com/*', '*://b.example.com/*']));
    const restart = vi.fn();
    const web = fakeWebRequest();
    listenToUserHosts(web.events, recordingHandlers().handlers, 'mirror', restart).follow(hosts('b.example.com'));
    expect(restart).not.toHaveBeenCalled();
    expect(web.filters('onBeforeRequest')).toEqual(['*://b.example.com/*']);
    expect(stored.get(MIRROR_KEY)).toBe(JSON.stringify(['*://b.example.com/*']));
  });

  it('never restarts without a working localStorage (it would start with the same listeners again)', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    });
    const restart = vi.fn();
    const web = fakeWebRequest();
    listenToUserHosts(web.events, recordingHandlers().handlers, 'mirror', restart).follow(hosts('t.example.com'));
    expect(restart).not.toHaveBeenCalled();
    expect(web.filters('onBeforeRequest')).toEqual(['*://t.example.com/*']);
  });
});
