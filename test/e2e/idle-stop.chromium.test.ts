// Chromium stops an idle extension service worker by itself after ~30 s with no events. The calls
// that wake it reach it late, after their tab has moved on: each must still be one row, named after
// the page that sent it. (capture.chromium.test.ts stops the worker on demand with Target.closeTarget;
// this waits for Chromium to do it, which it does only with no debugger attached to the worker.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchUnattachedChromium, type UnattachedChromium } from '../../browser-harness/chromium-unattached';
import { startCollector, type Collector } from '../../browser-harness/collector';
import { labelOf, tabIdOf, waitForLabels, type Message } from '../../browser-harness/timeline';
import { testPages } from './pages/build-pages';
import { expectUserHostAcrossStops } from './user-host-restart';

const TRANSPORTS = ['fetch', 'keepalive', 'xhr', 'beacon-string', 'beacon-blob'] as const;
/** Chromium's idle timeout is 30 s; the margin covers a slow start, not a flaky stop. */
const IDLE_STOP_DEADLINE_MS = 45_000;
type SendVia = (transport: string, event: string) => Promise<string>;

describe('chromium: calls that wake an idle-stopped service worker', () => {
  let collector: Collector;
  let browser: UnattachedChromium;
  beforeAll(async () => {
    collector = await startCollector(await testPages());
    browser = await launchUnattachedChromium({ tlsPort: collector.tlsPort });
  });
  afterAll(async () => {
    await browser?.close();
    await collector?.close();
  });

  it('names the page that sent them, once each, after the tab has navigated away', { timeout: 120_000 }, async () => {
    const name = (i: number) => `Idle ${i}`;
    const page = await browser.newPage();
    const url = `${collector.origin}/transports.html?idle`;
    await page.goto(url);
    const tabId = await tabIdOf(browser, url);
    await page.evaluate((event) => {
      addEventListener(
        'pagehide',
        () => void (window as unknown as { sendVia: SendVia }).sendVia('beacon-blob', event),
      );
    }, name(63));

    await browser.waitForWorkerStopped(IDLE_STOP_DEADLINE_MS);
    // All at once: the first wakes the worker, the Blob beacons and their bodies reach it while it starts.
    await page.evaluate(
      (calls) =>
        Promise.all(
          calls.map(([transport, event]) => (window as unknown as { sendVia: SendVia }).sendVia(transport, event)),
        ),
      [
        ...Array.from({ length: 59 }, (_, i) => [TRANSPORTS[i % TRANSPORTS.length] as string, name(i)] as const),
        ...Array.from({ length: 4 }, (_, i) => ['beacon-blob', name(59 + i)] as const),
      ],
    );
    await page.goto(`${collector.origin}/blank.html`);

    const expected = Array.from({ length: 64 }, (_, i) => name(i));
    const messages = await waitForLabels(browser, tabId, expected, { outcome: false });
    const row = (m: Message) => ({
      label: labelOf(m),
      type: m.record.type,
      valid: m.record.validation.valid,
      page: m.record.pageUrl,
    });
    // Sorted by name: calls sent in the same millisecond have no order of their own.
    const byName = [...messages].sort((a, b) => Number(labelOf(a).split(' ')[1]) - Number(labelOf(b).split(' ')[1]));
    expect(byName.map(row)).toEqual(expected.map((label) => ({ label, type: 'track', valid: true, page: url })));
    await page.close();
  });

  it(
    'captures a host the user added while it ran: the first call after the idle stop wakes it, every call once',
    { timeout: 120_000 },
    async () => {
      await expectUserHostAcrossStops(browser, collector, () => browser.waitForWorkerStopped(IDLE_STOP_DEADLINE_MS), 1);
    },
  );
});
