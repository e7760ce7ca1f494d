// What a front-end engineer sees of the page hook in Chromium's real DevTools (issue 20, item 4). The hook wraps
// `fetch` and XHR in every page (docs/capture.md, "What the page hook wraps, and why"), so its frame is on top of
// the stack of each of the page's own requests: CDP's raw initiator stack shows it. Its bundle's source map
// ignore-lists it (scripts/ignore-listed-hook.ts), so DevTools, with its default settings, names the page's own
// line as the initiator of the page's non-tracking fetch and XHR, and leaves the hook out of a failing fetch's
// stack in the Console. Without the map both name `page-hook.iife.js` (measured on Chromium 156).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPuppeteerChromium } from '../../browser-harness/puppeteer-chromium';
import { until } from './until';

// Port 9 is one Chromium refuses to connect to (net::ERR_UNSAFE_PORT): a failing fetch without a network.
const PAGE = `<!doctype html><script>
function loadData() { return fetch('/api/data'); }
function loadXhr() { const x = new XMLHttpRequest(); x.open('GET', '/api/xhr'); x.send(); }
function failing() { return fetch('http://127.0.0.1:9/refused'); }
function ready(n) { return fetch('/api/ready?' + n); }
window.go = () => { loadData(); loadXhr(); failing().catch((error) => console.error('page fetch failed', error)); };
</script><p>A page with its own requests</p>`;

/** The text of every element matching `selector` in the DevTools page, through its shadow roots. */
const shown = (devtools: Page, selector: string) =>
  devtools.evaluate(`(() => {
    const out = [];
    const walk = (root) => {
      root.querySelectorAll(${JSON.stringify(selector)}).forEach((el) => out.push(el.innerText.replace(/\\s+/g, ' ').trim()));
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && walk(el.shadowRoot));
    };
    walk(document);
    return out;
  })()`) as Promise<string[]>;

let server: http.Server;
let origin: string;
let userDataDir: string;
let browser: Browser;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const api = request.url?.startsWith('/api/');
    response.writeHead(200, { 'content-type': api ? 'application/json' : 'text/html' }).end(api ? '{}' : PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-footprint-'));
  // DevTools' own defaults but for its window: undocked, so every panel's tab is in view.
  mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
  const preferences = { devtools: { preferences: { currentDockState: '"undocked"' } } };
  writeFileSync(path.join(userDataDir, 'Default', 'Preferences'), JSON.stringify(preferences));
  browser = await launchPuppeteerChromium({ userDataDir, tlsPort: 1, extraArgs: ['--window-size=1280,800'] });
}, 60_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("The page hook in Chromium DevTools, for the page's own requests", () => {
  it('is on the raw stack, and DevTools names the page as initiator and leaves it out of the stack it shows', async () => {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    const topFrames = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
      const [top] = initiator.stack?.callFrames ?? [];
      if (top) topFrames.set(new URL(request.url).pathname, `${top.functionName} ${top.url}`);
    });
    await cdp.send('Network.enable');
    await page.goto(`${origin}/`);
    const devtools = await page.openDevTools();
    await devtools.locator('::-p-aria(Network[role="tab"])').setTimeout(30_000).click();
    // Recording once a request made now shows in the panel.
    let tries = 0;
    await until(
      async () => {
        await page.evaluate((n) => (window as unknown as { ready(n: number): Promise<unknown> }).ready(n), ++tries);
        return shown(devtools, 'td.name-column');
      },
      (names) => names.some((name) => name.startsWith('ready?')),
      'the Network panel to record',
    );
    await page.evaluate(() => (window as unknown as { go(): void }).go());
    const rows = async () => {
      const [names, initiators] = await Promise.all([
        shown(devtools, 'td.name-column'),
        shown(devtools, 'td.initiator-column'),
      ]);
      const byName = Object.fromEntries(names.map((name, i) => [name, initiators[i] ?? '']));
      return [byName['data'], byName['xhr'], byName['refused']];
    };
    // DevTools draws a row, then redraws it once the hook's source map is in: what stays is what a user sees.
    // The page's own lines (the page is `(index)`; line 2 is loadData's, 3 loadXhr's, 4 failing's).
    const PAGE_LINES = ['(index):2', '(index):3', '(index):4'];
    // Fails the test, naming the last cells, if they never come to name the page (they named the hook without the map).
    await until(rows, (cells) => cells.join() === PAGE_LINES.join(), `the initiators ${PAGE_LINES.join(', ')}`);

    // What the page's JavaScript and CDP see: the hook's wrapper made the call.
    expect(topFrames.get('/api/data')).toMatch(
      /fetch chrome-extension:\/\/[a-p]{32}\/src\/content\/page-hook\.iife\.js$/,
    );
    expect(topFrames.get('/api/xhr')).toMatch(
      /send chrome-extension:\/\/[a-p]{32}\/src\/content\/page-hook\.iife\.js$/,
    );

    await devtools.locator('::-p-aria(Console[role="tab"])').setTimeout(30_000).click();
    // The error's stack is drawn after its message line, and redrawn once the source map is in.
    const FAILED = /page fetch failed TypeError: Failed to fetch at failing \(\(index\):4:\d+\) at window\.go/;
    const REFUSED = /^\(index\):4 GET http:\/\/127\.0\.0\.1:9\/refused net::ERR_UNSAFE_PORT/;
    await until(
      () => shown(devtools, '.console-message-wrapper'),
      (all) => all.some((m) => FAILED.test(m)) && all.some((m) => REFUSED.test(m)) && !all.join().includes('page-hook'),
      'the failed fetch in the Console, its line and stack from the page, none from the hook',
    );
  });
});
