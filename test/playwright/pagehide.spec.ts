/**
 * Calls sent while a page goes away: Chromium shows Playwright no request at all for a beacon sent
 * in `pagehide`, so the page reporter's report is the call. Each is captured once, with its body and
 * the page that sent it, and the collector got it.
 */
import { expect, test } from './harness';

type Transport = 'beacon-blob' | 'beacon-string' | 'keepalive';

for (const transport of ['beacon-blob', 'beacon-string', 'keepalive'] as Transport[]) {
  test(`a ${transport} sent in pagehide, while the page navigates away`, async ({
    page,
    tracking,
    collector,
    received,
  }) => {
    await page.goto(`${collector.origin}/transports.html?leaving`);
    await page.evaluate((via) => {
      const page = window as unknown as { sendVia(t: string, e: string): Promise<string> };
      addEventListener('pagehide', () => void page.sendVia(via, `Left by ${via}`));
    }, transport);
    await page.goto(`${collector.origin}/blank.html`);
    await expect(tracking).toHaveTracked(`Left by ${transport}`);
    await tracking.stop();
    await expect.poll(() => received().length).toBe(1);
    const [message] = tracking.messages();
    expect(tracking.messages()).toHaveLength(1);
    expect(message?.payload).toEqual(JSON.parse(received()[0]?.body ?? 'null'));
    expect(message?.pageUrl).toBe(`${collector.origin}/transports.html?leaving`);
    expect(message?.validation.valid).toBe(true);
  });
}

test('a Blob beacon sent in pagehide as the page closes', async ({
  context,
  tracking,
  collector,
  received,
  browserName,
}) => {
  const page = await context.newPage();
  await page.goto(`${collector.origin}/transports.html?closing`);
  await page.evaluate(() => {
    const page = window as unknown as { sendVia(t: string, e: string): Promise<string> };
    addEventListener('pagehide', () => {
      localStorage.setItem('pagehide ran', 'yes'); // what the browser did, read back below
      void page.sendVia('beacon-blob', 'Closed');
    });
  });
  await page.close({ runBeforeUnload: true });
  // Firefox ESR 153 often closes a page without running its pagehide listeners (1 of 20 ran in our probe), so
  // whether the page sent anything is the browser's to say: another page of the origin reads the mark back.
  const reader = await context.newPage();
  await reader.goto(`${collector.origin}/blank.html`);
  const sent = (await reader.evaluate(() => localStorage.getItem('pagehide ran'))) === 'yes';
  if (browserName === 'chromium') expect(sent).toBe(true);
  if (!sent) {
    await tracking.stop();
    expect(tracking.messages()).toEqual([]); // nothing sent, nothing invented
    return;
  }
  await expect(tracking).toHaveTracked('Closed');
  // Firefox itself delivers few beacons sent as a page closes (5 of 20 measured): the page sent it, and the
  // message says the browser did not show the request; the collector may never get it.
  if (browserName === 'chromium') await expect.poll(() => received().length).toBe(1);
  await tracking.stop();
  expect(
    tracking.messages().map((m) => [(m.payload as { event: string }).event, m.pageUrl, m.request.outcome]),
  ).toEqual([['Closed', `${collector.origin}/transports.html?closing`, 'unseen']]);
});
