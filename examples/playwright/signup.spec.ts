/**
 * What the example shows: the tracking fixture captures the app's calls to its own collect endpoint,
 * and the matchers check them, each against the tracking plan and the June schema as well.
 */
import { test, expect } from 'track-inspector/playwright';

test.use({
  trackInspector: { plan: 'tracking-plan.json', hosts: ['127.0.0.1:4100/collect'], strict: false, unplanned: 'warn' },
});

test('sign up', async ({ page, tracking }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Pricing' }).click();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(tracking).toHaveTracked('Signed Up', { plan: 'pro' });
  await expect(tracking).not.toHaveTracked('Error Shown', undefined, { timeout: 500 });
  await expect(tracking).toHaveTrackedTimes('Page Viewed', 1);
  await expect(tracking).toHaveIdentified({ userId: 'u-1', traits: { plan: 'pro' } });
  await expect(tracking).toHaveTrackedInOrder(['Cart Viewed', 'Checkout Started']);
  await expect(tracking).toHaveSent({ type: 'page', name: 'Pricing' });
  await expect(tracking).toBeValid();
});
