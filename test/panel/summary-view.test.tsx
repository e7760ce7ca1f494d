/**
 * The Summary as a user reads it (issue 21, item 3): errors grouped by what is wrong with the values sent beside
 * them, Warnings, Privacy and Unplanned columns, a line that leads to its messages, no detail pane, Copy as Markdown.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../src/core/capture/timeline-entry';
import { DEFAULT_SETTINGS } from '../../src/shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../../src/shared/settings/validation-mode';
import { click, copiedBy, copyButton, tabIn, textsIn } from './dom';
import { mountPanel, panelRoot } from './mount';
import { captured, SHOP_PLAN, USER_MODE } from './fixtures';

const WITH_PLAN = validationModeOf(DEFAULT_SETTINGS, SHOP_PLAN);
const DATE_TIME = 'timestamp must be an ISO 8601 date-time with a time zone';

const root = panelRoot();
afterEach(() => vi.restoreAllMocks());

const tab = tabIn(root);
const texts = textsIn(root);
const lines = () => [...root.querySelectorAll('.summary-view tbody tr')].map((tr) => texts('td', tr));
const line = (name: string) =>
  [...root.querySelectorAll('.summary-view tbody tr')].find((tr) => texts('td', tr)[1] === name);

async function summaryOf(entries: TimelineEntry[], mode: ValidationMode = USER_MODE) {
  const panel = await mountPanel(root, entries, mode.summary);
  await click(tab('Summary'));
  return panel;
}

describe('the Summary', () => {
  it('groups the most common error by what is wrong and shows the values sent, each with its count', async () => {
    await summaryOf([
      ...captured({ event: 'Order Completed', userId: 'u', timestamp: 'yesterday' }),
      ...captured({ event: 'Order Completed', userId: 'u', timestamp: '2024-05-01' }),
      ...captured({ event: 'Signed Up', userId: 'u', timestamp: 'yesterday' }),
      ...captured({ event: 'Signed Up', userId: 'u', timestamp: 'yesterday' }),
      ...captured({ event: 'Viewed', userId: 'u', timestamp: 'now' }),
      ...captured({ type: 'group', userId: 'u' }, { callType: 'group' }),
    ]);
    expect(texts('.summary-view td.top-error')).toEqual([
      `${DATE_TIME} (2×); got "yesterday" 1×, "2024-05-01" 1×`,
      `${DATE_TIME} (2×); got "yesterday" each time`,
      'groupId is required (1×)',
      `${DATE_TIME} (1×); got "now"`,
    ]);
  });

  it('shows warnings, and with a plan the unplanned events, each in its own column', async () => {
    const sent = (mode: ValidationMode) => [
      // Timestamped years before its capture: a clock-skew warning.
      ...captured(
        { event: 'Order Completed', userId: 'u', timestamp: '2020-01-01T00:00:00Z', properties: { total: 3 } },
        { mode },
      ),
      ...captured({ event: 'Signed up', userId: 'u' }, { mode }),
      ...captured({ event: 'Order Completed', userId: 'u', properties: { order_id: 'o1' } }, { mode }),
    ];
    await summaryOf(sent(WITH_PLAN), WITH_PLAN);
    expect(texts('.summary-view th')).toEqual([
      'Type',
      'Name',
      'Count',
      'Invalid',
      'Warnings',
      'Privacy',
      'Unplanned',
      'Plan violations',
      'Most common error',
    ]);
    expect(lines()).toEqual([
      ['track', 'Order Completed', '2', '1', '1', '0', '0', '1', 'properties.order_id is required (1×)'],
      ['track', 'Signed up', '1', '0', '1', '0', '1', '0', ''],
    ]);

    await summaryOf(sent(USER_MODE));
    expect(texts('.summary-view th')).toEqual([
      'Type',
      'Name',
      'Count',
      'Invalid',
      'Warnings',
      'Privacy',
      'Most common error',
    ]);
    expect(lines()[0]).toEqual(['track', 'Order Completed', '2', '0', '1', '0', '']);
  });

  it("hides the detail pane, and a click on a line shows that event's messages in the timeline, the filter saying so", async () => {
    await mountPanel(root, [
      ...captured({ event: 'Order Completed', userId: 'u' }),
      ...captured({ event: 'Order Completed (test)', userId: 'u' }),
      ...captured({ type: 'page', name: 'Order Completed', userId: 'u' }, { callType: 'page' }),
      ...captured({ event: 'Order Completed', userId: 'u', timestamp: 'yesterday' }),
    ]);
    const rowNames = () => texts('.row.message .cell.name');
    const filter = () => root.querySelector<HTMLInputElement>('.filter-bar input[type="search"]');
    await click(root.querySelector('.row.message'));
    expect(root.querySelector('.main.with-detail .detail')).not.toBeNull();

    await click(tab('Summary'));
    expect(root.querySelector('.detail')).toBeNull();
    expect(root.querySelector('.main.with-detail')).toBeNull();
    // The keys are the page's here: Enter on a line's button is its own, not "open the details".
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await act(() => void line('Order Completed')?.querySelector('button')?.dispatchEvent(enter));
    expect(enter.defaultPrevented).toBe(false);
    await click(tab('Timeline'));
    expect(root.querySelector('.main.with-detail .detail h2')?.textContent).toContain('Order Completed');

    await click(tab('Summary'));
    await click(line('Order Completed')?.querySelector('button'));
    expect(tab('Timeline')?.getAttribute('aria-selected')).toBe('true');
    expect(filter()?.value).toBe('type:track name:"Order Completed"');
    expect(rowNames()).toEqual(['Order Completed', 'Order Completed']);
    expect(root.querySelector('.filter-bar .shown')?.textContent).toBe('2 of 4 messages');
    expect(root.querySelector('.detail')).toBeNull();

    await act(() => void filter()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(filter()?.value).toBe('');
    expect(rowNames()).toHaveLength(4);
  });

  it('copies the table as Markdown, page data escaped', async () => {
    await summaryOf([
      ...captured({ event: 'Order Completed', userId: 'u', timestamp: 'yesterday' }),
      ...captured({ event: 'Order Completed', userId: 'u', timestamp: '2024-05-01' }),
      ...captured({ event: '<b>Bold</b> | *x*', userId: 'u' }),
    ]);
    const button = () => copyButton(root.querySelectorAll('.summary-view button'));
    expect(await copiedBy(button())).toEqual([
      [
        [
          '| Type | Name | Count | Invalid | Warnings | Privacy | Most common error |',
          '| --- | --- | ---: | ---: | ---: | ---: | --- |',
          // 2024-05-01 reads as a date far from the capture time: a warning besides the error.
          `| track | Order Completed | 2 | 2 | 1 | 0 | ${DATE_TIME} (2×); got "yesterday" 1×, "2024-05-01" 1× |`,
          '| track | \\<b\\>Bold\\</b\\> \\| \\*x\\* | 1 | 0 | 0 | 0 |  |',
        ].join('\n'),
      ],
    ]);
    expect(button()?.textContent).toBe('Copied');
  });
});
