// Compiles against the published declarations only (see tsconfig.json): the API as the docs show it.
import { captureTracking, expect, test, type TrackedMessage } from 'track-inspector/playwright';

test.use({
  trackInspector: {
    plan: 'tracking-plan.json',
    hosts: ['proxy.example.com/collect'],
    strict: false,
    unplanned: 'warn',
  },
});

test('sign up', async ({ page, tracking }) => {
  await page.goto('/');
  await expect(tracking).toHaveTracked('Signed Up', { plan: 'pro', seats: expect.any(Number) });
  await expect(tracking).not.toHaveTracked('Error Shown', undefined, { timeout: 500 });
  await expect(tracking).toHaveTrackedTimes('Page Viewed', 1);
  await expect(tracking).toHaveIdentified({ userId: 'u-1', traits: { plan: 'pro' } });
  await expect(tracking).toHaveTrackedInOrder(['Cart Viewed', 'Checkout Started']);
  await expect(tracking).toHaveSent({ type: 'page', name: 'Pricing' });
  await expect(tracking).toBeValid({ warnings: true });
  const messages: TrackedMessage[] = tracking.messages();
  const status: number | null | undefined = messages[0]?.request.status;
  void status;
});

test('without the runner', async ({ browser }) => {
  const context = await browser.newContext();
  const tracking = await captureTracking(context, { plan: 'tracking-plan.json' });
  const found: TrackedMessage = await tracking.waitFor((m) => m.type === 'identify', { timeout: 1000 });
  void found.validation.errors.map((problem) => problem.source);
  await tracking.stop();
  // @ts-expect-error: an unknown option is a type error
  await captureTracking(context, { plann: 'x.json' });
});
