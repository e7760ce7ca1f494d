/**
 * The Coverage view as a QA pass uses it (issue 18): every rule of the plan with its state, never seen first; the
 * session's growth shown as it happens; a rule that leads to its messages; the CLI's Markdown table copied.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toNdjson } from '../../src/core/ndjson';
import { importSession } from '../../src/panel/store/import-session';
import { messageRowsOf } from '../../src/panel/store/rows';
import { click, copiedBy, copyButton, tabIn, textsIn } from './dom';
import { mountPanel, panelRoot } from './mount';
import { captured, passPublishInterval, USER_MODE } from './fixtures';
import { cliMarkdown, SHOP, sentToShop } from './coverage-fixtures';

const root = panelRoot();
afterEach(() => vi.restoreAllMocks());

const tab = tabIn(root);
const texts = textsIn(root);
const ruleLines = () => [...root.querySelectorAll('.coverage-view tbody tr')].map((tr) => texts('td', tr));
const headline = () => root.querySelector('.coverage-headline strong')?.textContent;
const ruleButton = (text: string) =>
  [...root.querySelectorAll('.coverage-view tbody button')].find((b) => b.textContent === text);
const filter = () => root.querySelector<HTMLInputElement>('.filter-bar input[type="search"]');

async function coverageOf(entries = sentToShop()) {
  const panel = await mountPanel(root, entries, SHOP.summary, SHOP);
  await click(tab('Coverage'));
  return panel;
}

describe('the Coverage view', () => {
  it('lists every rule as a checklist: never seen first, then never valid, sometimes valid, always valid', async () => {
    await coverageOf();
    expect(headline()).toBe('Coverage of "Shop": 3 of 5 rules seen (60%), 6 messages');
    expect(texts('.coverage-view th')).toEqual([
      'State',
      'Type',
      'Event',
      'Seen',
      'Invalid',
      'Most common problem',
      'Planned, never sent',
      'Required, missing',
    ]);
    expect(ruleLines()).toEqual([
      ['never seen', 'track', 'Trial Started', '0', '0', '', '', ''],
      ['never seen', 'page', '', '0', '0', '', 'path', ''],
      [
        'never valid',
        'track',
        'Bad Timestamp',
        '1',
        '1',
        'timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
        '',
        '',
      ],
      [
        'sometimes valid',
        'track',
        'Order Completed',
        '2',
        '1',
        'properties.total is required',
        'currency, coupon',
        'total',
      ],
      ['always valid', 'identify', '', '1', '0', '', 'plan, name', ''],
    ]);
    // Each state its own badge (panel.css colours them from the theme's variables).
    expect([...root.querySelectorAll('.coverage-view tbody .coverage-state')].map((badge) => badge.className)).toEqual([
      'coverage-state never-seen',
      'coverage-state never-seen',
      'coverage-state never-valid',
      'coverage-state sometimes-valid',
      'coverage-state always-valid',
    ]);
    expect(root.querySelector('.coverage-unplanned')?.textContent).toBe(
      'Unplanned events (not in the plan): Signed up 2×',
    );
    // The detail pane belongs to the timeline.
    expect(root.querySelector('.detail')).toBeNull();
  });

  it('follows the session as calls arrive, and an HTTP outcome arriving later counts nothing twice', async () => {
    const { background } = await coverageOf();
    const [pending] = captured({ event: 'Trial Started', userId: 'u' }, { mode: SHOP, status: null });
    await act(() => {
      background.emit({ kind: 'added', entries: pending ? [pending] : [], dropped: 0 });
      passPublishInterval();
    });
    expect(headline()).toBe('Coverage of "Shop": 4 of 5 rules seen (80%), 7 messages');
    expect(ruleLines()[0]).toEqual(['never seen', 'page', '', '0', '0', '', 'path', '']);
    // Within a state, the plan's order: Trial Started comes before the identify rule in the file.
    expect(ruleLines().slice(-2)).toEqual([
      ['always valid', 'track', 'Trial Started', '1', '0', '', '', ''],
      ['always valid', 'identify', '', '1', '0', '', 'plan, name', ''],
    ]);

    const request = { ...pending!.record.request, outcome: 'status', status: 200 } as const;
    await act(() => {
      background.emit({ kind: 'updated', updates: [{ seq: pending!.seq, request }] });
      passPublishInterval();
    });
    expect(headline()).toBe('Coverage of "Shop": 4 of 5 rules seen (80%), 7 messages');
    expect(ruleLines().at(-2)?.slice(2, 4)).toEqual(['Trial Started', '1']);
  });

  it('a click on a rule (or Enter on its name) shows its messages in the timeline, the filter saying so', async () => {
    await coverageOf();
    // The keys are the page's here: Enter on a rule's button is the button's own click, not "open the details".
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
    await act(() => void ruleButton('Order Completed')?.dispatchEvent(enter));
    expect(enter.defaultPrevented).toBe(false);

    await click(ruleButton('Order Completed'));
    expect(tab('Timeline')?.getAttribute('aria-selected')).toBe('true');
    expect(filter()?.value).toBe('type:track name:"Order Completed"');
    expect(texts('.row.message .cell.name')).toEqual(['Order Completed', 'Order Completed']);

    await click(tab('Coverage'));
    // A checklist loses no rule to the filter: the view counts the whole session, and says so.
    expect(headline()).toBe('Coverage of "Shop": 3 of 5 rules seen (60%), 6 messages');
    expect(root.querySelector('.coverage-headline')?.textContent).toContain('whatever the filter');
    await click(ruleButton('identify'));
    expect(filter()?.value).toBe('type:identify');
    expect(texts('.row.message .cell.type')).toEqual(['identify']);

    await click(tab('Coverage'));
    await click(root.querySelector('.coverage-unplanned button'));
    expect(filter()?.value).toBe('type:track name:"Signed up"');
    expect(root.querySelector('.filter-bar .shown')?.textContent).toBe('2 of 6 messages');
  });

  it('copies the table the CLI prints for the same messages (coverage --markdown on the exported NDJSON)', async () => {
    const { store } = await coverageOf();
    const exported = join(mkdtempSync(join(tmpdir(), 'coverage-view-')), 'capture.ndjson');
    writeFileSync(exported, toNdjson(messageRowsOf(store.rows.value).map((row) => row.record)));
    const expected = await cliMarkdown(exported);
    expect(expected).toContain('| never-seen | track | Trial Started | 0 | 0 |  |  |  |');

    const copy = () => copyButton(root.querySelectorAll('.coverage-view button'));
    expect(await copiedBy(copy())).toEqual([[expected]]);
    expect(copy()?.textContent).toBe('Copied');
  });

  it('without a plan, says to load one, with the way to the options', async () => {
    await mountPanel(root, sentToShop(USER_MODE));
    await click(tab('Coverage'));
    expect(root.querySelector('.coverage-view')).toBeNull();
    expect(root.querySelector('.main .empty')?.textContent).toBe('Load a tracking plan to see coverage: Options');
    expect(root.querySelector('.main .empty a')?.getAttribute('href')).toBe('../options/options.html');
  });

  it('covers an imported session against the plan, and the live tab again once back to it', async () => {
    const { store } = await coverageOf();
    const text = [
      JSON.stringify({ type: 'track', event: 'Trial Started', userId: 'u' }),
      JSON.stringify({ type: 'page', name: 'Home', userId: 'u', properties: { path: '/' } }),
    ].join('\n');
    await act(() => {
      store.openImported(importSession('qa.ndjson', text, false, SHOP));
      passPublishInterval();
    });
    expect(headline()).toBe('Coverage of "Shop": 2 of 5 rules seen (40%), 2 messages');
    expect(ruleLines().map(([state, type, event]) => `${state} ${type} ${event}`)).toEqual([
      'never seen track Order Completed',
      'never seen track Bad Timestamp',
      'never seen identify ',
      'always valid track Trial Started',
      'always valid page ',
    ]);

    await act(() => store.backToLive());
    expect(headline()).toBe('Coverage of "Shop": 3 of 5 rules seen (60%), 6 messages');
  });
});
