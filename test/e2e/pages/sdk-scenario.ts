/**
 * What the SDK test pages do: the calls a product makes, through the real SDK. Loaded with inline
 * settings so the SDK fetches nothing from a CDN; metrics off (sampleRate 0).
 */
export interface SdkLike {
  track(event: string, properties?: object, options?: object): Promise<unknown>;
  identify(userId: string, traits?: object): Promise<unknown>;
  page(category?: string, name?: string, properties?: object): Promise<unknown>;
  group(groupId: string, traits?: object): Promise<unknown>;
}

/** [label the row shows, type, valid] for every call the scenario makes. */
export const SCENARIO_ROWS: readonly (readonly [string, string, boolean])[] = [
  ['Pricing', 'page', true],
  ['Order Completed', 'track', true],
  ['Bad Timestamp', 'track', false],
  ['user-42', 'identify', true],
  ['org-7', 'group', true],
];

/**
 * Each page load is a new anonymous visitor: both SDKs keep identity in localStorage and cookies
 * under the same names, and the test pages share one origin.
 */
export function forgetVisitor(): void {
  localStorage.clear();
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

export async function runScenario(sdk: SdkLike): Promise<string> {
  await sdk.page('Docs', 'Pricing', { plan: 'pro' });
  // What a shop really sends: ids, SKUs, prices, a product URL, a search term, dates. None of it is personal data.
  await sdk.track('Order Completed', {
    order_id: 'ord_123',
    total: 42.5,
    currency: 'EUR',
    products: [{ sku: 'SKU-4417-BLK', price: 19.99, quantity: 2, url: 'https://shop.example/p/4417?color=black' }],
    search: 'red running shoes',
    delivery_date: '2026-12-24',
    coupon_code: 'XMAS-2026',
    order_number: '4000123456789012',
  });
  // The SDK sends an explicit timestamp as given: the one invalid call it can put on the wire.
  await sdk.track('Bad Timestamp', { step: 2 }, { timestamp: '2024-05-01' });
  await sdk.identify('user-42', { email: 'ada@example.com', plan: 'pro' });
  await sdk.group('org-7', { name: 'Acme' });
  return 'done';
}
