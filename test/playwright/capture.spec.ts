/**
 * The fixture captures exactly what the collector received: every message once, its body, type,
 * sender and verdict equal to the CLI's on the collector's bytes, through every transport and the
 * real June and Segment SDKs.
 */
import { JOIN_WINDOW_MS } from '../../src/core/capture/held-report';
import { SCENARIO_ROWS } from '../e2e/pages/sdk-scenario';
import { collectorMessages, comparable } from './collector-verdicts';
import { expect, test } from './harness';

test('raw transports: fetch, keepalive, XHR, beacons of every body type, batches, an iframe and a worker', async ({
  page,
  tracking,
  collector,
  received,
  browserName,
}) => {
  await page.goto(`${collector.origin}/transports.html`);
  await page.evaluate(() => (window as unknown as { sendEverything(): Promise<string> }).sendEverything());
  const expected = await page.evaluate(() => (window as unknown as { EXPECTED: [string, string, boolean][] }).EXPECTED);
  await expect(tracking).toHaveTrackedTimes('iframe fetch', 1);
  await expect.poll(() => tracking.messages().length).toBe(expected.length);
  await tracking.stop();
  const fromCollector = await collectorMessages(received());
  expect(fromCollector).toHaveLength(expected.length);
  if (browserName !== 'firefox') {
    expect(tracking.messages().map(comparable).sort()).toEqual(fromCollector.map(comparable).sort());
    return;
  }
  // Firefox: Playwright shows no request body, and the page reporter cannot run in a worker (docs/playwright.md,
  // "Browsers"): the worker's call is there once, saying why its body is missing; every other call is exact.
  const unread = tracking.messages().filter((m) => m.undecodable);
  expect(unread.map((m) => [m.request.url, m.undecodable?.reason])).toEqual([
    ['https://api.segment.io/v1/t', 'the body was not visible to Playwright, and the page could not read it'],
  ]);
  const notFromWorker = fromCollector.filter((m) => (m.payload as { event?: string }).event !== 'worker fetch');
  expect(
    tracking
      .messages()
      .filter((m) => !m.undecodable)
      .map(comparable)
      .sort(),
  ).toEqual(notFromWorker.map(comparable).sort());
});

test("a beacon sent with no body, or an empty one, is one row, not its request's beside its page report's", async ({
  page,
  tracking,
  collector,
}) => {
  const none = 'https://api.segment.io/v1/t?none';
  const empty = 'https://api.segment.io/v1/t?empty-string';
  await page.goto(`${collector.origin}/transports.html`);
  await page.evaluate(([none, empty]) => navigator.sendBeacon(none) && navigator.sendBeacon(empty, ''), [
    none,
    empty,
  ] as const);
  const rowsTo = () => [none, empty].map((url) => tracking.messages().filter((m) => m.request.url === url).length);
  await expect.poll(rowsTo).toEqual([1, 1]);
  // A report no request claims becomes a row of its own once the join window closes: only after it can a second
  // row for the one beacon show, so the count is read past it.
  await page.waitForTimeout(JOIN_WINDOW_MS + 1000);
  expect(rowsTo()).toEqual([1, 1]);
});

for (const sdk of ['june', 'segment'] as const) {
  test(`the real ${sdk === 'june' ? 'June' : 'Segment'} SDK`, async ({ page, tracking, collector, received }) => {
    await page.goto(`${collector.origin}/${sdk}.html`);
    await page.evaluate(() => (window as unknown as { runScenario(): Promise<string> }).runScenario());
    await expect(tracking).toHaveTrackedInOrder(['Order Completed', 'Bad Timestamp']);
    await expect(tracking).toHaveSent({ type: 'group', groupId: 'org-7' });
    await tracking.stop();
    const fromCollector = await collectorMessages(received());
    expect(tracking.messages().map(comparable).sort()).toEqual(fromCollector.map(comparable).sort());
    expect(fromCollector).toHaveLength(SCENARIO_ROWS.length);
    expect(tracking.messages().every((m) => m.sender === sdk)).toBe(true);
  });
}
