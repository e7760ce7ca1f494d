/**
 * A host the user adds while the background runs: its calls are captured at once, and after the
 * background was stopped too, every call once, the first of them waking it. The background reads the
 * user's hosts only after its first turn, while a stopped one wakes only for listeners it had: how
 * each browser still hears them is USER_HOSTS_FROM_START in src/shared/capabilities.ts.
 */
import { expect } from 'vitest';
import { SETTINGS_KEY, DEFAULT_SETTINGS } from '../../src/shared/settings/user-settings';
import { poll, type BrowserUnderTest } from '../../browser-harness/browser';
import type { Collector } from '../../browser-harness/collector';
import {
  labelOf,
  messagesOf,
  readTimeline,
  tabIdOf,
  waitForLabels,
  type Message,
} from '../../browser-harness/timeline';

/** A host of the collector's certificate (browser-harness/collector.ts) that is no known endpoint. */
const USER_HOST = 'collect.example.org';

export async function setCustomHosts(browser: BrowserUnderTest, customHosts: readonly string[]): Promise<void> {
  await browser.inExtension(
    (settings) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return api.storage.local.set(settings);
    },
    { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, customHosts } },
  );
}

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} ${i}`);

/**
 * `stop` stops the background and resolves once it is stopped; `stops` says how often (Chromium's
 * idle stop takes ~30 s).
 */
export async function expectUserHostAcrossStops(
  browser: BrowserUnderTest,
  collector: Collector,
  stop: () => Promise<void>,
  stops: 1 | 2 = 2,
): Promise<void> {
  const page = await browser.newPage();
  const url = `${collector.origin}/transports.html?user-host`;
  await page.goto(url);
  const tabId = await tabIdOf(browser, url);
  const send = (events: readonly string[], together: boolean) =>
    page.evaluate(
      async ({ host, list, all }) => {
        const one = (event: string) =>
          fetch(`https://${host}/t/v1/t`, { method: 'POST', body: JSON.stringify({ event, userId: 'u' }) }).then(
            (r) => r.status,
          );
        if (all) return Promise.all(list.map(one));
        const statuses: number[] = [];
        for (const event of list) statuses.push(await one(event));
        return statuses;
      },
      { host: USER_HOST, list: events, all: together },
    );

  await setCustomHosts(browser, [`${USER_HOST}/t`]);
  // Saved while the background runs (Firefox restarts its page once): in effect within moments.
  await poll(
    async () => {
      await send(['In Effect'], false);
      return messagesOf(await readTimeline(browser, tabId)).map(labelOf);
    },
    (labels) => labels.includes('In Effect'),
    'the added host to be listened to',
  );
  const expected = [...names('Running', 5), ...names('Woken', 12), ...(stops === 2 ? names('Again', 5) : [])];
  await send(names('Running', 5), false);
  await waitForLabels(browser, tabId, names('Running', 5));
  await stop();
  await send(names('Woken', 12), true); // at once: the first wakes the background, the rest reach it as it starts
  if (stops === 2) {
    await waitForLabels(browser, tabId, names('Woken', 12));
    await stop();
    await send(names('Again', 5), false);
  }
  const messages = (await waitForLabels(browser, tabId, expected)).filter((m) => labelOf(m) !== 'In Effect');
  const row = (m: Message) => ({
    label: labelOf(m),
    sender: m.record.sender,
    type: m.record.type,
    status: m.record.request.status,
  });
  // Each once: sorted by name, since calls sent together have no order of their own.
  expect(messages.map(row).sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }))).toEqual(
    [...expected]
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((label) => ({ label, sender: 'custom', type: 'track', status: 200 })),
  );
  await setCustomHosts(browser, []);
  await page.close();
}
