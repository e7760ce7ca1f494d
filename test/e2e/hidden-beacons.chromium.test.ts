// Beacons the browser does not show to webRequest (Edge 132+ shows extensions no `ping` request,
// MicrosoftEdge-Extensions#228): the extension built with a test flag whose background ignores every ping
// (src/background/listen/hide-pings.ts) still shows each beacon exactly once, from the page hook's report,
// saying the browser did not show it, in the live panel and in the export; a pagehide beacon too.
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TargetType } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../browser-harness/chromium';
import { launchChromiumPanel, type ChromiumPanelBrowser } from '../../browser-harness/chromium-devtools';
import { startCollector, type Collector } from '../../browser-harness/collector';
import { buildExtensionVariant } from '../../browser-harness/extension-variant';
import type { PanelHandle } from '../../browser-harness/panel';
import { labelOf, tabIdOf, waitForLabels } from '../../browser-harness/timeline';
import { HIDDEN_PINGS_GLOBAL, HIDE_PINGS_ENV } from '../../src/background/listen/hide-pings';
import { testPages } from './pages/build-pages';

const UNSEEN = 'sent by the page; the browser did not show the request';

/** Each beacon body type the page hook reads, a batch, one it cannot read, and a fetch the browser does show. */
function sendBeaconsAndAFetch(): Promise<string> {
  const SEGMENT = 'https://api.segment.io/v1/';
  const track = (event: string) => ({
    type: 'track',
    event,
    anonymousId: 'anon-1',
    timestamp: new Date().toISOString(),
  });
  const json = JSON.stringify;
  navigator.sendBeacon(`${SEGMENT}i`, json({ type: 'identify', userId: 'user-beacon-string', traits: {} }));
  navigator.sendBeacon(`${SEGMENT}t`, new TextEncoder().encode(json(track('beacon arraybuffer'))).buffer);
  navigator.sendBeacon(`${SEGMENT}t`, new Blob([json(track('beacon blob'))], { type: 'text/plain' }));
  const form = new FormData();
  form.append('data', json(track('beacon formdata')));
  navigator.sendBeacon(`${SEGMENT}t`, form);
  navigator.sendBeacon(`${SEGMENT}b`, json({ batch: [track('beacon batch a'), track('beacon batch b')] }));
  // A slice is a Blob the page hook did not see built, and in a beacon it cannot wait to read it.
  navigator.sendBeacon(`${SEGMENT}p`, new Blob([json({ type: 'page', name: 'sliced' })]).slice(0));
  return fetch(`${SEGMENT}t`, { method: 'POST', body: json(track('fetch shown')) }).then(() => 'sent');
}

const BEACON_NAMES = [
  'user-beacon-string',
  'beacon arraybuffer',
  'beacon blob',
  'beacon formdata',
  'beacon batch a',
  'beacon batch b',
];

let collector: Collector;
let extensionDir: string;

beforeAll(async () => {
  extensionDir = buildExtensionVariant('chrome', 'test-hidden-pings', { [HIDE_PINGS_ENV]: '1' });
  collector = await startCollector(await testPages());
}, 120_000);
afterAll(async () => {
  await collector?.close();
});

