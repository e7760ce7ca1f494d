/**
 * bench:capture's pass over requests that are not tracking calls: 500 same-origin fetches (GET
 * /r/N, served by the bench's page server on 127.0.0.1), one at a time, in a browser with the
 * extension, in one with an extension that only holds the webRequest permission (the floor), and in
 * one without any. What the extension costs them: their latency, the webRequest events the
 * background received for them, and whether they wake its stopped service worker.
 */
import type { BrowserContext } from 'playwright-core';
import type { PageContent } from '../test/e2e/harness/collector';
import type { PageLike } from '../test/e2e/harness/browser';
import { EVENT_COUNT_GLOBAL } from '../src/background/event-count';

export const NON_TRACKING_REQUESTS = 500;
const ROUNDS = 10;
const WARMUP = 10;

/** The resources the pass fetches: small, not cached, nothing like a tracking call. */
export function nonTrackingPages(): Record<string, PageContent> {
  const pages: Record<string, PageContent> = {};
  for (let i = 0; i < NON_TRACKING_REQUESTS; i++) pages[`/r/${i}`] = { type: 'text/plain', body: `resource ${i}` };
  return pages;
}

/** In the page: fetches /r/from.. one at a time; each one's round trip in ms. No named inner functions (see capture.ts). */
const fetchResources = async ({ from, count }: { from: number; count: number }): Promise<number[]> => {
  const durations: number[] = [];
  for (let i = from; i < from + count; i++) {
    const start = performance.now();
    await (await fetch(`/r/${i % 500}`)).text();
    durations.push(performance.now() - start);
  }
  return durations;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The bench build's count of webRequest events the worker has received (0 if the worker is not running). */
export async function backgroundEventCount(context: BrowserContext): Promise<number> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return 0;
  return worker.evaluate((name) => (globalThis as unknown as Record<string, number | undefined>)[name] ?? 0, EVENT_COUNT_GLOBAL);
}

/** The browsers compared: with the extension, with the webRequest-only floor (bench-extensions.ts), without any. */
export interface ComparedPages {
  readonly with: PageLike;
  readonly floor: PageLike;
  readonly without: PageLike;
}

/** Interleaved rounds of (with, floor, without), each after warm-up fetches; the events counted around the measured fetches. */
export async function nonTrackingLatency(pages: ComparedPages, context: BrowserContext) {
  const ms = { with: [] as number[], floor: [] as number[], without: [] as number[] };
  const roundMedians: string[] = [];
  let events = 0;
  const perRound = NON_TRACKING_REQUESTS / ROUNDS;
  for (let round = 0; round < ROUNDS; round++) {
    const measured = { from: round * perRound, count: perRound };
    const medians: string[] = [];
    for (const which of ['with', 'floor', 'without'] as const) {
      await pages[which].evaluate(fetchResources, { from: 0, count: WARMUP });
      await sleep(200); // the warm-up's events reach the worker before counting starts
      const before = which === 'with' ? await backgroundEventCount(context) : 0;
      const durations = await pages[which].evaluate(fetchResources, measured);
      if (which === 'with') {
        await sleep(300);
        events += (await backgroundEventCount(context)) - before;
      }
      ms[which].push(...durations);
      medians.push(median(durations).toFixed(1));
    }
    roundMedians.push(medians.join('/'));
  }
  return { ...ms, events, roundMedians };
}

/** Fetches every resource once while the worker is stopped; true if that started it again. */
export async function wakesStoppedWorker(page: PageLike, stopWorker: () => Promise<void>, workerRunning: () => boolean): Promise<boolean> {
  await stopWorker();
  await page.evaluate(fetchResources, { from: 0, count: NON_TRACKING_REQUESTS });
  await sleep(1000);
  return workerRunning();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length / 2) - 1)] ?? NaN;
}

/** Chromium's own account of the extension's worker (the ServiceWorker domain watches without attaching). */
export async function watchWorker(context: BrowserContext): Promise<() => boolean> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let running = true;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
    for (const version of versions) if (version.scriptURL.startsWith('chrome-extension://')) running = version.runningStatus !== 'stopped';
  });
  await cdp.send('ServiceWorker.enable');
  return () => running;
}
