/** Small pages the specs serve from the worker's collector, beside the e2e suite's SDK pages. */
import type { Collector } from '../../browser-harness/collector';

/**
 * A page with `send(message)`: one POST per message to api.segment.io, by fetch; the message gets a
 * fresh timestamp and anonymous id unless it has its own.
 */
const SHOP = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body><h1>Shop</h1>
<script>
  const LETTER = { track: 't', identify: 'i', page: 'p', group: 'g' };
  window.send = (message) =>
    fetch('https://api.segment.io/v1/' + LETTER[message.type], {
      method: 'POST',
      body: JSON.stringify({ anonymousId: 'anon-1', timestamp: new Date().toISOString(), ...message }),
    }).then((response) => response.status);
</script></body></html>`;

export async function openShop(collector: Collector, page: import('@playwright/test').Page): Promise<void> {
  collector.setPage('/shop.html', SHOP);
  await page.goto(`${collector.origin}/shop.html`);
}

/** Sends messages from the shop page, in order, each once the last has been answered. */
export async function send(page: import('@playwright/test').Page, ...messages: object[]): Promise<void> {
  for (const message of messages) {
    await page.evaluate((m) => (window as unknown as { send(m: object): Promise<number> }).send(m), message);
  }
}
