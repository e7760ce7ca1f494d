/**
 * captureTracking() on any BrowserContext, without the fixture: messages(), waitFor(), clear(),
 * toNdjson() and stop(); and two tests running at once in two workers, each capture its own.
 */
import { captureTracking } from 'track-inspector/playwright';
import { expect, test } from './harness';
import { openShop, send } from './pages';

test('captureTracking on a context of its own: waitFor, clear, toNdjson, stop', async ({ browser, collector }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const tracking = await captureTracking(context);
  const page = await context.newPage();
  await openShop(collector, page);
  await send(page, { type: 'track', event: 'First' }, { type: 'track', event: 'Second', properties: { n: 2 } });
  const second = await tracking.waitFor((m) => (m.payload as { event?: string }).event === 'Second', { timeout: 5000 });
  expect([second.type, second.sender]).toEqual(['track', 'segment']);
  // The message is there as soon as it is sent; its outcome follows when the response arrives.
  await expect.poll(() => tracking.messages().map((m) => m.request.status)).toEqual([200, 200]);
  const ndjson = tracking.toNdjson().trim().split('\n');
  expect(ndjson.map((line) => (JSON.parse(line) as { payload: { event: string } }).payload.event)).toEqual([
    'First',
    'Second',
  ]);
  tracking.clear();
  expect(tracking.messages()).toEqual([]);
  const missing = await tracking
    .waitFor((m) => (m.payload as { event?: string }).event === 'Never', { timeout: 200 })
    .catch((e: Error) => e.message);
  expect(missing).toBe('captureTracking: no message matched within 200 ms.\nCaptured: no tracking messages.');
  await tracking.stop();
  await send(page, { type: 'track', event: 'After Stop' });
  expect(tracking.messages()).toEqual([]);
  await context.close();
});

// Run side by side (fullyParallel, two workers): each test's capture holds its own calls only.
for (const side of ['left', 'right']) {
  test(`two tests at once: the ${side} one captures its own calls only`, async ({ page, tracking, collector }) => {
    await openShop(collector, page);
    for (let i = 0; i < 10; i++) await send(page, { type: 'track', event: `${side} ${i}` });
    await expect(tracking).toHaveTrackedInOrder(Array.from({ length: 10 }, (_, i) => `${side} ${i}`));
    await tracking.stop();
    expect(tracking.messages().map((m) => (m.payload as { event: string }).event)).toEqual(
      Array.from({ length: 10 }, (_, i) => `${side} ${i}`),
    );
  });
}
