/**
 * The privacy guard in the fixture: personal data in a message is a warning by default, listed masked by
 * toHaveNoPersonalData; `pii: 'error'` makes toBeValid fail on it; `piiAllow` exempts a field where it belongs;
 * `pii: 'off'` is said, not passed over; a bad allow rule is refused at setup.
 */
import { captureTracking } from 'track-inspector/playwright';
import { expect, test } from './harness';
import { openShop, send } from './pages';

const ORDER = {
  type: 'track',
  event: 'Order Completed',
  properties: { order_id: 'ord-1042', total: 49.9, card_number: '4111 1111 1111 1111' },
};
const INVITE = { type: 'track', event: 'Invite Sent', properties: { invitee_email: 'jane.doe@example.com' } };

/** The matcher's failure message, or 'passed'. */
async function failureOf(check: Promise<void>): Promise<string> {
  return check.then(
    () => 'passed',
    (error: Error) => error.message,
  );
}

test('personal data is a warning by default, and toHaveNoPersonalData lists it masked', async ({
  page,
  tracking,
  collector,
}) => {
  await openShop(collector, page);
  await send(page, ORDER, INVITE, { type: 'track', event: 'Cart Viewed', properties: { sku: 'A-1', price: 12 } });
  await expect(tracking).toHaveTracked('Cart Viewed');
  await expect(tracking).toBeValid();
  const failure = await failureOf(expect(tracking).toHaveNoPersonalData({ timeout: 500 }));
  expect(failure).toContain('2 of 3 messages hold personal data or a secret:');
  expect(failure).toContain('properties.card_number holds');
  expect(failure).toContain('•••• 1111');
  expect(failure).toContain('(pii:email)');
  // The values themselves never appear: a failure message lands in CI logs.
  expect(failure).not.toContain('4111 1111 1111 1111');
  expect(failure).not.toContain('jane.doe@example.com');
  const [order] = tracking.messages();
  expect(order?.validation.warnings.map((p) => [p.source, p.keyword, p.path])).toEqual([
    ['privacy', 'pii:card', '/properties/card_number'],
  ]);
});

test.describe('with pii: error and a field allowed', () => {
  test.use({ trackInspector: { pii: 'error', piiAllow: ['track "Invite Sent" properties.invitee_email'] } });

  test('toBeValid fails on personal data, except where the team allows it', async ({ page, tracking, collector }) => {
    await openShop(collector, page);
    await send(page, INVITE, ORDER);
    await expect(tracking).toHaveTracked('Order Completed');
    const failure = await failureOf(expect(tracking).toBeValid({ timeout: 500 }));
    expect(failure).toContain('1 of 2 messages has errors:');
    expect(failure).toContain('Order Completed');
    expect(failure).toContain('(privacy at /properties/card_number)');
    const [invite] = tracking.messages();
    expect(invite?.validation).toMatchObject({ valid: true, errors: [], warnings: [] });
  });
});

test.describe('with pii: off', () => {
  test.use({ trackInspector: { pii: 'off' } });

  test('nothing is flagged, and toHaveNoPersonalData says the guard is off', async ({ page, tracking, collector }) => {
    await openShop(collector, page);
    await send(page, ORDER);
    await expect(tracking).toHaveTracked('Order Completed');
    expect(tracking.messages()[0]?.validation.warnings).toEqual([]);
    expect(await failureOf(expect(tracking).toHaveNoPersonalData())).toContain('The privacy guard is off');
  });
});

test('a bad allow rule is refused at setup, saying what is wrong', async ({ context }) => {
  const refusal = await captureTracking(context, { piiAllow: ['track "Unclosed properties.email'] }).then(
    () => 'accepted',
    (error: Error) => `${error.name}: ${error.message}`,
  );
  expect(refusal).toMatch(/^TrackInspectorOptionsError: trackInspector\.piiAllow: /);
});
