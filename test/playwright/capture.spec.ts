/**
 * The fixture captures exactly what the collector received: every message once, its body, type,
 * sender and verdict equal to the CLI's on the collector's bytes, through every transport and the
 * real June and Segment SDKs.
 */
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
