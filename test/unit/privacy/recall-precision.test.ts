// Recall: a value of every kind planted at every depth of a message is found, through the whole pipeline
// (decode -> validate). Precision: realistic payloads, the recorded SDK calls of test/fixtures, give no finding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { harEntryReader } from '../../../src/core/har/har-records';
import { inspectCall, type InspectedMessage } from '../../../src/core/inspect';
import { createLinter } from '../../../src/core/lint';
import type { PiiKind } from '../../../src/core/privacy/pii-kinds';
import { PII_KINDS } from '../../../src/core/privacy/pii-kinds';
import type { CallType } from '../../../src/core/types';

/** One value of each kind, with the key it goes under (a password is one by its key). */
const PLANTED: Readonly<Record<PiiKind, readonly [key: string, value: string]>> = {
  email: ['contact', 'jane.doe@example.com'],
  phone: ['mobile', '+14155550123'],
  card: ['card_number', '4111 1111 1111 1111'],
  iban: ['account', 'DE89370400440532013000'],
  ssn: ['tax_id', '123-45-6789'],
  jwt: ['auth', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
  credential: ['stripe', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  password: ['password', 'correct horse battery staple'],
  'url-secret': ['link', 'https://app.example.com/reset?token=abc123'],
  ip: ['client', '203.0.113.7'],
};

/** Every kind's value under its key, in one object. */
const everyKind = (): Record<string, string> => Object.fromEntries(PII_KINDS.map((kind) => PLANTED[kind]));

/** Where each kind was flagged: "kind /path". */
function flagged(messages: readonly InspectedMessage[]): string[] {
  return messages.flatMap(({ validation }) =>
    validation.warnings.filter((w) => w.source === 'privacy').map((w) => `${w.keyword.slice(4)} ${w.path}`),
  );
}

function inspect(callType: CallType, body: unknown): InspectedMessage[] {
  return inspectCall(
    { sender: 'segment', callType },
    { kind: 'text', text: JSON.stringify(body) },
    {
      strict: false,
      linter: createLinter(),
      capturedAt: undefined,
    },
  );
}

const expected = (base: string) => PII_KINDS.map((kind) => `${kind} ${base}/${PLANTED[kind][0]}`);

describe('recall: every kind at every depth', () => {
  const depths: [string, (values: Record<string, string>) => Record<string, unknown>, string][] = [
    ['properties', (v) => ({ properties: v }), '/properties'],
    ['a nested object', (v) => ({ properties: { order: { billing: v } } }), '/properties/order/billing'],
    ['an array', (v) => ({ properties: { items: [{ sku: 'A-1' }, v] } }), '/properties/items/1'],
    ['context', (v) => ({ context: { page: { title: 'Checkout' }, extra: v } }), '/context/extra'],
  ];
  it.each(depths)('in %s', (_where, plant, base) => {
    const message = { event: 'Order Completed', userId: 'u-1', ...plant(everyKind()) };
    expect(flagged(inspect('track', message))).toEqual(expected(base));
  });

  it('in batch entries, each placed in its own entry', () => {
    const batch = [
      { type: 'track', event: 'Viewed', anonymousId: 'a-1', properties: { sku: 'A-1' } },
      { type: 'track', event: 'Order Completed', anonymousId: 'a-1', properties: everyKind() },
      { type: 'page', name: 'Home', anonymousId: 'a-1', properties: { deep: [[everyKind()]] } },
    ];
    const messages = inspect('batch', { batch, sentAt: '2024-05-01T10:00:00Z' });
    expect(flagged(messages.slice(0, 1))).toEqual([]);
    expect(flagged(messages.slice(1, 2))).toEqual(expected('/properties'));
    expect(flagged(messages.slice(2))).toEqual(expected('/properties/deep/0/0'));
  });

  it("in the batch's context, for each entry that inherits it", () => {
    const batch = [
      { type: 'track', event: 'A', anonymousId: 'a-1' },
      { type: 'track', event: 'B', anonymousId: 'a-1', context: { locale: 'en-US' } },
    ];
    const messages = inspect('batch', { batch, context: { page: { referrer: '?email=jane%40example.com' } } });
    expect(messages[0]?.validation.warnings.map((w) => w.message)).toEqual([
      'context.page.referrer holds a URL with personal data or a secret in its query: ?email=••• (inherited from the batch)',
    ]);
    expect(flagged(messages.slice(1))).toEqual([]);
  });

  it('in every message type, traits of identify and group aside', () => {
    for (const type of ['track', 'page', 'screen', 'alias'] as const) {
      const message = { type, event: 'E', name: 'N', userId: 'u-1', traits: { email: 'jane@example.com' } };
      expect(flagged(inspect(type, message))).toEqual(['email /traits/email']);
    }
  });
});

describe('precision: realistic payloads give no finding', () => {
  it('the recorded June SDK calls of test/fixtures/har (every transport, identify with an email trait)', () => {
    const har = JSON.parse(readFileSync('test/fixtures/har/playwright-chromium.har', 'utf8')) as {
      log: { entries: unknown[] };
    };
    const read = harEntryReader({ strict: false, hosts: [] });
    const records = har.log.entries.flatMap((entry, i) => {
      const item = read(entry, i + 1, new Map());
      return item?.kind === 'records' ? item.records : [];
    });
    expect(records.length).toBeGreaterThan(15);
    expect(flagged(records)).toEqual([]);
  });

  it('an e-commerce session as analytics.js sends it: prices, order ids, SKUs, URLs, search terms, dates, ids', () => {
    const context = {
      library: { name: 'analytics.js', version: 'next-1.84.3' },
      locale: 'en-US',
      timezone: 'Europe/Berlin',
      userAgent:
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      userAgentData: { brands: [{ brand: 'Chromium', version: '120' }], mobile: false, platform: 'macOS' },
      page: {
        path: '/checkout/4111111111111111',
        referrer: 'https://www.google.com/search?q=running+shoes+size+42&hl=en',
        search: '?utm_source=newsletter&utm_medium=email&utm_campaign=spring_2024&page=2',
        title: 'Checkout – Shoe Shop',
        url: 'https://shop.example.com/checkout?step=2&currency=EUR#payment',
      },
      campaign: { source: 'newsletter', medium: 'email', name: 'spring_2024' },
      traits: { email: 'jane@example.com', phone: '+14155550123' },
      ip: '203.0.113.7',
      screen: { width: 1512, height: 982, density: 2 },
    };
    const common = {
      anonymousId: '7f3c2a10-5b4e-4d1a-9c7e-2f8b6a1d3e45',
      messageId: 'ajs-next-1714557600000-8d0b3c1e-a2f4-4b6d-9e01-5c7a3f2b1d09',
      timestamp: '2024-05-01T10:00:00.123Z',
      sentAt: '2024-05-01T10:00:00.456Z',
      context,
    };
    const messages = [
      { type: 'page', name: 'Checkout', properties: { path: '/checkout', url: context.page.url }, ...common },
      {
        type: 'track',
        event: 'Order Completed',
        userId: 'user_8f3a2c',
        properties: {
          order_id: 'ORD-2024-000123',
          checkout_id: '4111111111111112',
          invoice_number: 123456789,
          total: 1299.99,
          revenue: '1,299.99',
          tax: 0.19,
          currency: 'EUR',
          coupon: 'SPRING20',
          products: [
            {
              product_id: '507f1f77bcf86cd799439011',
              sku: 'SHOE-4111-42',
              name: 'Runner 2',
              price: 129.5,
              quantity: 2,
            },
            { product_id: '1234567812345678', sku: '45-678-9012', name: 'Socks (3-pack)', price: 9.99, quantity: 1 },
          ],
          shipped_at: '2024-05-03',
          delivery_window: '10:00-12:00',
          app_version: '1.2.3.4',
          build: '10.15.7.1',
          search_term: 'blue running shoes 42',
          image: 'https://cdn.example.com/img/runner@2x.png',
          created: 1714557600000,
        },
        ...common,
      },
      { type: 'identify', userId: 'user_8f3a2c', traits: { email: 'jane@example.com', name: 'Jane' }, ...common },
      {
        type: 'group',
        userId: 'user_8f3a2c',
        groupId: 'org_42',
        traits: { name: 'Acme', email: 'billing@acme.example' },
        ...common,
      },
    ];
    for (const message of messages) expect(flagged(inspect(message.type as CallType, message))).toEqual([]);
  });
});
