/**
 * The panel's look where it misled (issue 21, item 9): headers in one style, "Back to live capture" a button, and a
 * word after Export NDJSON and Draft tracking plan. The stylesheet is the panel's own, as happy-dom computes it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importSession } from '../../src/panel/store/import-session';
import { STATUS_MS } from '../../src/panel/store/status-store';
import { mountPanel, panelRoot } from './mount';
import { captured, passPublishInterval, USER_MODE } from './fixtures';

const root = panelRoot();
const stylesheet = document.createElement('style');
beforeAll(() => {
  stylesheet.textContent = readFileSync(path.join(import.meta.dirname, '../../src/panel/panel.css'), 'utf8');
  document.head.append(stylesheet);
});
afterAll(() => stylesheet.remove());
afterEach(() => vi.restoreAllMocks());

const click = (element: Element | null | undefined) => act(() => (element as HTMLElement).click());
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
type Property =
  'fontFamily' | 'fontSize' | 'fontWeight' | 'color' | `borderTop${'Color' | 'Style' | 'Width'}` | 'backgroundColor';
const look = (element: Element | null | undefined, properties: readonly Property[]) => {
  const style = getComputedStyle(element as Element);
  return Object.fromEntries(properties.map((property) => [property, style[property]]));
};
const sent = () => [
  ...captured({ event: 'Order Completed', userId: 'u' }),
  ...captured({ event: 'Signed Up', userId: 'u' }),
  ...captured({ type: 'page', name: 'Home', userId: 'u' }, { callType: 'page' }),
];

describe('the look of the panel', () => {
  it("sets every column header in one style, the timeline's and the Summary's", async () => {
    await mountPanel(root, sent());
    const font = ['fontFamily', 'fontSize', 'fontWeight', 'color'] as const;
    const headers = [...root.querySelectorAll('.row.header .cell')].map((cell) => look(cell, font));
    // The rows keep their times and ids in monospace.
    const time = look(root.querySelector('.row.message .cell.time'), ['fontFamily', 'fontSize']);
    expect(time).toEqual({ fontFamily: expect.stringContaining('monospace') as string, fontSize: '11px' });
    await click(button('Summary'));
    headers.push(...[...root.querySelectorAll('.summary-view th')].map((th) => look(th, font)));
    expect(headers).toHaveLength(7 + 7);
    expect(new Set(headers.map((header) => JSON.stringify(header))).size).toBe(1);
    expect(headers[0]?.['fontFamily']).not.toContain('monospace');
  });

  it('outlines "Back to live capture" as the detail pane\'s buttons are', async () => {
    const { store } = await mountPanel(root, []);
    await act(() => {
      store.openImported(importSession('capture.ndjson', '{"event":"A","userId":"u"}', false, USER_MODE));
      passPublishInterval();
    });
    await click(root.querySelector('.row.message'));
    const outline = ['borderTopColor', 'borderTopStyle', 'borderTopWidth', 'backgroundColor'] as const;
    const back = look(button('Back to live capture'), outline);
    expect(back['borderTopColor']).not.toBe('transparent');
    expect(back).toEqual(look(button('Copy as JSON'), outline));
  });

  it('says beside the draft what in it looks like a mistake (issue 21, item 11)', async () => {
    await mountPanel(root, [...sent(), ...captured({ event: 'Signed up', userId: 'u' })]);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:saved');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await click(button('Draft tracking plan'));
    expect(root.querySelector('.toolbar [role="status"]')?.textContent).toMatch(
      /^Drafted a plan with 3 rules: tracking-plan-[^ ]+\.json\. Check: "Signed Up" and "Signed up" differ only in case or spacing: one rule each was drafted; keep the one you mean$/,
    );
  });

  it('says what Export NDJSON and Draft tracking plan saved, until a few seconds pass or the next action', async () => {
    const { store } = await mountPanel(root, sent());
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:saved');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const status = () => root.querySelector('.toolbar [role="status"]')?.textContent;
    expect(status()).toBe(''); // there from the start, so what it says is announced

    await click(button('Export NDJSON'));
    expect(status()).toMatch(/^Exported 3 messages to track-inspector-app\.example\.com-\d{8}-\d{6}\.ndjson$/);
    await act(() => void vi.advanceTimersByTime(STATUS_MS - 1));
    expect(status()).not.toBe('');
    await act(() => void vi.advanceTimersByTime(1));
    expect(status()).toBe('');

    await click(button('Draft tracking plan'));
    expect(status()).toMatch(/^Drafted a plan with 2 rules: tracking-plan-app\.example\.com-\d{8}-\d{6}\.json$/);
    await click(root.querySelector('.chip')); // the next action: the note was about the one before
    expect(status()).toBe('');

    await act(() => void (store.filters.text.value = 'Signed'));
    await click(button('Export NDJSON'));
    expect(status()).toMatch(/^Exported 1 of 3 messages \(filtered\) to track-inspector-/);
    await act(() => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true })));
    expect(status()).not.toBe(''); // moving the focus is no action
    await act(() => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true })));
    expect(status()).toBe('');
  });
});
