/**
 * bench:capture's pass over requests that are not tracking calls: 500 same-origin fetches (GET
 * /r/N, served by the bench's page server on 127.0.0.1), one at a time, in a browser with the
 * extension, in one with an extension that only holds the webRequest permission (the floor), and in
 * one without any. What the extension costs them: their latency, the webRequest events the
 * background received for them, and whether they wake its stopped service worker. The same
 * fetches in Firefox: non-tracking-firefox.ts.
 */
import type { BrowserContext } from 'playwright-core';
import type { PageContent } from '../browser-harness/collector';
import type { PageLike } from '../browser-harness/browser';
import { EVENT_COUNT_GLOBAL } from '../src/background/listen/event-count';

export const NON_TRACKING_REQUESTS = 500;
const ROUNDS = 10;
const WARMUP = 10;

/** The resources the pass fetches: small, not cached, nothing like a tracking call. */
export function nonTrackingPages(): Record<string, PageContent> {
  const pages: Record<string, PageContent> = {};
  for (let i = 0; i < NON_TRACKING_REQUESTS; i++) pages[`/r/${i}`] = { type: 'text/plain', body: `resource ${i}` };
  return pages;
}

/**
 * In the page: fetches /r/from.. one at a time; each one's round trip in ms. No named inner functions
 * (see capture.ts).
 */
export const fetchResources = async ({ from, count }: { from: number; count: number }): Promise<number[]> => {
  const durations: number[] = [];
  for (let i = from; i < from + count; i++) {
    const start = performance.now();
    await (await fetch(`/r/${i % 500}`)).text();
    durations.push(performance.now() - start);
  }
  return durations;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One reading of the bench build's event counter, and which run of the background it comes from. */
export interface CounterReading {
  readonly count: number;
  /** The background's performance.timeOrigin: a background that stopped and started again counts from 0 anew. */
  readonly run: number;
}

/** Chromium: the worker's counter; null while the worker is not running. */
export async function workerEventCounter(context: BrowserContext): Promise<CounterReading | null> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return null;
  return worker.evaluate(
    (name) => ({
      count: (globalThis as unknown as Record<string, number | undefined>)[name] ?? 0,
      run: performance.timeOrigin,
    }),
    EVENT_COUNT_GLOBAL,
  );
}

type Compared = 'with' | 'floor' | 'without';

/**
 * Interleaved rounds over the browsers compared (Chromium: with the extension, with the
 * webRequest-only floor of bench-extensions.ts, without any; Firefox: with, without), each after
 * warm-up fetches, each round started by the next one. Events are counted around the measured
 * fetches of `with`, in the rounds where the background ran from before them to after them.
 */
export async function nonTrackingLatency<K extends Compared>(
  pages: Record<K, PageLike>,
  readCounter: () => Promise<CounterReading | null>,
) {
  const order = Object.keys(pages) as K[];
  const ms = Object.fromEntries(order.map((which) => [which, [] as number[]])) as Record<K, number[]>;
  const roundMedians: string[] = [];
  let [events, countedRounds] = [0, 0];
  const perRound = NON_TRACKING_REQUESTS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    const measured = { from: round * perRound, count: perRound };
    const medians = {} as Record<K, string>;
    // Each round starts with the next browser: whichever runs first in a round is not always the same one.
    for (const which of [...order.slice(round % order.length), ...order.slice(0, round % order.length)]) {
      await pages[which].evaluate(fetchResources, { from: 0, count: WARMUP });
      await sleep(200); // the warm-up's events reach the background before counting starts
      const before = which === 'with' ? await readCounter() : null;
      const durations = await pages[which].evaluate(fetchResources, measured);
      if (which === 'with') {
        await sleep(300);
        const after = await readCounter();
        if (before && after && before.run === after.run)
          [events, countedRounds] = [events + after.count - before.count, countedRounds + 1];
      }
      ms[which].push(...durations);
      medians[which] = median(durations).toFixed(1);
    }
    roundMedians.push(order.map((which) => medians[which]).join('/'));
  }
  return { ...ms, events, countedRounds, roundMedians };
}

/** The events counted; when the background was not running throughout, in how many rounds. */
export function eventsCounted({ events, countedRounds }: { events: number; countedRounds: number }): string {
  if (countedRounds === ROUNDS) return String(events);
  return `${events}, counted in ${countedRounds} of ${ROUNDS} rounds only (in the others the background was not running or started anew, and its counter with it)`;
}

/** Fetches every resource once while the background is stopped; true if that started it again. */
export async function wakesStoppedWorker(
  page: PageLike,
  stopWorker: () => Promise<void>,
  workerRunning: () => boolean | Promise<boolean>,
): Promise<boolean> {
  await stopWorker();
  await page.evaluate(fetchResources, { from: 0, count: NON_TRACKING_REQUESTS });
  await sleep(1000);
  return workerRunning();
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Chromium's own account of the extension's worker (the ServiceWorker domain watches without attaching). */
export async function watchWorker(context: BrowserContext): Promise<() => boolean> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let running = true;
  cdp.on(
    'ServiceWorker.workerVersionUpdated',
    ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
      for (const version of versions)
        if (version.scriptURL.startsWith('chrome-extension://')) running = version.runningStatus !== 'stopped';
    },
  );
  await cdp.send('ServiceWorker.enable');
  return () => running;
}
