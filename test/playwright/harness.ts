/**
 * The specs' test: the fixture as users import it (the built package, by its own name), plus a
 * collector per worker standing in for api.june.so and api.segment.io, and the browser launched with
 * the tracking hosts mapped to it (the config's launchOptions, with the mapping added).
 */
import { test as base } from 'track-inspector/playwright';
import { startCollector, TRACK_HOSTS, type Collector, type CollectedRequest } from '../../browser-harness/collector';
import { chromiumFlags } from '../../browser-harness/installed';
import { pacDataUrl } from '../../browser-harness/firefox';
import { testPages } from '../e2e/pages/build-pages';

function firefoxPrefs(proxyPort: number): Record<string, string | number | boolean> {
  return {
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': pacDataUrl(proxyPort),
    'network.proxy.failover_direct': false,
    'network.dns.disableIPv6': true,
  };
}

export { expect } from 'track-inspector/playwright';

interface WorkerFixtures {
  collector: Collector;
}

interface TestFixtures {
  /** What the collector received during this test. */
  received: () => readonly CollectedRequest[];
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  collector: [
    // Playwright reads a fixture's needs from its destructuring pattern: an empty one needs nothing.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const collector = await startCollector(await testPages());
      await use(collector);
      await collector.close();
    },
    { scope: 'worker' },
  ],
  browser: [
    async ({ playwright, browserName, launchOptions, collector }, use) => {
      // Chromium maps the tracking hosts to the collector; Firefox reaches it through its CONNECT proxy.
      const mapped =
        browserName === 'firefox'
          ? { firefoxUserPrefs: firefoxPrefs(collector.webPort) }
          : { args: [...(launchOptions.args ?? []), ...chromiumFlags(collector.tlsPort, TRACK_HOSTS)] };
      const browser = await playwright[browserName].launch({ ...launchOptions, ...mapped });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  received: async ({ collector }, use) => {
    const from = collector.requests.length;
    await use(() => collector.requests.slice(from));
  },
});
