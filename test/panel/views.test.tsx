import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// CI runs these beside real browsers on two cores: give rendering time.
vi.setConfig({ testTimeout: 20_000 });
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 5000 });
import { PanelContext } from '../../src/panel/store/context';
import { createPanelStore } from '../../src/panel/store/panel-store';
import { App } from '../../src/panel/views/App';
import { captured, fakeBackground } from './fixtures';
import type { TimelineEntry } from '../../src/protocol';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(entries: TimelineEntry[]) {
  const background = fakeBackground();
  const store = createPanelStore({ transport: background.transport, backgroundStrict: false });
  render(
    <PanelContext.Provider value={store}>
      <App />
    </PanelContext.Provider>,
    root,
  );
  background.emit({ kind: 'snapshot', version: 1, tabId: 1, entries, dropped: 0 });
  await waitFor(() => expect(root.querySelectorAll('.row.message').length).toBeGreaterThan(0));
  return { store, background };
}

const rowTexts = () => [...root.querySelectorAll('.row.message .cell.name')].map((cell) => cell.textContent);
const key = (k: string) => document.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

describe('the Track panel', () => {
  it('lists messages with name, outcome and verdict, and explains an error down to the field', async () => {
    await mount([...captured({ event: 'Signed Up', userId: 'u' }), ...captured({ event: 'Bad Time', userId: 'u', timestamp: '2024-05-01' })]);
    expect(rowTexts()).toEqual(['Signed Up', 'Bad Time']);
    const bad = root.querySelectorAll<HTMLElement>('.row.message')[1] as HTMLElement;
    expect(bad.querySelector('.verdict')?.textContent).toBe('1 error');
    bad.click();
    await waitFor(() => expect(root.querySelector('.detail')).not.toBeNull());
    const detail = root.querySelector('.detail') as HTMLElement;
    expect(detail.querySelector('.problems')?.textContent).toContain('/timestamp timestamp must be an ISO 8601 date-time with a time zone, got "2024-05-01"');
    expect(detail.querySelector('.json-tree .has-error')?.textContent).toBe('timestamp: "2024-05-01"');
  });

  it('shows a missing required field where it belongs', async () => {
    await mount(captured({ type: 'group', userId: 'u' }, { callType: 'group' }));
    (root.querySelector('.row.message') as HTMLElement).click();
    await waitFor(() => expect(root.querySelector('.detail')).not.toBeNull());
    expect(root.querySelector('.json-tree .has-error')?.textContent).toBe('groupId: (missing)');
  });

  it('renders hostile property values as text and runs nothing', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await mount(captured({ event: hostile, userId: 'u', properties: { link: 'javascript:window.__pwned=2', html: '<script>window.__pwned=3</script>' } }));
    (root.querySelector('.row.message') as HTMLElement).click();
    await waitFor(() => expect(root.querySelector('.detail')).not.toBeNull());
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('script')).toBeNull();
    expect(root.querySelector('a[href^="javascript"]')).toBeNull();
    expect(rowTexts()).toEqual([hostile]);
    expect(root.querySelector('.json-tree')?.textContent).toContain('"javascript:window.__pwned=2"');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('moves with the keyboard: down/up select, Enter opens, / focuses the filter, Esc clears it', async () => {
    const { store } = await mount([...captured({ event: 'One', userId: 'u' }), ...captured({ event: 'Two', userId: 'u' })]);
    key('ArrowDown');
    key('ArrowDown');
    await waitFor(() => expect(root.querySelector('.row.selected .cell.name')?.textContent).toBe('Two'));
    expect(root.querySelector('.detail')).toBeNull();
    key('Enter');
    await waitFor(() => expect(root.querySelector('.detail h2')?.textContent).toContain('Two'));
    key('/');
    const filter = root.querySelector<HTMLInputElement>('input[type="search"]') as HTMLInputElement;
    expect(document.activeElement).toBe(filter);
    store.filters.text.value = 'one';
    await waitFor(() => expect(rowTexts()).toEqual(['One']));
    filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => expect(rowTexts()).toEqual(['One', 'Two']));
  });

  it('keeps only the visible rows in the DOM with 50,000 messages', async () => {
    const many: TimelineEntry[] = [];
    const [template] = captured({ event: 'Bulk', userId: 'u' });
    for (let i = 0; i < 50_000; i++) many.push({ ...(template as Extract<TimelineEntry, { kind: 'message' }>), seq: i + 1, record: { ...(template as Extract<TimelineEntry, { kind: 'message' }>).record, capturedAt: i } });
    await mount(many);
    expect(root.querySelector('.shown')?.textContent).toBe('50000 messages');
    expect(root.querySelectorAll('.row.message').length).toBeLessThan(100);
  });

  it('shows an unreadable body as a row that says why', async () => {
    const [entry] = captured({ event: 'x' });
    const broken = { ...(entry as Extract<TimelineEntry, { kind: 'message' }>) };
    broken.record = { ...broken.record, payload: null, undecodable: { reason: 'body is not valid JSON (it looks truncated)', preview: '{"event": "cut' }, validation: { valid: false, errors: [{ path: '', message: 'body is not valid JSON (it looks truncated)', keyword: 'decode' }], warnings: [] } };
    await mount([broken]);
    expect(rowTexts()).toEqual(['(unreadable body)']);
    (root.querySelector('.row.message') as HTMLElement).click();
    await waitFor(() => expect(root.querySelector('.detail')).not.toBeNull());
    expect(root.querySelector('.detail .preview')?.textContent).toBe('{"event": "cut');
  });
});
