// Capture in Debian's Chromium: the shared suite, plus what only a service worker and Chromium's
// webRequest gaps make necessary.
import { describe, expect, it } from 'vitest';
import { launchChromium } from '../../browser-harness/chromium';
import { captureSuite, openTab } from './capture-suite';
import { sdkTransportsSuite } from './sdk-transports-suite';
import type { PageLike } from '../../browser-harness/browser';
import {
  labelOf,
  messagesOf,
  readTimeline,
  tabIdOf,
  waitForLabels,
  type Message,
} from '../../browser-harness/timeline';
import { JOIN_WINDOW_MS } from '../../src/core/capture/held-report';
import { expectUserHostAcrossStops } from './user-host-restart';

const context = captureSuite((collector) => launchChromium({ tlsPort: collector.tlsPort }));

describe('chromium service worker', () => {
  // The page hook reports the page's order (src/content/page-routes.ts); Firefox has no page hook: docs/capture.md.
  it('names its own route for each of 50 calls sent in the same tick as a pushState, before or after it', async () => {
    const { page, tabId } = await openTab(context, '/transports.html?spa');
    // Pair i: pushState to ?route=i, then at once a call that must name it; then a call that must
    // still name ?route=i, and at once the pushState to ?left=i.
    await page.evaluate(async () => {
      const send = (event: string) =>
        fetch('https://api.june.so/sdk/track', { method: 'POST', body: JSON.stringify({ event, userId: 'u' }) });
      for (let i = 0; i < 50; i++) {
        history.pushState({}, '', `/transports.html?route=${i}`);
        const after = send(`After ${i}`);
        const before = send(`Before ${i}`);
        history.pushState({}, '', `/transports.html?left=${i}`);
        await Promise.all([after, before]);
      }
    }, undefined);
    const labels = Array.from({ length: 50 }, (_, i) => [`After ${i}`, `Before ${i}`]).flat();
    const messages = await waitForLabels(context.browser, tabId, labels);
    const named = (label: string) =>
      messages.find((m) => labelOf(m) === label)?.record.pageUrl.replace(context.collector.origin, '');
    const wrong = labels.filter((label) => named(label) !== `/transports.html?route=${label.split(' ')[1]}`);
    expect(wrong.map((label) => `${label}: ${named(label)}`)).toEqual([]);
    await page.close();
  });

  const labels = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `Stream ${from + i}`);
  const send = (page: PageLike, from: number, to: number) =>
    page.evaluate(
      async ([a, b]) => {
        for (let i = a; i < b; i++)
          await fetch('https://api.segment.io/v1/t', {
            method: 'POST',
            body: JSON.stringify({ event: `Stream ${i}`, userId: 'u' }),
          });
      },
      [from, to] as const,
    );

  it('loses nothing when the worker is stopped between calls, and goes on capturing', async () => {
    const { page, tabId } = await openTab(context, '/transports.html?restart');
    await send(page, 0, 10);
    await waitForLabels(context.browser, tabId, labels(0, 10));
    await context.browser.stopBackground();
    await send(page, 10, 20); // the first of these wakes the worker
    await waitForLabels(context.browser, tabId, labels(10, 20));
    await context.browser.stopBackground();
    await send(page, 20, 30);
    const messages = await waitForLabels(context.browser, tabId, labels(0, 30));
    expect(messages.map(labelOf)).toEqual(labels(0, 30)); // each once, in order, every outcome kept
    expect(messages.every((m) => m.record.request.status === 200)).toBe(true);
    await page.close();
  });

  it('loses no call when the worker is stopped while the page is sending', async () => {
    const { page, tabId } = await openTab(context, '/transports.html?midstream');
    const streaming = send(page, 0, 60);
    await waitForLabels(context.browser, tabId, ['Stream 10'], { outcome: false });
    await context.browser.stopBackground();
    await waitForLabels(context.browser, tabId, ['Stream 30'], { outcome: false });
    await context.browser.stopBackground();
    await streaming;
    // A completion event Chrome delivered to the worker as it was killed is gone for good, so
    // outcomes are not asserted here; every call must still be a row, once, in order.
    const messages = await waitForLabels(context.browser, tabId, labels(0, 60), { outcome: false });
    expect(messages.map(labelOf)).toEqual(labels(0, 60));
    await page.close();
  });

  it('captures a host the user adds while it runs, and after it was stopped, every call once', async () => {
    await expectUserHostAcrossStops(context.browser, context.collector, () => context.browser.stopBackground());
  });
});

