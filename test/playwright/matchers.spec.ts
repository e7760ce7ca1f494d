/**
 * The matchers against a real page: what passes, and what a failure says, as text. A failure names
 * the nearest miss field by field and lists what was captured, one line per message.
 */
import type { TrackingCapture } from 'track-inspector/playwright';
import { expect, test } from './harness';
import { openShop, send } from './pages';

const SHORT = { timeout: 300 };

/** The failure of `assertion`, as the test report shows it (without colours). */
async function failureOf(assertion: Promise<unknown>): Promise<string> {
  const error = await assertion.then(
    () => new Error('the assertion passed'),
    (e: unknown) => e as Error,
  );
  // eslint-disable-next-line no-control-regex
  return error.message.replace(/\u001b\[\d+m/g, '');
}

test('each matcher passes on what the page sent, and waits for a call still on its way', async ({
  page,
  tracking,
  collector,
}) => {
  await openShop(collector, page);
  await send(
    page,
    { type: 'page', name: 'Pricing' },
    { type: 'track', event: 'Cart Viewed' },
    { type: 'track', event: 'Signed Up', properties: { plan: 'pro', seats: 3 } },
    { type: 'identify', userId: 'u-1', traits: { plan: 'pro', email: 'ada@example.com' } },
    { type: 'track', event: 'Checkout Started' },
  );
  await expect(tracking).toHaveTracked('Signed Up', { plan: 'pro' });
  await expect(tracking).toHaveTracked('Signed Up', { seats: expect.any(Number) });
  await expect(tracking).not.toHaveTracked('Error Shown', undefined, SHORT);
  await expect(tracking).toHaveTrackedTimes('Cart Viewed', 1);
  await expect(tracking).toHaveIdentified({ userId: 'u-1', traits: { plan: 'pro' } });
  await expect(tracking).toHaveTrackedInOrder(['Cart Viewed', 'Checkout Started']);
  await expect(tracking).toHaveSent({ type: 'page', name: 'Pricing' });
  await expect(tracking).toBeValid();
  // Sent without waiting for it: the matcher waits for the call.
  void page.evaluate(() =>
    setTimeout(
      () => void (window as unknown as { send(m: object): unknown }).send({ type: 'track', event: 'Later' }),
      300,
    ),
  );
  await expect(tracking).toHaveTracked('Later');
});

test('failures name the nearest miss and list what was captured', async ({ page, tracking, collector }) => {
  await openShop(collector, page);
  await send(
    page,
    { type: 'track', event: 'Signed Up', properties: { plan: 'free' } },
    { type: 'track', event: 'Signed up', properties: { plan: 'pro' } },
    { type: 'track', event: 'Cart Viewed', timestamp: 'yesterday' },
  );
  const captured = [
    'Captured 3 messages:',
    '  1. track "Signed Up" · valid',
    '  2. track "Signed up" · 1 warning', // spelt like "Signed Up" but for case: a lint warning
    '  3. track "Cart Viewed" · 1 error',
  ].join('\n');
  expect(await failureOf(expect(tracking).toHaveTracked('Signed Up', { plan: 'pro' }, SHORT))).toBe(
    [
      'expect(tracking).toHaveTracked("Signed Up", {"plan":"pro"}) failed (waited 300 ms)',
      '',
      'No track message "Signed Up" with properties {"plan":"pro"} was captured.',
      'Nearest miss: message 1, track "Signed Up" · valid',
      '  properties.plan: expected "pro", received "free"',
      captured,
    ].join('\n'),
  );
  expect(await failureOf(expect(tracking).not.toHaveTracked('Cart Viewed', undefined, SHORT))).toBe(
    [
      'expect(tracking).not.toHaveTracked("Cart Viewed") failed',
      '',
      'It was captured: message 3, track "Cart Viewed" · 1 error.',
      captured,
    ].join('\n'),
  );
  expect(await failureOf(expect(tracking).toHaveTrackedTimes('Signed Up', 2, SHORT))).toBe(
    [
      'expect(tracking).toHaveTrackedTimes("Signed Up", 2) failed (waited 300 ms)',
      '',
      'Expected 2 track messages "Signed Up", captured 1 (message 1).',
      captured,
    ].join('\n'),
  );
  expect(await failureOf(expect(tracking).toHaveTrackedInOrder(['Cart Viewed', 'Signed Up'], SHORT))).toBe(
    [
      'expect(tracking).toHaveTrackedInOrder(["Cart Viewed","Signed Up"]) failed (waited 300 ms)',
      '',
      'No track message "Signed Up" was captured after "Cart Viewed" (message 3). It was tracked before that, as message 1.',
      captured,
    ].join('\n'),
  );
  expect(await failureOf(expect(tracking).toHaveIdentified({ userId: 'u-1' }, SHORT))).toBe(
    [
      'expect(tracking).toHaveIdentified({"userId":"u-1"}) failed (waited 300 ms)',
      '',
      'No identify message with {"userId":"u-1"} was captured.',
      captured,
    ].join('\n'),
  );
  expect(await failureOf(expect(tracking).toBeValid(SHORT))).toBe(
    [
      // A message that cannot become valid: no need to wait the timeout out.
      'expect(tracking).toBeValid() failed',
      '',
      '1 of 3 messages has errors:',
      '  3. track "Cart Viewed" · 1 error',
      '       timestamp must be an ISO 8601 date-time with a time zone, got "yesterday" (schema at /timestamp)',
    ].join('\n'),
  );
});

test('a value that is not the tracking fixture is refused in words', async () => {
  const notACapture = {} as TrackingCapture;
  expect(await failureOf(expect(notACapture).toBeValid())).toContain(
    'expect(tracking).toBeValid(): the value is not a tracking capture',
  );
});
