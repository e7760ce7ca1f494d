// Capture in Debian's Chromium: the shared suite, plus what only a service worker and Chromium's
// webRequest gaps make necessary.
import { describe, expect, it } from 'vitest';
import { launchChromium } from './harness/chromium';
import { captureSuite, openTab } from './capture-suite';
import type { PageLike } from './harness/browser';
import { labelOf, tabIdOf, waitForLabels } from './harness/timeline';

const context = captureSuite((collector) => launchChromium({ tlsPort: collector.tlsPort }));

describe('chromium service worker', () => {
  const labels = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `Stream ${from + i}`);
  const send = (page: PageLike, from: number, to: number) =>
    page.evaluate(
      async ([a, b]) => {
        for (let i = a; i < b; i++) await fetch('https://api.segment.io/v1/t', { method: 'POST', body: JSON.stringify({ event: `Stream ${i}`, userId: 'u' }) });
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
});

describe('chromium unload beacons', () => {
  const addLeaveBeacon = (page: PageLike, event: string) =>
    page.evaluate((name) => {
      addEventListener('pagehide', () => {
        navigator.sendBeacon('https://api.segment.io/v1/t', new Blob([JSON.stringify({ type: 'track', event: name, anonymousId: 'a' })], { type: 'text/plain' }));
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
