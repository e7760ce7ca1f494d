/**
 * bench:capture's Firefox pass over requests that are not tracking calls: the same 500 same-origin
 * fetches as bench/non-tracking.ts, in Debian's Firefox ESR with the extension (the bench build
 * with its event counter) and in a second Firefox without any. Chromium proxies every request once
 * any extension holds the webRequest permission; Firefox hands a request to an extension's
 * listener only when the listener's filter matches it, so with our filters (src/background/
 * listen.ts) these fetches should cost nothing and reach no listener.
 */
import { FIREFOX } from '../browser-harness/installed';
import { eventPageRuns, launchFirefox } from '../browser-harness/firefox';
import type { BrowserUnderTest } from '../browser-harness/browser';
import type { Collector } from '../browser-harness/collector';
import { EVENT_COUNT_GLOBAL } from '../src/background/listen/event-count';
import { buildCountingExtension } from './bench-extensions';
import {
  eventsCounted,
  median,
  NON_TRACKING_REQUESTS,
  nonTrackingLatency,
  percentile,
  wakesStoppedWorker,
  type CounterReading,
} from './non-tracking';

/** Firefox's own default (extensions.background.idle.timeout), given so that stopBackground can wait for it. */
const IDLE_TIMEOUT_MS = 30_000;

/**
 * Firefox rounds performance.now() to 1 ms in a page that is not cross-origin isolated
 * (privacy.reduceTimerPrecision), and to 20 µs with that off (.unconditional): coarse beside the
 * round trip of a local fetch. Both browsers get full precision.
 */
const FINE_TIMERS = { 'privacy.reduceTimerPrecision': false, 'privacy.reduceTimerPrecision.unconditional': false };

interface FirefoxExtensionApi {
  browser: { extension: { getBackgroundPage(): Window | null } };
}

/**
 * In an extension page: the event page's counter, or null while it is suspended.
 * extension.getBackgroundPage() answers null then; runtime.getBackgroundPage() would start it.
 */
const readEventPageCounter = (name: string): CounterReading | null => {
  const page = (globalThis as unknown as FirefoxExtensionApi).browser.extension.getBackgroundPage();
  if (!page) return null;
  return {
    count: (page as unknown as Record<string, number | undefined>)[name] ?? 0,
    run: page.performance.timeOrigin,
  };
};

const fmt = (ms: number) => ms.toFixed(1);

/** Runs the pass against `collector` (serving /bench and nonTrackingPages()); returns the lines to print. */
export async function firefoxNonTracking(collector: Collector): Promise<{ details: string[]; summary: string }> {
  const launched: BrowserUnderTest[] = [];
  try {
    const extensionDir = buildCountingExtension('firefox');
    const withExtension = await launchFirefox({
      proxyPort: collector.webPort,
      idleTimeoutMs: IDLE_TIMEOUT_MS,
      extensionDir,
      extraPrefs: FINE_TIMERS,
    });
    launched.push(withExtension);
    const withoutExtension = await launchFirefox({
      proxyPort: collector.webPort,
      extensionDir: null,
      extraPrefs: FINE_TIMERS,
    });
    launched.push(withoutExtension);
    const pages = { with: await withExtension.newPage(), without: await withoutExtension.newPage() };
    await pages.with.goto(`${collector.origin}/bench`);
    await pages.without.goto(`${collector.origin}/bench`);
    const userAgent = await pages.without.evaluate(() => navigator.userAgent, null);

    const result = await nonTrackingLatency(pages, () =>
      withExtension.inExtension(readEventPageCounter, EVENT_COUNT_GLOBAL),
    );
    const woke = await wakesStoppedWorker(
      pages.with,
      () => withExtension.stopBackground(),
      () => withExtension.inExtension(eventPageRuns, null),
    );

    const [medianWith, medianWithout] = [median(result.with), median(result.without)];
    const version = `${FIREFOX.name} ${userAgent.match(/Firefox\/(\d+)/)?.[1] ?? userAgent}`;
    return {
      details: [
        `${version}: requests that are not tracking calls: ${NON_TRACKING_REQUESTS} same-origin fetches (GET on 127.0.0.1), one at a time, each:`,
        `  with extension median ${fmt(medianWith)} ms, p95 ${fmt(percentile(result.with, 95))} ms; without median ${fmt(medianWithout)} ms, p95 ${fmt(percentile(result.without, 95))} ms`,
        `  rounds with/without: ${result.roundMedians.join(', ')} ms`,
        `  webRequest events the event page received for them: ${eventsCounted(result)}`,
        `  ${NON_TRACKING_REQUESTS} more after the event page was suspended: ${woke ? 'they WOKE the event page' : 'the event page stayed suspended'}`,
      ],
      summary: `non-tracking request latency ratio in Firefox (without / with extension): ${(medianWithout / medianWith).toFixed(2)} (goal >= 0.99)`,
    };
  } finally {
    for (const browser of launched) await browser.close();
  }
}
