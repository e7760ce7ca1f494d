/**
 * `npm run bench:capture` (run `npm run build` first: it loads the built dist/chrome). What a user
 * feels, in real Chromium against the e2e collector standing in for api.segment.io:
 *  - capture-to-panel latency: from a page sending a track call to its row arriving at a panel's
 *    port (`added`), p50 / p95 / max over 1,000 calls. Goal: p95 < 100 ms.
 *  - the page's own cost: the fetch round trip of 1,000 tracked calls with the extension (panel
 *    port open, so the background does all its work) and, in a second browser launched without
 *    it, the same; ratio of medians without / with. Goal: >= 0.97 with 50 ms of server time. The local
 *    collector answers at once, so that pass is the worst case; a second pass gives the collector
 *    50 ms of server time, an internet round trip, which is what a user's page sees. Beside them, in
 *    a third browser, the floor of any capture: an extension that hears each call and its outcome
 *    with the same listeners and drops them (bench-extensions.ts); what it adds is Chromium's.
 *  - requests that are not tracking calls (bench/non-tracking.ts): 500 same-origin fetches with and
 *    without the extension; ratio of medians without / with (goal >= 0.99), the webRequest events
 *    the background received for them (the bench builds the extension with an event counter,
 *    bench/bench-extensions.ts), and whether they wake its stopped service worker. Beside them, the
 *    floor: the same fetches with an extension that holds the webRequest permission and no listener.
 *    Then the same fetches in Firefox ESR, with the extension and without (bench/non-tracking-
 *    firefox.ts): Firefox hands extensions only the requests their filters match, so there the ratio
 *    is what our URL filters buy, and the events counted are the event page's.
 * Calls go one at a time, each after the previous response, as an SDK's queue sends them: latency
 * at a realistic pace, not under a flood. With, the floor and without run interleaved (4 rounds of
 * with, the floor, then without; 50 warm-up calls before each round) so drift and other load hit
 * them alike. Send and arrival times are Date.now() in the page and in an extension page: one
 * machine clock, 1 ms steps.
 * Prints figures; never passes or fails on time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { TimelineEntry } from '../src/core/capture/timeline-entry';
import { PANEL_PORT_NAME, PROTOCOL_VERSION } from '../src/shared/protocol';
import type { PageLike } from '../browser-harness/browser';
import { launchChromium } from '../browser-harness/chromium';
import { CHROMIUM, chromiumFlags, installedPath } from '../browser-harness/installed';
import { startCollector, TRACK_HOSTS } from '../browser-harness/collector';
import { tabIdOf } from '../browser-harness/timeline';
import {
  buildCountingExtension,
  writeOutcomeListenerExtension,
  writeWebRequestOnlyExtension,
} from './bench-extensions';
import {
  eventsCounted,
  median,
  NON_TRACKING_REQUESTS,
  nonTrackingLatency,
  nonTrackingPages,
  percentile,
  wakesStoppedWorker,
  watchWorker,
  workerEventCounter,
} from './non-tracking';
import { firefoxNonTracking } from './non-tracking-firefox';

const CALLS = 1000;
const ROUNDS = 4;
const PER_ROUND = CALLS / ROUNDS;
const WARMUP = 50;
const INTERNET_MS = 50;

if (!existsSync(path.resolve('dist/chrome/manifest.json'))) {
  console.error(
    'bench:capture loads the built extension, and dist/chrome/manifest.json is missing: run `npm run build` first.',
  );
  process.exit(1);
}

// The functions below run in the browser, from their source text: no named inner functions, since
// tsx (esbuild keepNames) would wrap them in a `__name` helper the browser does not have.

/** In the page: `count` track calls, one at a time; returns each fetch's round trip in ms. */
const sendCalls = async ({
  prefix,
  from,
  count,
}: {
  prefix: string;
  from: number;
  count: number;
}): Promise<number[]> => {
  const durations: number[] = [];
  for (let i = from; i < from + count; i++) {
    const sentAt = Date.now();
    // A string body goes as text/plain, as analytics.js sends it: no CORS preflight.
    const body = JSON.stringify({
      type: 'track',
      event: `${prefix} ${i}`,
      userId: 'u',
      properties: { sentAt, plan: 'pro', seats: i % 7 },
      timestamp: new Date(sentAt).toISOString(),
    });
    const start = performance.now();
    await fetch('https://api.segment.io/v1/t', { method: 'POST', body });
    durations.push(performance.now() - start);
  }
  return durations;
};

