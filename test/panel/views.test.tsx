import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ROW_HEIGHT } from '../../src/panel/views/timeline-places';
import type { TimelineEntry } from '../../src/core/capture/timeline-entry';
import { importSession } from '../../src/panel/store/import-session';
import { timelineRowsIn } from './dom';
import { mountPanel, panelRoot } from './mount';
import { captured, capturedOne, navigation, passPublishInterval, USER_MODE, type MessageEntry } from './fixtures';

// CI runs these beside real browsers on two cores: give the 50,000-row rendering time.
vi.setConfig({ testTimeout: 20_000 });

const root = panelRoot();

const mount = (entries: TimelineEntry[]) => mountPanel(root, entries);

const timelineRows = timelineRowsIn(root);
const rowTexts = () => timelineRows('.row.message').map((row) => row.querySelector('.cell.name')?.textContent);
const key = (k: string) =>
  act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
const click = (element: Element | null) => act(() => (element as HTMLElement).click());

describe('the Track panel', () => {
  it('lists messages with name, outcome and verdict, and explains an error down to the field', async () => {
    await mount([
      ...captured({ event: 'Signed Up', userId: 'u' }),
      ...captured({ event: 'Bad Time', userId: 'u', timestamp: '2024-05-01' }),
    ]);
    expect(rowTexts()).toEqual(['Signed Up', 'Bad Time']);
    const bad = root.querySelectorAll('.row.message')[1] ?? null;
    // The error, and the warning that the timestamp is years before the capture.
    expect(bad?.querySelector('.verdict')?.textContent).toBe('1 error · 1 warning');
    await click(bad);
    const detail = root.querySelector('.detail');
    expect(detail).not.toBeNull();
    expect(detail?.querySelector('.problems')?.textContent).toContain(
      '/timestamp timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"',
    );
    expect(detail?.querySelector('.json-tree .has-error')?.textContent).toBe('timestamp: "2024-05-01"');
  });

  it('shows the errors and the warnings of a row that has both, as the chips count them', async () => {
    // Each timestamp is years before the capture: a clock skew warning each. A date with no time is an error.
    await mount([
      ...captured({ event: 'Bad And Late', userId: 'u', timestamp: '2024-05-01' }),
      ...captured({ event: 'Only Late', userId: 'u', timestamp: '2024-05-01T10:00:00Z' }),
      ...captured({ event: 'Two Bad', userId: 7, properties: [], timestamp: '2024-05-01' }),
    ]);
    const verdicts = [...root.querySelectorAll('.row.message .verdict')].map((cell) => cell.textContent);
    expect(verdicts).toEqual(['1 error · 1 warning', '1 warning', '3 errors · 1 warning']);
    expect(root.querySelector('.chip.warning')?.textContent).toBe('Warnings 3');
    expect(root.querySelector('.chip.invalid')?.textContent).toBe('Invalid only 2');
    const first = root.querySelector('.row.message');
    expect(first?.classList.contains('invalid')).toBe(true);
    await click(first);
    expect(root.querySelector('.detail .badge')?.textContent).toBe('1 error · 1 warning');
    expect([...root.querySelectorAll('.detail .problems li')].map((li) => li.className)).toEqual(['error', 'warning']);
  });

  it("takes an anonymous visitor's null or empty userId for no identity: valid, a note in the details, no warning", async () => {
    const { store } = await mount([
      // The official June SDK's anonymous call, and RudderStack's.
      ...captured({ event: 'June Anonymous', userId: null, anonymousId: 'anon-june' }),
      ...captured({ event: 'Rudder Anonymous', userId: '', anonymousId: 'anon-rudder' }),
    ]);
    const rows = () => [...root.querySelectorAll('.row.message')];
    const verdicts = () => rows().map((row) => row.querySelector('.verdict')?.textContent);
    expect(verdicts()).toEqual(['valid', 'valid']);
    expect(rows().map((row) => row.querySelector('.identity')?.textContent)).toEqual(['anon-june', 'anon-rudder']);
    expect(root.querySelector('.chip.warning')?.textContent).toBe('Warnings 0');

    await click(rows()[1] ?? null);
    expect(root.querySelector('.detail .badge')?.textContent).toBe('valid');
    expect([...root.querySelectorAll('.detail h3')].map((h3) => h3.firstChild?.textContent)).toEqual([
      'Notes',
      'Payload as sent',
      'Request',
    ]);
    expect(root.querySelector('.detail .notes')?.textContent).toBe(
      '/userId userId is an empty string; treated as absent (RudderStack sends "" for anonymous visitors). ' +
        'Strict mode accepts it: the schema allows an empty string.',
    );

    await act(() => void (store.strict.value = true));
    expect(verdicts()).toEqual(['1 error', 'valid']);
    expect(root.querySelector('.detail .notes')).toBeNull();
  });

  it("starts each message's details afresh: no 'Copied', no outline of a field clicked in another", async () => {
    await mount([
      ...captured({ event: 'First', userId: 'u', timestamp: 'yesterday' }),
      ...captured({ event: 'Second', userId: 'u', timestamp: 'today' }),
    ]);
    const [first, second] = root.querySelectorAll('.row.message');
    const copyJson = () => [...root.querySelectorAll('.detail button')].find((b) => /Cop/.test(b.textContent ?? ''));
    await click(first ?? null);
    // happy-dom's clipboard waits for a permission no one grants: the spy stands in for the system clipboard.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await act(async () => {
      (copyJson() as HTMLElement).click();
      await writeText.mock.results[0]?.value; // the copy's own promise, then its "Copied"
    });
    writeText.mockRestore();
    expect(copyJson()?.textContent).toBe('Copied');
    await click(root.querySelector('.detail .problems button.link'));
    expect(root.querySelector('.detail .revealed')?.textContent).toBe('timestamp: "yesterday"');
    await click(second ?? null);
    expect(root.querySelector('.detail h2')?.textContent).toContain('Second');
    expect(copyJson()?.textContent).toBe('Copy as JSON');
    expect(root.querySelector('.detail .revealed')).toBeNull();
  });

  it("copies a field's path as the filter reads it, or its value, and filters by the value (issue 21, item 10)", async () => {
    await mount([
      ...captured({
        event: 'Order Completed',
        userId: 'u',
        properties: { 'plan name': 'Pro', items: [{ sku: 'A-1' }] },
      }),
      ...captured({
        event: 'Order Completed',
        userId: 'v',
        properties: { 'plan name': 'Free', items: [{ sku: 'B-2' }] },
      }),
    ]);
    await click(root.querySelector('.row.message'));
    const line = (text: string) =>
      [...root.querySelectorAll('.json-tree .line')].find((l) => l.textContent === text) ?? null;
    const action = (text: string, label: string) =>
      line(text)?.querySelector<HTMLButtonElement>(`.field-action[data-label="${label}"]`) ?? null;
    await click(line('▸items: [1]')); // deeper than two levels starts closed
    await click(line('▸0: {1}'));
    // The buttons are drawn by CSS: the line's text is the field as sent, nothing more.
    expect(line('sku: "A-1"')).not.toBeNull();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    await act(async () => {
      action('sku: "A-1"', 'path')!.click();
      await writeText.mock.results[0]?.value;
    });
    expect(writeText).toHaveBeenLastCalledWith('properties.items[0].sku');
    expect(action('sku: "A-1"', 'copied')?.title).toBe('Copy path properties.items[0].sku');
    await act(async () => {
      action('plan name: "Pro"', 'value')!.click();
      await writeText.mock.results[1]?.value;
    });
    expect(writeText).toHaveBeenLastCalledWith('Pro');
    writeText.mockRestore();
    expect(action('sku: "A-1"', 'path')).not.toBeNull(); // "copied" moved to the last copy
    await click(action('plan name: "Pro"', 'filter'));
    expect(root.querySelector<HTMLInputElement>('.filter-bar input[type="search"]')?.value).toBe(
      'properties["plan name"]:"Pro"',
    );
    expect(root.querySelectorAll('.row.message')).toHaveLength(1);
    expect(line('userId: "u"')).not.toBeNull(); // the row stays selected: it holds the value
  });

  it('marks a privacy finding as such in the detail pane, its value masked (issue 19)', async () => {
    await mount(captured({ event: 'Order Completed', userId: 'u', properties: { card_number: '4111111111111111' } }));
    await click(root.querySelector('.row.message'));
    const finding = [...root.querySelectorAll('.detail .problems li')].find((li) => li.textContent?.includes('card'));
    expect(finding?.querySelector('.source')?.textContent).toBe('privacy');
    expect(finding?.textContent).toContain('•••• 1111');
    expect(root.querySelector('.detail .problems')?.textContent).not.toContain('4111111111111111');
  });

  it('says why the timeline is empty: nothing came yet (navigations aside), or the import held nothing', async () => {
    const { store } = await mount([navigation('https://shop.example/')]);
    const hint = () => root.querySelector('.timeline .empty')?.textContent;
    expect(root.querySelectorAll('.row.navigation')).toHaveLength(1);
    expect(hint()).toBe(
      'No tracking calls yet. Calls to June and Segment-compatible endpoints from this tab appear here.',
    );
    await act(() => {
      store.openImported(importSession('empty.ndjson', '', false, USER_MODE));
      passPublishInterval();
    });
    expect(hint()).toBe('This file holds no tracking messages.');
  });

  it('imported bare payloads have no outcome nor sender, and rows of another day show their date (issue 21, item 8)', async () => {
    const { store } = await mount([]);
    const ndjson = [
      '{"type":"track","event":"Bare","userId":"u","timestamp":"2024-05-01T10:00:00Z"}',
      JSON.stringify({
        capturedAt: '2024-05-01T10:00:00.000Z',
        tabId: 3,
        pageUrl: 'https://shop.example/',
        request: {
          url: 'https://proxy.example.com/collect/v1/t',
          method: 'POST',
          outcome: 'status',
          status: 200,
          error: null,
        },
        sender: 'custom',
        type: 'track',
        payload: { type: 'track', event: 'Proxied', userId: 'u', timestamp: '2024-05-01T10:00:00Z' },
      }),
    ].join('\n');
    await act(() => {
      store.openImported(importSession('old.ndjson', ndjson, false, USER_MODE));
      passPublishInterval();
    });
    const cells = (name: string) =>
      [...root.querySelectorAll('.row.message')]
        .filter((row) => row.querySelector('.cell.name')?.textContent === name)
        .map((row) => ['time', 'sender', 'outcome'].map((cell) => row.querySelector(`.cell.${cell}`)))
        .flat()
        .map((cell) => [cell?.textContent, cell?.getAttribute('title')]);
    const proxiedAt = new Date('2024-05-01T10:00:00.000Z');
    const local = (n: number) => String(n).padStart(2, '0');
    const time = `${local(proxiedAt.getHours())}:${local(proxiedAt.getMinutes())}:00`;
    const day = `${local(proxiedAt.getMonth() + 1)}-${local(proxiedAt.getDate())}`;
    expect(cells('Proxied')).toEqual([
      [`${day} ${time}`, `2024-${day} ${time}.000`],
      ['custom', 'a host you added (options page, extra hosts)'],
      ['200', 'HTTP 200'],
    ]);
    const [, sender, outcome] = cells('Bare');
    expect([sender, outcome]).toEqual([
      ['—', 'no request: imported as a bare payload'],
      ['—', 'no request: imported as a bare payload'],
    ]);
  });

  it('shows a missing required field where it belongs', async () => {
    await mount(captured({ type: 'group', userId: 'u' }, { callType: 'group' }));
    await click(root.querySelector('.row.message'));
    expect(root.querySelector('.detail')).not.toBeNull();
    expect(root.querySelector('.json-tree .has-error')?.textContent).toBe('groupId: (missing)');
  });

  it('renders hostile property values as text and runs nothing', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await mount(
      captured({
        event: hostile,
        userId: 'u',
        properties: { link: 'javascript:window.__pwned=2', html: '<script>window.__pwned=3</script>' },
      }),
    );
    await click(root.querySelector('.row.message'));
    expect(root.querySelector('.detail')).not.toBeNull();
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(rowTexts()).toEqual([hostile]);
    expect(root.querySelector('.json-tree')?.textContent).toContain('"javascript:window.__pwned=2"');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('says which lines, or which messages of a JSON document, an imported file could not give', async () => {
    const { store } = await mount([]);
    const open = (name: string, text: string) =>
      act(() => {
        store.openImported(importSession(name, text, false, USER_MODE));
        passPublishInterval();
      });
    const summary = () => root.querySelector('.import-banner summary')?.textContent;
    await open('capture.ndjson', ['{"event":"A","userId":"u"}', 'not json'].join('\n'));
    expect(summary()).toBe('1 line could not be read (the rest were imported)');
    await open('messages.json', JSON.stringify([{ event: 'A', userId: 'u' }, 1, 2], null, 2));
    expect(summary()).toBe('2 messages could not be read (the rest were imported)');
  });

  it('keeps the keys it handles from DevTools, and takes shortcuts after a click on a checkbox', async () => {
    // DevTools' extension API listens on the panel's document and forwards Esc to DevTools.
    const reachedDevtools: string[] = [];
    const forward = (event: KeyboardEvent) => reachedDevtools.push(event.key);
    document.addEventListener('keydown', forward);
    try {
      const { store } = await mount([
        ...captured({ event: 'One', userId: 'u' }),
        ...captured({ event: 'Two', userId: 'u' }),
      ]);
      const strict = root.querySelector<HTMLInputElement>('.toolbar input[type="checkbox"]');
      await click(strict);
      const press = (k: string) =>
        act(() => void strict?.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
      await press('ArrowDown');
      await press('Enter');
      expect(root.querySelector('.detail h2')?.textContent).toContain('One');
      await press('Escape');
      expect(store.detailOpen.value).toBe(false);
      await press('Escape'); // nothing open: not the panel's key, DevTools may have it
      expect(reachedDevtools).toEqual(['Escape']);
    } finally {
      document.removeEventListener('keydown', forward);
    }
  });

  it('moves with the keyboard: down/up select, Enter opens, / focuses the filter, Esc clears it', async () => {
    const { store } = await mount([
      ...captured({ event: 'One', userId: 'u' }),
      ...captured({ event: 'Two', userId: 'u' }),
    ]);
    await key('ArrowDown');
    await key('ArrowDown');
    expect(root.querySelector('.row.selected .cell.name')?.textContent).toBe('Two');
    expect(root.querySelector('.detail')).toBeNull();
    await key('Enter');
    expect(root.querySelector('.detail h2')?.textContent).toContain('Two');
    await key('/');
    const filter = root.querySelector<HTMLInputElement>('input[type="search"]');
    expect(document.activeElement).toBe(filter);
    await act(() => {
      store.filters.text.value = 'one';
    });
    expect(rowTexts()).toEqual(['One']);
    await act(() => void filter?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(rowTexts()).toEqual(['One', 'Two']);
  });

  it('keeps only the visible rows in the DOM with 50,000 messages', async () => {
    const many: MessageEntry[] = [];
    const template = capturedOne({ event: 'Bulk', userId: 'u' });
    for (let i = 0; i < 50_000; i++)
      many.push({ ...template, seq: i + 1, record: { ...template.record, capturedAt: i } });
    await mount(many);
    expect(root.querySelector('.shown')?.textContent).toBe('50000 messages');
    expect(root.querySelectorAll('.row.message').length).toBeLessThan(100);
  });

  it('shows each row its own name, status and selection while new rows slide the window', async () => {
    const names = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `Event ${from + i}`);
    const { background } = await mount(names(1, 60).map((event) => capturedOne({ event, userId: 'u' })));
    const shown = rowTexts();
    expect(shown.at(-1)).toBe('Event 60'); // following the newest
    const rowOf = (name: string) =>
      [...root.querySelectorAll('.row.message')].find((row) => row.querySelector('.cell.name')?.textContent === name) ??
      null;

    await click(
      [...root.querySelectorAll('.row.message')].find((row) => row.textContent?.includes('Event 55')) ?? null,
    );
    const stayed = rowOf('Event 40');
    expect(stayed).not.toBeNull();
    await act(() => {
      const failed = capturedOne({ event: 'Event 61', userId: 'u' }, { status: 500 });
      background.emit({
        kind: 'added',
        entries: [failed, ...names(62, 66).map((event) => capturedOne({ event, userId: 'u' }))],
        dropped: 0,
      });
      passPublishInterval();
    });
    // A row still in view kept its place (rendered, laid out and painted once): only the six new rows took places.
    expect(rowOf('Event 40')).toBe(stayed);
    // The window moved by six rows: every row shows the message now in its place, nothing left over from the last
    // render.
    expect(rowTexts()).toEqual([...shown.slice(6), ...names(61, 66)]);
    expect([...root.querySelectorAll('.row.selected .cell.name')].map((cell) => cell.textContent)).toEqual([
      'Event 55',
    ]);
    expect(rowOf('Event 61')?.querySelector('.cell.outcome')?.textContent).toBe('500');
    expect(rowOf('Event 62')?.querySelector('.cell.outcome')?.textContent).toBe('200');
    await click(rowOf('Event 64'));
    expect(root.querySelector('.detail h2')?.textContent).toContain('Event 64');
  });

  it('lays rows out at the height the virtual scrolling computes with', async () => {
    await mount(captured({ event: 'Sized', userId: 'u' }));
    const timeline = root.querySelector<HTMLElement>('.timeline');
    expect(timeline?.style.getPropertyValue('--row-height')).toBe(`${ROW_HEIGHT}px`);
  });

  it('shows an unreadable body as a row that says why', async () => {
    const entry = capturedOne({ event: 'x' });
    const reason = 'body is not valid JSON (it looks truncated)';
    const broken: MessageEntry = {
      ...entry,
      record: {
        ...entry.record,
        payload: null,
        undecodable: { reason, preview: '{"event": "cut' },
        validation: { valid: false, errors: [{ path: '', message: reason, keyword: 'decode' }], warnings: [] },
      },
    };
    await mount([broken]);
    expect(rowTexts()).toEqual(['(unreadable body)']);
    await click(root.querySelector('.row.message'));
    expect(root.querySelector('.detail')).not.toBeNull();
    expect(root.querySelector('.detail .preview')?.textContent).toBe('{"event": "cut');
  });
});
