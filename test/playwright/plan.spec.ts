/**
 * The team's tracking plan in the fixture: `plan` is a path relative to the config's directory, its
 * errors are the panel's and the CLI's (source "plan"), and a plan that cannot be used is refused
 * with its problems, one per line, as the CLI prints them.
 */
import path from 'node:path';
import { captureTracking } from 'track-inspector/playwright';
import { expect, test } from './harness';
import { openShop, send } from './pages';

test.describe('with a plan', () => {
  test.use({ trackInspector: { plan: 'fixtures/tracking-plan.json', unplanned: 'error' } });

  test('plan errors and unplanned events fail toBeValid, naming the plan', async ({ page, tracking, collector }) => {
    await openShop(collector, page);
    await send(
      page,
      { type: 'track', event: 'Signed Up', properties: { plan: 'gold' } },
      { type: 'track', event: 'Signed up', properties: { plan: 'pro' } },
      { type: 'track', event: 'Signed Up', properties: { plan: 'pro', seats: 2 } },
    );
    await expect(tracking).toHaveTracked('Signed Up', { seats: 2 });
    const [gold, unplanned, fine] = tracking.messages();
    expect(gold?.validation.errors.map((p) => [p.source, p.path, p.message])).toEqual([
      ['plan', '/properties/plan', 'properties.plan must be one of "free" or "pro", got "gold"'],
    ]);
    expect(unplanned?.validation.errors.map((p) => [p.source, p.message])).toEqual([
      ['plan', '"Signed up" is not in the tracking plan "Acme"; did you mean "Signed Up"?'],
    ]);
    expect(fine?.validation.valid).toBe(true);
  });
});

test('a plan that cannot be used is refused with its problems, one per line', async ({ context }) => {
  const file = path.join('test', 'playwright', 'fixtures', 'broken-plan.json');
  const refusal = await captureTracking(context, { plan: file }).then(
    () => 'accepted',
    (error: Error) => `${error.name}: ${error.message}`,
  );
  expect(refusal).toMatch(/^TrackInspectorOptionsError: The tracking plan cannot be used:\n/);
  expect(refusal).toContain(`${path.resolve(file)}: `);
  expect(refusal).toContain('https://example.com/remote.json');
});