type Arrival = [sentAt: number, capturedAt: number, arrivedAt: number];
interface BenchGlobals {
  arrivals: Record<string, Arrival>;
  port: chrome.runtime.Port;
}

/** In an extension page: a panel's port for the tab; notes when each `Bench` row arrives. */
const listenAsPanel = ({ tabId, name, version }: { tabId: number; name: string; version: number }) =>
  new Promise<void>((resolve) => {
    const bench = globalThis as unknown as BenchGlobals;
    bench.arrivals = {};
    bench.port = chrome.runtime.connect({ name });
    bench.port.onMessage.addListener((message: { kind: string; entries?: TimelineEntry[] }) => {
      const arrivedAt = Date.now();
      if (message.kind === 'snapshot') resolve();
      if (message.kind !== 'added') return;
      for (const entry of message.entries ?? []) {
        if (entry.kind !== 'message') continue;
        const payload = entry.record.payload as { event?: unknown; properties?: { sentAt?: number } } | null;
        if (typeof payload?.event === 'string' && payload.event.startsWith('Bench ')) {
          bench.arrivals[payload.event] = [payload.properties?.sentAt ?? NaN, entry.record.capturedAt, arrivedAt];
        }
      }
    });
    bench.port.postMessage({ kind: 'hello', version, tabId });
  });