describe('beacons Chromium does not show to webRequest (a test build that ignores pings)', () => {
  let browser: ChromiumPanelBrowser;
  let panel: PanelHandle;
  const downloadDir = mkdtempSync(path.join(tmpdir(), 'ti-hidden-beacons-'));

  beforeAll(async () => {
    browser = await launchChromiumPanel({ collector, theme: 'light', downloadDir, extensionDir });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(downloadDir, { recursive: true, force: true });
  });

  it('shows every beacon once in the live panel, saying the browser did not show it, and exports the same', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.origin}/transports.html?hidden`);
    panel = await browser.openTrackPanel(page);
    const before = collector.requests.length;
    expect(await page.evaluate(sendBeaconsAndAFetch, undefined)).toBe('sent');

    const rows = () =>
      panel.evaluate(
        () =>
          // In the order the user sees them: the DOM holds rows by place (timeline-places.ts).
          [...document.querySelectorAll<HTMLElement>('.row.message')]
            .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
            .map((row) => ({
              name: row.querySelector('.name')?.firstChild?.textContent ?? '',
              outcome: row.querySelector('.outcome')?.textContent ?? '',
              title: row.querySelector('.outcome')?.getAttribute('title') ?? '',
            })),
        undefined,
      );
    let shown = await rows();
    for (const deadline = Date.now() + 20_000; shown.length < 8 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      shown = await rows();
    }
    // Every beacon reached the collector: the browser sent them; only the extension was not shown them.
    expect(collector.requests.slice(before).filter((r) => r.host === 'api.segment.io')).toHaveLength(7);
    const worker = await browser.puppeteer.waitForTarget(
      (t) => t.type() === TargetType.SERVICE_WORKER && t.url().startsWith('chrome-extension://'),
    );
    const hiddenPings = await (
      await worker.worker()
    )?.evaluate(
      (name) => (globalThis as unknown as Record<string, number | undefined>)[name] ?? 0,
      HIDDEN_PINGS_GLOBAL,
    );
    expect(hiddenPings).toBe(6);

    const byName = (name: string) => shown.filter((row) => row.name === name);
    for (const name of BEACON_NAMES) expect(byName(name), name).toEqual([{ name, outcome: 'unseen', title: UNSEEN }]);
    expect(byName('fetch shown').map((row) => row.outcome)).toEqual(['200']);
    // The slice: a row that says no body could be read, and that the browser did not show the request.
    const others = shown.filter((row) => !BEACON_NAMES.includes(row.name) && row.name !== 'fetch shown');
    expect(others.map((row) => row.outcome)).toEqual(['unseen']);
    expect(shown).toHaveLength(8);

    const exportAt = await panel.evaluate(
      () =>
        [...document.querySelectorAll('.toolbar > button')].findIndex(
          (b) => b.textContent?.trim() === 'Export NDJSON',
        ) + 1,
      undefined,
    );
    await panel.click(`.toolbar > button:nth-of-type(${exportAt})`);
    const file = await panel.waitForDownload(/\.ndjson$/);
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            payload: { event?: string; userId?: string } | null;
            request: { outcome: string; error: string | null };
            validation: { valid: boolean };
          },
      );
    const exported = (name: string) =>
      lines
        .filter((l) => (l.payload?.event ?? l.payload?.userId) === name)
        .map((l) => [l.request.outcome, l.validation.valid]);
    for (const name of BEACON_NAMES) expect(exported(name), name).toEqual([['unseen', true]]);
    expect(exported('fetch shown')).toEqual([['status', true]]);
    expect(lines).toHaveLength(8);
  });
});

describe('a pagehide beacon Chromium does not show', () => {
  it('is one row, from the page that sent it, when the tab navigates away', async () => {
    const browser = await launchChromium({ tlsPort: collector.tlsPort, extensionDir });
    try {
      const page = await browser.newPage();
      const url = `${collector.origin}/transports.html?hidden-pagehide`;
      await page.goto(url);
      const tabId = await tabIdOf(browser, url);
      await page.evaluate(() => {
        addEventListener('pagehide', () => {
          const body = JSON.stringify({ type: 'track', event: 'Left Unseen', anonymousId: 'anon-1' });
          navigator.sendBeacon('https://api.segment.io/v1/t', new Blob([body], { type: 'text/plain' }));
        });
      }, undefined);
      await page.goto(`${collector.origin}/blank.html`);
      const messages = await waitForLabels(browser, tabId, ['Left Unseen'], { outcome: false });
      const left = messages.filter((m) => labelOf(m) === 'Left Unseen');
      expect(left.map((m) => [m.record.pageUrl, m.record.request.outcome, m.record.validation.valid])).toEqual([
        [url, 'unseen', true],
      ]);
    } finally {
      await browser.close();
    }
  });
});
