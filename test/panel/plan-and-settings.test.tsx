/**
 * The settings that change verdicts travel with the timeline: a panel left open while the user
 * changes Strict mode or loads a tracking plan shows rows, toggle and plan that agree. And the
 * panel's plan features: plan errors with their source, the Unplanned chip, plan violations in the
 * summary, imports checked against the plan, and Draft tracking plan.
 */
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPlan } from '../../src/core/plan/load/load-plan';
import { importSession } from '../../src/panel/store/import-session';
import type { PanelStore } from '../../src/panel/store/panel-store';
import { messageRowsOf } from '../../src/panel/store/rows';
import type { TimelineEntry } from '../../src/core/capture/timeline-entry';
import { DEFAULT_SETTINGS } from '../../src/shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../../src/shared/settings/validation-mode';
import { mountPanel, panelRoot } from './mount';
import { captured, connectedPanel, passPublishInterval, SHOP_PLAN, snapshot, USER_MODE } from './fixtures';

const STRICT = validationModeOf({ ...DEFAULT_SETTINGS, strict: true }, null);
const WITH_PLAN = validationModeOf(DEFAULT_SETTINGS, SHOP_PLAN);

/** What a page sent: an anonymous order without order_id, a misspelt Signed Up, a good order. */
function sent(mode: ValidationMode): TimelineEntry[] {
  return [
    ...captured({ event: 'Order Completed', userId: null, anonymousId: 'a', properties: { total: 3 } }, { mode }),
    ...captured({ event: 'Signed up', userId: 'u' }, { mode }),
    ...captured({ event: 'Order Completed', userId: 'u', properties: { order_id: 'o1' } }, { mode }),
  ];
}

/** The snapshot the background sends of what the page sent, validated in `mode` and saying so. */
const sentIn = (mode: ValidationMode) => snapshot(sent(mode), mode.summary);

const problems = (store: PanelStore) =>
  messageRowsOf(store.rows.value).map(({ record }) => [
    ...record.validation.errors.map((e) => `error ${e.source ?? 'schema'} ${e.path}: ${e.message}`),
    ...record.validation.warnings.map((w) => `warning ${w.source ?? 'schema'} ${w.path}: ${w.message}`),
    ...(record.validation.notes ?? []).map((n) => `note ${n.source ?? 'schema'} ${n.path}: ${n.message}`),
  ]);

describe('settings travel with the snapshot', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('Strict mode changed in the options with the panel open: rows and the toggle follow it, both ways', () => {
    const { background, store } = connectedPanel();
    background.emit(sentIn(USER_MODE));
    passPublishInterval();
    expect(store.strict.value).toBe(false);
    expect(problems(store)[0]).toEqual([
      'note schema /userId: userId is null; treated as absent (the June SDK sends null for anonymous visitors). Strict mode reports it as an error.',
    ]);

    // The background re-validated every record strictly and sent them again, saying so.
    background.emit(sentIn(STRICT));
    // At once: rows not yet published are shown re-validated in the toggle's mode.
    expect(store.strict.value).toBe(true);
    expect(problems(store)[0]).toEqual(['error schema /userId: userId must be a string, got null']);
    passPublishInterval();
    expect(store.strict.value).toBe(true);
    expect(problems(store)[0]).toEqual(['error schema /userId: userId must be a string, got null']);

    background.emit(sentIn(USER_MODE));
    passPublishInterval();
    expect(store.strict.value).toBe(false);
    expect(problems(store)[0]?.[0]).toMatch(/^note schema \/userId/);
  });

  it('a reconnect snapshot in the same mode keeps the toggle where the user put it', () => {
    const { background, store } = connectedPanel();
    background.emit(sentIn(USER_MODE));
    passPublishInterval();
    store.strict.value = true;
    background.emit(sentIn(USER_MODE));
    passPublishInterval();
    expect(store.strict.value).toBe(true);
    expect(problems(store)[0]).toEqual(['error schema /userId: userId must be a string, got null']);
  });

  it('a plan loaded with the panel open: plan errors with their source, the plan named, unplanned events counted and filtered', () => {
    const { background, store } = connectedPanel();
    background.emit(sentIn(USER_MODE));
    passPublishInterval();
    expect(store.validation.value.plan).toBeNull();
    expect(store.counts.value.unplanned).toBe(0);

    background.emit(sentIn(WITH_PLAN));
    passPublishInterval();
    expect(store.validation.value.plan).toMatchObject({
      name: 'Shop plan',
      fileName: 'shop.plan.json',
      counts: { track: 2, identify: 0, group: 0, page: 0, common: 0 },
    });
    expect(problems(store)).toEqual([
      [
        'error plan /properties/order_id: properties.order_id is required',
        'note schema /userId: userId is null; treated as absent (the June SDK sends null for anonymous visitors). Strict mode reports it as an error.',
      ],
      ['warning plan /event: "Signed up" is not in the tracking plan "Shop plan"; did you mean "Signed Up"?'],
      [],
    ]);
    expect(store.counts.value.unplanned).toBe(1);
    store.filters.unplannedOnly.value = true;
    expect(messageRowsOf(store.rows.value).map((row) => (row.record.payload as { event: string }).event)).toEqual([
      'Signed up',
    ]);
    store.filters.unplannedOnly.value = false;
    expect(
      store.summary.value.map(({ name, count, invalid, planViolations }) => ({ name, count, invalid, planViolations })),
    ).toEqual([
      { name: 'Order Completed', count: 2, invalid: 1, planViolations: 1 },
      { name: 'Signed up', count: 1, invalid: 0, planViolations: 0 },
    ]);
  });

  it('an imported file is checked against the plan, and again when the user removes it', () => {
    const { store } = connectedPanel(WITH_PLAN);
    const text = sent(USER_MODE)
      .map((entry) => (entry.kind === 'message' ? JSON.stringify(entry.record.payload) : ''))
      .join('\n');
    store.openImported(importSession('capture.ndjson', text, false, WITH_PLAN));
    passPublishInterval();
    expect(store.validation.value.plan?.name).toBe('Shop plan');
    expect(problems(store).map((lines) => lines.filter((line) => line.includes(' plan ')).length)).toEqual([1, 1, 0]);

    store.userSettingsChanged({ mode: USER_MODE, hosts: [] });
    passPublishInterval();
    expect(store.validation.value.plan).toBeNull();
    expect(
      problems(store)
        .flat()
        .filter((line) => line.includes(' plan ')),
    ).toEqual([]);
  });
});

