/**
 * `npm run bench:playwright` (run `npm run build:playwright` first: it uses the built package, as a
 * user's test does). What the track-inspector/playwright fixture costs a test, in Debian's Chromium
 * driven by playwright-core, with a page on 127.0.0.1 calling its own collect endpoint (a user host;
 * bench/playwright-page.ts says why):
 *  - test duration: a whole test (a new context, a page, 1,000 tracking calls one at a time, closing)
 *    with the capture (captureTracking, an assertion on the last call, stop() as the fixture's teardown)
 *    and without it (a plain context, same page, same browser). Rounds alternate which goes first, so
 *    drift and other load hit both alike; ratio of medians without / with. Goal: >= 0.9.
 *  - latency: from a call's send (the page's Date.now() just before fetch) to
 *    `expect(tracking).toHaveTracked(name)` resolving, over 200 calls sent one at a time. Goal: p95
 *    < 100 ms. Beside it, the floor: the same send to Playwright's own `request` event reaching the
 *    test process, which any capture built on Playwright waits for.
 * Both clocks are Date.now() on one machine: 1 ms steps. Prints figures; never passes or fails on time.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, chromiumFlags, installedPath } from '../browser-harness/installed';
import { median, percentile } from './non-tracking';
import { sendCalls, sendOne, startBenchServer, type BenchServer } from './playwright-page';

const CALLS = 1000;
const ROUNDS = 6;
const LATENCY_CALLS = 200;
const LATENCY_WARMUP = 20;

if (!existsSync(path.resolve('dist/playwright/index.mjs'))) {
  console.error(
    'bench:playwright uses the built package, and dist/playwright is missing: run `npm run build:playwright`.',
  );
  process.exit(1);
}
// Imported once the build is known to be there, so a missing one gets the line above.
const { captureTracking, expect } = await import('track-inspector/playwright');

interface TestTimes {
  readonly total: number;
  /** From the first call to the last response, as the test process saw it. */
  readonly sending: number;
  /** What follows the sending: the assertion and stop() with the capture; closing the context. */
  readonly after: number;
  /** CPU time the test process used (the capture's work, and Playwright's client and server). */
  readonly cpu: number;
  readonly captured: number;
}

/** One test, as a spec would run it, with the capture or without. */
async function oneTest(browser: Browser, server: BenchServer, withCapture: boolean): Promise<TestTimes> {
  const [start, cpuStart] = [performance.now(), process.cpuUsage()];
  const context = await browser.newContext();
  const tracking = withCapture ? await captureTracking(context, { hosts: [server.host] }) : null;
  const page = await context.newPage();
  await page.goto(server.origin);
  const sendStart = performance.now();
  await page.evaluate(sendCalls, { prefix: 'Bench', count: CALLS });
  const sendEnd = performance.now();
  if (tracking) {
    await expect(tracking).toHaveTracked(`Bench ${CALLS - 1}`);
    await tracking.stop();
  }
  const captured = tracking?.messages().length ?? CALLS;
  await context.close();
  const [end, cpu] = [performance.now(), process.cpuUsage(cpuStart)];
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { total: end - start, sending: sendEnd - sendStart, after: end - sendEnd, cpu: cpuMs, captured };
}

/** Send -> toHaveTracked resolving, and send -> Playwright's `request` event, for each of LATENCY_CALLS calls. */
async function latency(browser: Browser, server: BenchServer) {
  const context = await browser.newContext();
  const tracking = await captureTracking(context, { hosts: [server.host] });
  const requestSeen = new Map<string, number>();
  context.on('request', (request) => {
    const event = /"event":"([^"]+)"/.exec(request.postData() ?? '')?.[1];
    if (event) requestSeen.set(event, Date.now());
  });
  const page = await context.newPage();
  await page.goto(server.origin);
  const toMatcher: number[] = [];
  const toRequest: number[] = [];
  for (let i = 0; i < LATENCY_WARMUP + LATENCY_CALLS; i++) {
    const name = `Latency ${i}`;
    // Waiting before the send, so the matcher resolves as soon as the capture has the call.
    const resolved = expect(tracking)
      .toHaveTracked(name)
      .then(() => Date.now());
    const sentAt = await page.evaluate(sendOne, name);
    const resolvedAt = await resolved;
    if (i < LATENCY_WARMUP) continue;
    toMatcher.push(resolvedAt - sentAt);
    toRequest.push((requestSeen.get(name) ?? NaN) - sentAt);
  }
  await tracking.stop();
  await context.close();
  return { toMatcher, toRequest };
}

