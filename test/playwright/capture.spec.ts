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
}) => {
  await page.goto(`${collector.origin}/transports.html`);
  await page.evaluate(() => (window as unknown as { sendEverything(): Promise<string> }).sendEverything());
  const expected = await page.evaluate(() => (window as unknown as { EXPECTED: [string, string, boolean][] }).EXPECTED);
  await expect(tracking).toHaveSent({ event: 'worker fetch' });
  await tracking.stop();
  const fromCollector = await collectorMessages(received());
  expect(tracking.messages().map(comparable).sort()).toEqual(fromCollector.map(comparable).sort());
  expect(fromCollector).toHaveLength(expected.length);
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
