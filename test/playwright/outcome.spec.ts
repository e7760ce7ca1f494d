/**
 * A call's outcome settles when its response arrives, whatever the page does with the body:
 * collectors answer `Cache-Control: no-store`, and Playwright never reports such a request as
 * finished when the page does not read the body (found by bench:playwright: it stayed pending).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureTracking } from 'track-inspector/playwright';
import { expect, test } from './harness';

test('a no-store response the page never reads still gives the call its status', async ({ browser }) => {
  const server = http.createServer((request, response) => {
    if (request.method === 'POST') {
      request.resume();
      response.writeHead(202, { 'Cache-Control': 'no-store', 'Content-Type': 'application/json' }).end('{"ok":1}');
    } else response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>App</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext();
  const tracking = await captureTracking(context, { hosts: [`${origin}/collect`] });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.evaluate(() => {
    const body = JSON.stringify({ type: 'track', event: 'Unread', userId: 'u' });
    void fetch('/collect/v1/t', { method: 'POST', body }); // the response is never read
  });
  await expect(tracking).toHaveTracked('Unread');
  await expect
    .poll(() => tracking.messages().map((m) => [m.sender, m.request.outcome, m.request.status]))
    .toEqual([['custom', 'status', 202]]);
  await tracking.stop();
  await context.close();
  server.closeAllConnections();
  server.close();
});