describe('chromium: exact across a worker stop', () => {
  const TRANSPORTS = ['fetch', 'keepalive', 'xhr', 'beacon-string', 'beacon-blob'] as const;
  const name = (i: number) => `Exact ${i}`;
  const sendVia = (page: PageLike, calls: readonly (readonly [string, string])[]) =>
    page.evaluate(
      (list) =>
        Promise.all(
          list.map(([transport, event]) =>
            (window as unknown as { sendVia(t: string, e: string): Promise<string> }).sendVia(transport, event),
          ),
        ),
      calls,
    );

  it('keeps every body and page when the worker is stopped before Blob beacons and a pagehide beacon', async () => {
    const { page, tabId, url } = await openTab(context, '/transports.html?exact');
    // A burst over every transport; the worker is stopped 500 ms in.
    const burst = sendVia(
      page,
      Array.from({ length: 26 }, (_, i) => [TRANSPORTS[i % TRANSPORTS.length] as string, name(i)] as const),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await context.browser.stopBackground();
    await burst;
    // 33 more over the other transports (the first wakes the worker), then 4 Blob beacons, then one in pagehide.
    // All sent at once, so the Blob beacons and their bodies reach a worker that is still starting.
    await sendVia(page, [
      ...Array.from({ length: 33 }, (_, i) => [TRANSPORTS[i % 4] as string, name(26 + i)] as const),
      ...Array.from({ length: 4 }, (_, i) => ['beacon-blob', name(59 + i)] as const),
    ]);
    await page.evaluate((event) => {
      addEventListener(
        'pagehide',
        () =>
          void (window as unknown as { sendVia(t: string, e: string): Promise<string> }).sendVia('beacon-blob', event),
      );
    }, name(63));
    await page.goto(`${context.collector.origin}/blank.html`);
    const expected = Array.from({ length: 64 }, (_, i) => name(i));
    const messages = await waitForLabels(context.browser, tabId, expected, { outcome: false });
    const exact = (m: Message) => ({
      label: labelOf(m),
      type: m.record.type,
      valid: m.record.validation.valid,
      page: m.record.pageUrl,
    });
    // Sorted by name: calls sent in the same millisecond have no order of their own.
    const byName = [...messages].sort((a, b) => Number(labelOf(a).split(' ')[1]) - Number(labelOf(b).split(' ')[1]));
    expect(byName.map(exact)).toEqual(expected.map((label) => ({ label, type: 'track', valid: true, page: url })));
    await page.close();
  });
});

describe('chromium: reports of a page that goes while the worker is stopped', () => {
  it('keeps the bodies of Blob beacons sent as the page navigates away before the stopped worker could start', async () => {
    const { page, tabId } = await openTab(context, '/transports.html?gone');
    const send = (event: string) =>
      (window as unknown as { sendVia(t: string, e: string): Promise<string> }).sendVia('beacon-blob', event);
    await page.evaluate(send, 'Gone 0');
    await waitForLabels(context.browser, tabId, ['Gone 0'], { outcome: false });
    await context.browser.stopBackground();
    // Sent and left in one task: the page is gone before the worker its beacons wake has started, so the relay's
    // messages never arrive (Chromium drops them with their document); the reports go through storage instead.
    await page.evaluate(
      ([gone]) => {
        const page = window as unknown as { sendVia(t: string, e: string): Promise<string> };
        addEventListener('pagehide', () => void page.sendVia('beacon-blob', `${gone} 2`));
        void page.sendVia('beacon-blob', `${gone} 1`);
        location.href = '/blank.html';
      },
      ['Gone'],
    );
    const labels = ['Gone 0', 'Gone 1', 'Gone 2'];
    const messages = await waitForLabels(context.browser, tabId, labels, { outcome: false });
    expect(messages.map(labelOf).sort()).toEqual(labels);
    await page.close();
  });
});

describe('chromium unload beacons', () => {
  const addLeaveBeacon = (page: PageLike, event: string) =>
    page.evaluate((name) => {
      addEventListener('pagehide', () => {
        navigator.sendBeacon(
          'https://api.segment.io/v1/t',
          new Blob([JSON.stringify({ type: 'track', event: name, anonymousId: 'a' })], { type: 'text/plain' }),
        );
      });
    }, event);

  it("keeps a closing tab's timeline until its last beacon is joined", async () => {
    const { page, tabId } = await openTab(context, '/transports.html?closing');
    await addLeaveBeacon(page, 'Closed Tab');
    await page.close();
    const messages = await waitForLabels(context.browser, tabId, ['Closed Tab'], { timeoutMs: 5000, outcome: false });
    expect(messages.find((m) => labelOf(m) === 'Closed Tab')?.record.validation.valid).toBe(true);
  });

  it('catches the pagehide Blob beacon with the back/forward cache on too', async () => {
    // Playwright starts Chromium with --disable-back-forward-cache; this browser keeps the cache on,
    // so the page is frozen into the cache instead of unloaded when it navigates away.
    const browser = await launchChromium({ tlsPort: context.collector.tlsPort, disableBackForwardCache: false });
    try {
      const page = await browser.newPage();
      const url = `${context.collector.origin}/transports.html?bfcache`;
      await page.goto(url);
      const tabId = await tabIdOf(browser, url);
      await addLeaveBeacon(page, 'Left Into Cache');
      await page.goto(`${context.collector.origin}/blank.html`);
      const messages = await waitForLabels(browser, tabId, ['Left Into Cache']);
      expect(messages.filter((m) => labelOf(m) === 'Left Into Cache')).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });
});

describe('chromium beacons without a body', () => {
  it("a beacon sent with no body, or an empty one, is one row, not its request's row beside its page report's", async () => {
    const { page, tabId } = await openTab(context, '/transports.html?empty-beacon');
    const [none, empty] = ['https://api.segment.io/v1/t?none', 'https://api.segment.io/v1/t?empty-string'];
    await page.evaluate(
      ([none, empty]) => {
        navigator.sendBeacon(none);
        navigator.sendBeacon(empty, '');
        return fetch('https://api.segment.io/v1/t', {
          method: 'POST',
          body: JSON.stringify({ type: 'track', event: 'After Empty Beacon', anonymousId: 'a' }),
        }).then((response) => response.status);
      },
      [none, empty] as const,
    );
    await waitForLabels(context.browser, tabId, ['After Empty Beacon']);
    // A report no request claims becomes a row of its own once the join window closes: only after it can a
    // second row for the one beacon show, so the count is read past it.
    await new Promise((resolve) => setTimeout(resolve, JOIN_WINDOW_MS + 1000));
    const messages = messagesOf(await readTimeline(context.browser, tabId));
    const outcomes = (url: string) =>
      messages
        .filter((m) => m.record.request.url === url)
        .map((m) => m.record.request.status ?? m.record.request.error);
    expect([outcomes(none), outcomes(empty)]).toEqual([[200], [200]]);
    await page.close();
  });
});

sdkTransportsSuite(context);
