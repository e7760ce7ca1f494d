/**
 * Issue 19 in a real browser: the privacy guard while you click. A card number and an invitee's email
 * in event properties are flagged (warnings by default) with the Privacy chip's count, the finding in
 * the detail pane masked and its field marked in the JSON tree; an allow rule written in the options
 * page takes the email out, error mode makes the card an error, and Export NDJSON (redacted) writes
 * the card as its token while the plain export keeps what was sent.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openOptions } from '../../browser-harness/options';
import type { LaunchPanelBrowser, PanelHandle } from '../../browser-harness/panel';
import { panelSession, sendTrack, shownRows } from './panel-session';
import { until } from './until';

const CARD = '4111111111111111';
const EMAIL = 'jane.doe@example.com';

const chipText = (panel: PanelHandle) =>
  panel.evaluate(() => document.querySelector('.filter-bar .chip.privacy')?.textContent ?? null, undefined);

const clickButton = (panel: PanelHandle, label: string) =>
  panel.evaluate((label) => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('.toolbar > button')].find(
      (b) => b.textContent?.trim() === label,
    );
    button?.click();
    return button !== undefined;
  }, label);

export function privacySuite(launch: LaunchPanelBrowser): void {
  const session = panelSession(
    launch,
    { '/shop.html': '<!doctype html><title>Shop</title><h1>Shop</h1>' },
    '/shop.html',
  );

  beforeAll(async () => {
    expect(
      await sendTrack(session.page, 'Order Completed', { card_number: CARD, order_id: 'ord_1', total: 42.5 }),
    ).toBe(200);
    expect(await sendTrack(session.page, 'Invite Sent', { invitee_email: EMAIL })).toBe(200);
    expect(
      await sendTrack(session.page, 'Search', { query: 'red shoes', url: 'https://shop.example/search?q=red' }),
    ).toBe(200);
  });

  describe('the privacy guard in the panel', () => {
    it('counts the messages with personal data on the Privacy chip; the finding is masked and its field marked', async () => {
      // The three calls answered is not the three rows shown: the background may still be at the last one.
      const rows = await until(
        () => shownRows(session.panel),
        (shown) => shown.length === 3 && shown.every((row) => row.verdict !== ''),
        'the three rows with their verdicts',
      );
      expect(await chipText(session.panel)).toBe('Privacy 2');
      expect(Object.fromEntries(rows.map(({ name, verdict }) => [name, verdict]))).toEqual({
        'Order Completed': '1 warning',
        'Invite Sent': '1 warning',
        Search: 'valid',
      });

      await session.panel.click('.filter-bar .chip.privacy');
      const filtered = await until(
        () => shownRows(session.panel),
        (shown) => shown.length === 2,
        'the two rows with findings',
      );
      expect(filtered.map((row) => row.name).sort()).toEqual(['Invite Sent', 'Order Completed']);

      const order = filtered.find((row) => row.name === 'Order Completed')?.key ?? '';
      await session.panel.click(`.row.message[data-key="${order}"]`);
      const detail = await until(
        () =>
          session.panel.evaluate(
            () => ({
              problem: document.querySelector('.detail .problems li')?.textContent ?? '',
              marked: document.querySelector('.json-tree .has-privacy')?.textContent ?? '',
              kind: document.querySelector('.json-tree .has-privacy .privacy-mark')?.textContent ?? '',
              title: document.querySelector('.json-tree .has-privacy')?.getAttribute('title') ?? '',
            }),
            undefined,
          ),
        (shown) => shown.problem !== '' && shown.marked !== '',
        'the finding in the detail pane',
      );
      expect(detail.problem).toContain('•••• 1111');
      expect(detail.problem).not.toContain(CARD);
      expect(detail.problem).toContain('privacy');
      expect(detail.marked).toContain('card_number');
      expect(detail.kind).toBe('card');
      expect(detail.title).toMatch(/^Privacy: a payment card number/);
      await session.panel.click('.filter-bar .chip.privacy'); // every row again
    });

    it('an allow rule from the options page takes the invitee email out; error mode makes the card an error', async () => {
      const options = await openOptions(session.browser, session.panel);
      try {
        expect(await options.setPrivacy('warn', ['track "Invite Sent" properties.invitee_email'])).toMatch(/^Saved/);
        await until(
          () => chipText(session.panel),
          (text) => text === 'Privacy 1',
          'the chip without the allowed email',
        );
        expect(await options.setPrivacy('error', ['track "Invite Sent" properties.invitee_email'])).toMatch(/^Saved/);
      } finally {
        await options.close();
      }
      const rows = await until(
        () => shownRows(session.panel),
        (shown) => shown.find((row) => row.name === 'Order Completed')?.verdict === '1 error',
        'the card an error',
      );
      expect(rows.find((row) => row.name === 'Invite Sent')?.verdict).toBe('valid');
    });

    it('Export NDJSON (redacted) writes the card as its token; the plain export keeps what was sent', async () => {
      await until(
        () => shownRows(session.panel),
        (shown) => shown.length === 3,
        'every row',
      );
      expect(await clickButton(session.panel, 'Export NDJSON (redacted)')).toBe(true);
      const redacted = readFileSync(await session.panel.waitForDownload(/-redacted\.ndjson$/), 'utf8');
      const token = `[redacted:card:${createHash('sha256').update(CARD).digest('hex').slice(0, 12)}]`;
      expect(redacted).toContain(JSON.stringify(token));
      expect(redacted).not.toContain(CARD);
      expect(redacted).toContain(EMAIL); // allowed for Invite Sent
      expect(redacted.trimEnd().split('\n')).toHaveLength(3);

      expect(await clickButton(session.panel, 'Export NDJSON')).toBe(true);
      const plain = readFileSync(await session.panel.waitForDownload(/\d{6}\.ndjson$/), 'utf8');
      expect(plain).toContain(CARD);
      expect(plain).not.toContain('[redacted:');
    });
  });
}