describe('the panel with a plan', () => {
  const root = panelRoot();
  afterEach(() => vi.restoreAllMocks());

  const mount = async (mode: ValidationMode) => (await mountPanel(root, sent(mode), mode.summary)).store;
  const click = (element: Element | null | undefined) => act(() => (element as HTMLElement).click());
  const button = (text: string) =>
    [...root.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(text));

  it('without a plan: says so, links to the options, and shows no Unplanned chip', async () => {
    await mount(USER_MODE);
    expect(root.querySelector('.plan-status')?.textContent).toBe('No plan · Options');
    expect(root.querySelector('.plan-status a')?.getAttribute('href')).toBe('../options/options.html');
    expect(root.querySelector('.chip.unplanned')).toBeNull();
  });

  it("names the plan, marks the plan's errors in the detail pane, filters unplanned events and counts plan violations in the summary", async () => {
    await mount(WITH_PLAN);
    expect(root.querySelector('.plan-status')?.textContent).toBe('Plan: Shop plan');
    expect(root.querySelector('.plan-status')?.getAttribute('title')).toBe(
      'shop.plan.json: 2 track events. Unplanned events are warnings.',
    );

    await click(root.querySelector('.row.message'));
    const items = [...root.querySelectorAll('.detail .problems li')].map((li) => li.textContent);
    expect(items[0]).toBe('/properties/order_id properties.order_id is requiredplan');
    expect(root.querySelector('.detail .problems li .source')?.textContent).toBe('plan');
    expect(root.querySelector('.json-tree .has-error')?.textContent).toBe('order_id: (missing)');

    await click(root.querySelector('.chip.unplanned'));
    expect([...root.querySelectorAll('.row.message .cell.name')].map((cell) => cell.firstChild?.textContent)).toEqual([
      'Signed up',
    ]);
    await click(root.querySelector('.chip.unplanned'));

    await click([...root.querySelectorAll('[role="tab"]')].find((tab) => tab.textContent === 'Summary'));
    const headers = [...root.querySelectorAll('.summary-view th')].map((th) => th.textContent);
    expect(headers).toContain('Plan violations');
    const orderRow = [...root.querySelectorAll('.summary-view tbody tr')].find((tr) =>
      tr.textContent?.includes('Order Completed'),
    );
    const cells = [...(orderRow?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
    expect(Object.fromEntries(headers.map((header, i) => [header, cells[i]]))).toMatchObject({
      Name: 'Order Completed',
      Count: '2',
      Invalid: '1',
      'Plan violations': '1',
    });
  });

  it('Draft tracking plan downloads a plan drafted from the messages shown, which loads back as a plan', async () => {
    await mount(USER_MODE);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:draft'));
    let downloaded = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    await click(button('Draft tracking plan'));
    expect(downloaded).toMatch(/^tracking-plan-app\.example\.com-\d{8}-\d{6}\.json$/);
    const text = await (blobs[0] as Blob).text();
    const loaded = loadPlan(text, downloaded);
    expect(loaded.ok && [...loaded.plan.track.keys()]).toEqual(['Order Completed', 'Signed up']);
  });
});