/** Same flags as the e2e launcher, with no extension or with `extensionDir` only. */
async function launchPlain(tlsPort: number, extensionDir?: string) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: installedPath(CHROMIUM),
    headless: true,
    ...(extensionDir ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...chromiumFlags(tlsPort, TRACK_HOSTS),
    ],
  });
  return {
    newPage: async () => (await context.newPage()) as unknown as PageLike,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const fmt = (ms: number) => ms.toFixed(1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const started = Date.now();
const loadAtStart = loadavg()[0] ?? NaN;
const collector = await startCollector({
  '/bench': '<!doctype html><title>capture bench</title>',
  ...nonTrackingPages(),
});
const url = `${collector.origin}/bench`;
const withExtension = await launchChromium({
  tlsPort: collector.tlsPort,
  extensionDir: buildCountingExtension('chrome'),
});
const withoutExtension = await launchPlain(collector.tlsPort);
const webRequestOnly = await launchPlain(collector.tlsPort, writeWebRequestOnlyExtension());
const captureFloor = await launchPlain(collector.tlsPort, writeOutcomeListenerExtension());
try {
  const pageWith = await withExtension.newPage();
  const pageWithout = await withoutExtension.newPage();
  const pageCaptureFloor = await captureFloor.newPage();
  await pageWith.goto(url);
  await pageWithout.goto(url);
  await pageCaptureFloor.goto(url);
  const userAgent = await pageWithout.evaluate(() => navigator.userAgent, null);
  const tabId = await tabIdOf(withExtension, url);
  await withExtension.inExtension(listenAsPanel, { tabId, name: PANEL_PORT_NAME, version: PROTOCOL_VERSION });
  const arrivedCount = () =>
    withExtension.inExtension(() => Object.keys((globalThis as unknown as BenchGlobals).arrivals).length, null);

  /** Waits for every row sent so far, so the worker's leftover work does not land in the next round. */
  async function awaitRows(expected: number): Promise<void> {
    let count = await arrivedCount();
    for (let last = count, quietSince = Date.now(); count < expected && Date.now() - quietSince < 10_000;) {
      await sleep(50);
      count = await arrivedCount();
      if (count !== last) [last, quietSince] = [count, Date.now()];
    }
    await sleep(500); // IndexedDB commits trail the port messages
  }

  /** Interleaved rounds of (with, floor, without); `prefix` names the calls whose arrival is timed. */
  async function pageLatency(prefix: string, offset: number) {
    const pageMs = { with: [] as number[], floor: [] as number[], without: [] as number[] };
    const roundMedians: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const calls = { prefix, from: offset + round * PER_ROUND, count: PER_ROUND };
      const warmup = { prefix: 'Warmup', from: offset + round * WARMUP, count: WARMUP };
      await pageWith.evaluate(sendCalls, warmup);
      const withMs = await pageWith.evaluate(sendCalls, calls);
      if (prefix === 'Bench') await awaitRows(calls.from + calls.count);
      await pageCaptureFloor.evaluate(sendCalls, warmup);
      const floorMs = await pageCaptureFloor.evaluate(sendCalls, calls);
      await pageWithout.evaluate(sendCalls, warmup);
      const withoutMs = await pageWithout.evaluate(sendCalls, calls);
      pageMs.with.push(...withMs);
      pageMs.floor.push(...floorMs);
      pageMs.without.push(...withoutMs);
      roundMedians.push(`${fmt(median(withMs))}/${fmt(median(floorMs))}/${fmt(median(withoutMs))}`);
    }
    return { ...pageMs, roundMedians };
  }
  const local = await pageLatency('Bench', 0);
  collector.setDelay(INTERNET_MS);
  const internet = await pageLatency('Internet', 10_000);
  const pageFloor = await webRequestOnly.newPage();
  await pageFloor.goto(url);
  const nonTracking = await nonTrackingLatency({ with: pageWith, floor: pageFloor, without: pageWithout }, () =>
    workerEventCounter(withExtension.context),
  );
  const workerRunning = await watchWorker(withExtension.context);
  const woke = await wakesStoppedWorker(pageWith, () => withExtension.stopBackground(), workerRunning);
  // Once Chromium's passes are done (its browsers stay open, idle): no Firefox measures beside them.
  const firefox = await firefoxNonTracking(collector);
  const { roundMedians } = local;
  const pageMs = local;

  const arrivals = Object.values(
    await withExtension.inExtension(() => (globalThis as unknown as BenchGlobals).arrivals, null),
  );
  const latency = arrivals.map(([sentAt, , arrivedAt]) => arrivedAt - sentAt);
  const toWebRequest = arrivals.map(([sentAt, capturedAt]) => capturedAt - sentAt);
  const toPanel = arrivals.map(([, capturedAt, arrivedAt]) => arrivedAt - capturedAt);
  const [medianWith, medianFloor, medianWithout] = [median(pageMs.with), median(pageMs.floor), median(pageMs.without)];
  const spread = (values: number[]) =>
    `p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))}, max ${fmt(Math.max(...values))} ms`;

  const version = userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? userAgent;
  console.log(
    `${version} headless, ${availableParallelism()} CPUs, load average ${loadAtStart.toFixed(1)} at start (other load shows in the tail)`,
  );
  console.log(
    `pace: one call at a time, each fetch awaiting the previous response; text/plain JSON to https://api.segment.io/v1/t (local collector)`,
  );
  console.log(
    `${ROUNDS} rounds of (with, without), ${PER_ROUND} calls each after ${WARMUP} warm-up calls: ${CALLS} measured calls per configuration`,
  );
  console.log('');
  console.log(
    `capture to panel port ('added'): ${arrivals.length} of ${CALLS} rows arrived${arrivals.length < CALLS ? ' -- ROWS MISSING' : ''}`,
  );
  console.log(
    `  send -> panel:                ${spread(latency)}; ${latency.filter((ms) => ms >= 100).length} calls >= 100 ms`,
  );
  console.log(`  send -> webRequest timeStamp: ${spread(toWebRequest)}`);
  console.log(`  webRequest -> panel:          ${spread(toPanel)} (event to worker, decode, validate, store, port)`);
  console.log(`page fetch round trip, ${CALLS} tracked calls each:`);
  console.log(`  with extension:    median ${fmt(medianWith)} ms, p95 ${fmt(percentile(pageMs.with, 95))} ms`);
  console.log(`  without extension: median ${fmt(medianWithout)} ms, p95 ${fmt(percentile(pageMs.without, 95))} ms`);
  console.log(
    `  with the capture floor (listeners that drop each call and its outcome): median ${fmt(medianFloor)} ms, p95 ${fmt(percentile(pageMs.floor, 95))} ms`,
  );
  console.log(
    `  the extension adds ${fmt(medianWith - medianWithout)} ms at the median, the floor ${fmt(medianFloor - medianWithout)}; round medians with/floor/without: ${roundMedians.join(', ')} ms`,
  );
  const [internetWith, internetFloor, internetWithout] = [
    median(internet.with),
    median(internet.floor),
    median(internet.without),
  ];
  console.log(`with ${INTERNET_MS} ms of server time (an internet round trip), ${CALLS} calls each:`);
  console.log(
    `  with extension median ${fmt(internetWith)} ms, the floor ${fmt(internetFloor)}, without ${fmt(internetWithout)} ms; adds ${fmt(internetWith - internetWithout)} ms, the floor ${fmt(internetFloor - internetWithout)}; rounds with/floor/without ${internet.roundMedians.join(', ')} ms`,
  );
  const [nonTrackingWith, nonTrackingWithout, nonTrackingFloor] = [
    median(nonTracking.with),
    median(nonTracking.without),
    median(nonTracking.floor),
  ];
  console.log(
    `requests that are not tracking calls: ${NON_TRACKING_REQUESTS} same-origin fetches (GET on 127.0.0.1), one at a time, each:`,
  );
  console.log(
    `  with extension median ${fmt(nonTrackingWith)} ms, p95 ${fmt(percentile(nonTracking.with, 95))} ms; without median ${fmt(nonTrackingWithout)} ms, p95 ${fmt(percentile(nonTracking.without, 95))} ms`,
  );
  console.log(
    `  with an extension holding only the webRequest permission, no listener (the floor: Chromium proxies every request for it): median ${fmt(nonTrackingFloor)} ms, p95 ${fmt(percentile(nonTracking.floor, 95))} ms`,
  );
  console.log(`  rounds with/floor/without: ${nonTracking.roundMedians.join(', ')} ms`);
  console.log(`  webRequest events the background received for them: ${eventsCounted(nonTracking)}`);
  console.log(
    `  ${NON_TRACKING_REQUESTS} more after its service worker was stopped: ${woke ? 'they WOKE the worker' : 'the worker stayed asleep'}`,
  );
  for (const line of firefox.details) console.log(line);
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log('');
  console.log(
    `capture-to-panel latency p50: ${fmt(percentile(latency, 50))} ms, p95: ${fmt(percentile(latency, 95))} ms (goal p95 < 100 ms)`,
  );
  console.log(
    `page latency ratio (without / with extension), local collector answering at once: ${(medianWithout / medianWith).toFixed(2)}`,
  );
  console.log(
    `page latency ratio (without / with extension), ${INTERNET_MS} ms server time: ${(internetWithout / internetWith).toFixed(2)} (goal >= 0.97)`,
  );
  console.log(
    `page latency ratio (without / with the capture floor), ${INTERNET_MS} ms server time: ${(internetWithout / internetFloor).toFixed(2)} (no capture hearing each call and its outcome does better)`,
  );
  console.log(
    `non-tracking request latency ratio (without / with extension): ${(nonTrackingWithout / nonTrackingWith).toFixed(2)} (goal >= 0.99)`,
  );
  console.log(
    `non-tracking request latency ratio (without / with the webRequest-only extension, the floor): ${(nonTrackingWithout / nonTrackingFloor).toFixed(2)}`,
  );
  console.log(
    `non-tracking requests: ${eventsCounted(nonTracking)} webRequest events reached the background for ${NON_TRACKING_REQUESTS} requests; stopped worker ${woke ? 'woken' : 'stayed asleep'}`,
  );
  console.log(firefox.summary);
} finally {
  await withExtension.close();
  await withoutExtension.close();
  await webRequestOnly.close();
  await captureFloor.close();
  await collector.close();
}
