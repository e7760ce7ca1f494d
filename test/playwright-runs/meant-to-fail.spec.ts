/** Each test here fails on purpose (see playwright.config.ts). */
import { expect, test } from 'track-inspector/playwright';

test.beforeEach(async ({ page }) => {
  // No collector: the tracking host is answered by the route, and a no-cors fetch needs no CORS headers.
  await page.route('https://api.segment.io/**', (route) => route.fulfill({ status: 200, body: '{}' }));
});

async function sendTwo(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('about:blank');
  await page.evaluate(async () => {
    for (const [event, timestamp] of [
      ['Signed Up', new Date().toISOString()],
      ['Bad Time', 'yesterday'],
    ]) {
      const body = JSON.stringify({ type: 'track', event, anonymousId: 'a', timestamp });
      await fetch('https://api.segment.io/v1/t', { method: 'POST', mode: 'no-cors', body });
    }
  });
}

test('a failing test attaches its capture', async ({ page, tracking }) => {
  await sendTwo(page);
  await expect(tracking).toHaveTracked('Signed Up');
  await expect(tracking).toBeValid({ timeout: 200 });
});

test.describe('with a plan that cannot be used', () => {
  test.use({ trackInspector: { plan: 'no-such-plan.json' } });
  test('fails in its setup, saying why', async ({ page, tracking }) => {
    await sendTwo(page);
    await expect(tracking).toBeValid();
  });
});