const fmt = (ms: number) => ms.toFixed(1);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const spread = (values: readonly number[]) =>
  `p50 ${fmt(percentile(values, 50))}, p95 ${fmt(percentile(values, 95))}, max ${fmt(Math.max(...values))} ms`;

const started = Date.now();
const loadAtStart = loadavg()[0] ?? NaN;
const server = await startBenchServer();
const browser = await chromium.launch({
  executablePath: installedPath(CHROMIUM),
  // The harness's flags; no host to map: the calls go to the page's own origin.
  args: chromiumFlags(0, []).filter((flag) => !flag.startsWith('--host-resolver-rules')),
});
try {
  // A warm-up test of each kind: the browser's first contexts and the package's first import cost more.
  await oneTest(browser, server, true);
  await oneTest(browser, server, false);
  const runs = { with: [] as TestTimes[], without: [] as TestTimes[] };
  const rounds: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [true, false] : [false, true];
    const times: Record<string, TestTimes> = {};
    for (const withCapture of order) times[String(withCapture)] = await oneTest(browser, server, withCapture);
    const [withTimes, withoutTimes] = [times['true'], times['false']] as [TestTimes, TestTimes];
    runs.with.push(withTimes);
    runs.without.push(withoutTimes);
    rounds.push(`${seconds(withTimes.total)}/${seconds(withoutTimes.total)}`);
  }
  const { toMatcher, toRequest } = await latency(browser, server);

  const medianOf = (list: readonly TestTimes[], key: keyof TestTimes) => median(list.map((times) => times[key]));
  const [withTotal, withoutTotal] = [medianOf(runs.with, 'total'), medianOf(runs.without, 'total')];
  const miscounted = runs.with.map((times) => times.captured).filter((captured) => captured !== CALLS);
  const load = loadAtStart.toFixed(1);
  console.log(`Chromium ${browser.version()} headless, ${availableParallelism()} CPUs, load average ${load} at start`);
  console.log(`calls: text/plain JSON POSTs to ${server.origin}/collect/v1/t (a user host), one at a time`);
  console.log('');
  console.log(`test duration, ${CALLS} calls per test, ${ROUNDS} rounds alternating which goes first (medians):`);
  for (const [label, list] of [
    ['with the capture:   ', runs.with],
    ['without the capture:', runs.without],
  ] as const) {
    const [total, sending, after, cpu] = (['total', 'sending', 'after', 'cpu'] as const).map((key) =>
      seconds(medianOf(list, key)),
    );
    console.log(`  ${label} ${total} s; sending ${sending} s, after it ${after} s; test process CPU ${cpu} s`);
  }
  console.log(`  rounds with/without: ${rounds.join(', ')} s`);
  const counts = miscounted.length ? `NOT ${CALLS} in ${miscounted.length} tests: ${miscounted.join(', ')}` : 'all';
  console.log(`  messages captured: ${counts}`);
  console.log(`latency, ${LATENCY_CALLS} calls one at a time after ${LATENCY_WARMUP} warm-up calls:`);
  console.log(`  send -> toHaveTracked resolved:     ${spread(toMatcher)}`);
  console.log(`  send -> Playwright's request event: ${spread(toRequest)} (the floor)`);
  console.log(`took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log('');
  console.log(`test duration ratio (without / with fixture): ${(withoutTotal / withTotal).toFixed(2)} (goal >= 0.9)`);
  const [p50, p95] = [fmt(percentile(toMatcher, 50)), fmt(percentile(toMatcher, 95))];
  console.log(`send-to-toHaveTracked latency: p50 ${p50} ms, p95 ${p95} ms (goal p95 < 100 ms)`);
} finally {
  await browser.close();
  server.close();
}
