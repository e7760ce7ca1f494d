/**
 * A HAR recorded for real by Playwright's recordHar in Debian's Chromium, over the June SDK, the
 * Segment SDK and every transport: each tracking call the collector received is in the CLI's
 * report, with the verdict of the body the collector got, or (Chromium records no body for a
 * sendBeacon of a Blob or an ArrayBuffer) as a row that says the HAR has no body.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRecords } from '../../src/core/call-records';
import { recogniseCall } from '../../src/core/endpoints';
import { recordName } from '../../src/core/label';
import { createLinter } from '../../src/core/lint';
import { startCollector, TRACK_HOSTS, type CollectedRequest, type Collector } from '../../browser-harness/collector';
import { CHROMIUM, chromiumFlags, installedPath } from '../../browser-harness/installed';
import { testPages } from './pages/build-pages';

interface CliResult {
  readonly entry: number;
  readonly type: string;
  readonly event: string | null;
  readonly valid: boolean;
  readonly errors: readonly { readonly message: string }[];
}
interface HarEntry {
  readonly request: { readonly method: string; readonly url: string; readonly postData?: { readonly text?: string } };
}

const dir = mkdtempSync(path.join(tmpdir(), 'ti-har-'));
const harFile = path.join(dir, 'playwright-chromium.har');
let collector: Collector;
let received: CollectedRequest[];

beforeAll(async () => {
  collector = await startCollector(await testPages());
  const browser = await chromium.launch({
    executablePath: installedPath(CHROMIUM),
    args: chromiumFlags(collector.tlsPort, TRACK_HOSTS),
  });
  try {
    const context = await browser.newContext({ recordHar: { path: harFile } });
    const page = await context.newPage();
    for (const sdk of ['june', 'segment']) {
      await page.goto(`${collector.origin}/${sdk}.html`);
      await page.evaluate(() => (window as unknown as { runScenario(): Promise<string> }).runScenario());
    }
    await page.goto(`${collector.origin}/transports.html`);
    await page.evaluate(() => (window as unknown as { sendEverything(): Promise<unknown> }).sendEverything());
    // Beacons may reach the collector after the page's promise settles: wait until every message the
    // page sends has arrived.
    const expected = await page.evaluate(() =>
      (window as unknown as { EXPECTED: [string][] }).EXPECTED.map(([label]) => label),
    );
    for (const deadline = Date.now() + 15_000; ; await new Promise((r) => setTimeout(r, 100))) {
      const labels = await receivedLabels();
      const missing = expected.filter((label) => !labels.includes(label));
      if (missing.length === 0) break;
      if (Date.now() > deadline) throw new Error(`the collector never received ${missing.join(', ')}`);
    }
    await context.close(); // writes the HAR
  } finally {
    await browser.close();
  }
  received = trackingCalls(collector.requests);
}, 60_000);

afterAll(async () => {
  await collector?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The messages the collector received, by the names the panel gives them. */
async function receivedLabels(): Promise<string[]> {
  const records = await Promise.all(trackingCalls(collector.requests).map(recordsOf));
  return records.flat().map(recordName);
}

/** What the collector received, as live capture reads it (which hands a FormData body over parsed). */
async function recordsOf({ host, path: pathname, body, contentType }: CollectedRequest) {
  const url = `https://${host}${pathname}`;
  const call = recogniseCall('POST', url);
  if (!call) return [];
  const form = /^multipart\/form-data/.test(contentType)
    ? await new Response(body, { headers: { 'Content-Type': contentType } }).formData()
    : null;
  const fields =
    form &&
    Object.fromEntries([...form].flatMap(([name, value]) => (typeof value === 'string' ? [[name, [value]]] : [])));
  const request = { url, method: 'POST', outcome: 'status' as const, status: 200, error: null };
  const read = fields ? ({ kind: 'form', fields } as const) : ({ kind: 'text', text: body } as const);
  return callRecords(
    call,
    read,
    { capturedAt: 0, tabId: -1, pageUrl: '', request },
    { strict: false, linter: createLinter() },
  );
}

/** What the collector received that is a tracking call (not the SDKs' metrics, /v1/m). */
function trackingCalls(requests: readonly CollectedRequest[]): CollectedRequest[] {
  return requests.filter((r) => recogniseCall(r.method, `https://${r.host}${r.path}`) !== null);
}

describe('a HAR recorded by Playwright in Chromium', () => {
  it('has every tracking call the collector received, each with the verdict of what was received, or saying its body is missing', async () => {
    const entries = (JSON.parse(readFileSync(harFile, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
    const cli = spawnSync(process.execPath, ['bin/track-inspector.js', 'validate', '--json', harFile], {
      encoding: 'utf8',
    });
    expect(cli.stderr).toBe('');
    const results = cli.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as CliResult);

    // Pair each received call with its HAR entry: the same URL and body first; then an entry whose
    // text differs from the bytes sent (no body, or a multipart body as the recorder wrote it)
    // takes the call to its URL left over.
    const unmatched = [...received];
    const sameUrl = (entry: HarEntry, r: CollectedRequest) => {
      const url = new URL(entry.request.url);
      return r.host === url.hostname && r.path === url.pathname;
    };
    const take = (entry: HarEntry, exact: boolean) => {
      const index = unmatched.findIndex(
        (r) => sameUrl(entry, r) && (!exact || r.body === entry.request.postData?.text),
      );
      return index < 0 ? undefined : unmatched.splice(index, 1)[0];
    };
    const tracking = [...entries.entries()].filter(([, entry]) =>
      recogniseCall(entry.request.method, entry.request.url),
    );
    const calls = new Map(tracking.map(([i, entry]) => [i, take(entry, true)]));
    for (const [i, entry] of tracking) if (!calls.get(i)) calls.set(i, take(entry, false));
    let withoutBody = 0;
    for (const [i, entry] of tracking) {
      const call = calls.get(i);
      expect(call, `HAR entry ${i + 1} (${entry.request.url}) is a call the collector received`).toBeDefined();
      const rows = results.filter((r) => r.entry === i + 1);
      if (!entry.request.postData?.text) {
        withoutBody++;
        expect(rows.map((r) => r.errors[0]?.message)).toEqual([
          expect.stringMatching(/^the HAR has no body for this request/),
        ]);
        continue;
      }
      const sent = await recordsOf(call as CollectedRequest);
      expect(
        rows.map((r) => [r.type, r.valid]),
        `HAR entry ${i + 1}`,
      ).toEqual(sent.map((record) => [record.type, record.validation.valid]));
    }
    expect(unmatched, 'tracking calls the collector received that the HAR lacks').toEqual([]);
    // Chromium's recorder drops the bodies of Blob and ArrayBuffer beacons; the rest are there.
    expect(withoutBody).toBeGreaterThan(0);
    expect(withoutBody).toBeLessThan(received.length / 2);
    expect(results.some((r) => r.event === 'Order Completed' && r.valid)).toBe(true);
    expect(results.some((r) => r.event === 'Bad Timestamp' && !r.valid)).toBe(true);
  });

  it('drafts a tracking plan from it with plan infer', () => {
    const cli = spawnSync(process.execPath, ['bin/track-inspector.js', 'plan', 'infer', harFile], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    const plan = JSON.parse(cli.stdout) as { rules: { type: string; key?: string }[] };
    expect(plan.rules.filter((r) => r.type === 'TRACK').map((r) => r.key)).toEqual(
      expect.arrayContaining(['Order Completed', 'Bad Timestamp', 'fetch json']),
    );
  });
});
