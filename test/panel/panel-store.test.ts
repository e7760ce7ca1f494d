import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordsToExport } from '../../src/panel/store/export-selection';
import { importSession } from '../../src/panel/store/import-session';
import type { PanelStore } from '../../src/panel/store/panel-store';
import { messageRowsOf } from '../../src/panel/store/rows';
import {
  captured,
  capturedOne,
  connectedPanel,
  navigation,
  passPublishInterval,
  snapshot,
  T0,
  USER_MODE,
} from './fixtures';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const names = (store: PanelStore) =>
  store.rows.value.map((row) =>
    row.kind === 'message'
      ? ((row.record.payload as { event?: string; name?: string })?.event ?? row.record.type)
      : `→ ${row.url}`,
  );

/** Opens a file as the panel's Import button does. */
function importText(store: PanelStore, name: string, text: string) {
  const session = importSession(name, text, store.strict.value, USER_MODE);
  store.openImported(session);
  return session;
}

describe('panel store: the live session', () => {
  it('shows the backfill, then live additions in time order, then status updates', () => {
    const { background, store } = connectedPanel();
    const a = capturedOne({ event: 'A', userId: 'u' }, { at: T0 + 100, status: null });
    const c = capturedOne({ event: 'C', userId: 'u' }, { at: T0 + 300 });
    const b = capturedOne({ event: 'B', userId: 'u' }, { at: T0 + 200 });
    background.emit(snapshot([a]));
    background.emit({ kind: 'added', entries: [c], dropped: 0 });
    background.emit({ kind: 'added', entries: [b], dropped: 4 }); // handled late, sent earlier
    background.emit({
      kind: 'updated',
      updates: [{ seq: a.seq, request: { ...a.record.request, outcome: 'status', status: 202 } }],
    });
    passPublishInterval();
    expect(names(store)).toEqual(['A', 'B', 'C']);
    const first = store.rows.value[0];
    expect(first?.kind === 'message' && first.record.request.status).toBe(202);
    expect(store.dropped.value).toBe(4);
  });

  it('a new snapshot (after the worker restarted) replaces, never doubles', () => {
    const { background, store } = connectedPanel();
    const entries = [...captured({ event: 'A', userId: 'u' }), ...captured({ event: 'B', userId: 'u' })];
    background.emit(snapshot(entries));
    background.emit(snapshot(entries.slice(0, 1)));
    background.emit({ kind: 'snapshot-continued', entries: entries.slice(1) });
    passPublishInterval();
    expect(names(store)).toEqual(['A', 'B']);
  });

  it('Preserve log off: a navigation clears the view; on: keeps it, with the marker', () => {
    const { background, store } = connectedPanel();
    background.emit(snapshot([navigation('https://app.example.com/'), ...captured({ event: 'Before', userId: 'u' })]));
    passPublishInterval();
    expect(names(store)).toEqual(['→ https://app.example.com/', 'Before']); // backfill shows everything
    background.emit({
      kind: 'added',
      entries: [navigation('https://app.example.com/next'), ...captured({ event: 'After', userId: 'u' })],
      dropped: 0,
    });
    passPublishInterval();
    expect(names(store)).toEqual(['→ https://app.example.com/next', 'After']);
    store.preserveLog.value = true;
    background.emit({
      kind: 'added',
      entries: [navigation('https://app.example.com/third'), ...captured({ event: 'Third', userId: 'u' })],
      dropped: 0,
    });
    passPublishInterval();
    expect(names(store)).toEqual([
      '→ https://app.example.com/next',
      'After',
      '→ https://app.example.com/third',
      'Third',
    ]);
  });

  it('Clear asks the background to clear the tab', () => {
    const { background, store } = connectedPanel();
    const clicked = Date.now();
    store.clear();
    // The click's time goes with it: the background keeps a call sent after the click, whenever it hears of it.
    expect(background.sent).toEqual([{ kind: 'clear', before: clicked }]);
  });

  it('Strict mode re-validates what is shown', () => {
    const { background, store } = connectedPanel();
    background.emit(snapshot(captured({ event: 'Anon', userId: null, anonymousId: 'a' })));
    passPublishInterval();
    const validation = () => messageRowsOf(store.rows.value)[0]?.record.validation;
    expect(validation()?.valid).toBe(true);
    store.strict.value = true;
    expect(validation()?.errors.map((e) => e.message)).toEqual(['userId must be a string, got null']);
    store.strict.value = false;
    expect(validation()?.valid).toBe(true);
  });
});

describe('panel store: filters, counts, summary', () => {
  /**
   * Three orders (two with a bad timestamp), an identify, an anonymous track (a note, not a warning), and a track
   * timestamped years before it was captured (a warning).
   */
  function withOrders() {
    const panel = connectedPanel();
    panel.background.emit(
      snapshot([
        ...captured({ event: 'Order Completed', userId: 'u', properties: { sku: 'shoe-42' } }),
        ...captured({ event: 'Order Completed', userId: 'u', timestamp: 'yesterday' }),
        ...captured({ event: 'Order Completed', userId: 'u', timestamp: 'today' }),
        ...captured({ type: 'identify', userId: 'u', traits: {} }, { callType: 'identify' }),
        ...captured({ event: 'Anon', userId: null, anonymousId: 'a' }),
        ...captured({ event: 'Late', userId: 'u', timestamp: '2020-01-01T00:00:00Z' }),
      ]),
    );
    passPublishInterval();
    return panel.store;
  }

  it('counts by type, invalid and warnings', () => {
    const store = withOrders();
    expect(store.counts.value).toMatchObject({
      total: 6,
      shown: 6,
      invalid: 2,
      warnings: 1,
      byType: { track: 5, identify: 1, page: 0 },
    });
  });

  it('filters by text over names and payloads, type, invalid only, warnings', () => {
    const store = withOrders();
    store.filters.text.value = 'SHOE-42';
    expect(names(store)).toEqual(['Order Completed']);
    store.filters.clear();
    store.filters.toggleType('identify');
    expect(names(store)).toEqual(['identify']);
    store.filters.clear();
    store.filters.invalidOnly.value = true;
    expect(store.counts.value.shown).toBe(2);
    store.filters.clear();
    store.filters.warningsOnly.value = true;
    expect(names(store)).toEqual(['Late']);
    // Export follows the filter.
    expect(recordsToExport(store.rows.value).map((r) => (r.payload as { event: string }).event)).toEqual(['Late']);
    store.filters.clear();
    expect(recordsToExport(store.rows.value)).toHaveLength(6);
  });

  it('summarises per event name with the most common error, grouped by what is wrong, with the values sent', () => {
    const store = withOrders();
    const order = store.summary.value.find((line) => line.name === 'Order Completed');
    expect(order).toMatchObject({ count: 3, invalid: 2, warnings: 0, unplanned: 0 });
    expect(order?.topError).toEqual({
      rule: 'timestamp must be an ISO 8601 date-time with a time zone',
      count: 2,
      values: [
        { text: '"yesterday"', count: 1 },
        { text: '"today"', count: 1 },
      ],
    });
    // The anonymous call's note is not a warning; the clock skew is.
    expect(store.summary.value.find((line) => line.name === 'Anon')).toMatchObject({ warnings: 0, topError: null });
    expect(store.summary.value.find((line) => line.name === 'Late')).toMatchObject({ warnings: 1, topError: null });
  });
});

describe('panel store: import', () => {
  it('opens a file as its own session, re-validated, with bad lines by number', () => {
    const { store } = connectedPanel();
    const session = importText(
      store,
      'capture.ndjson',
      ['{"event":"Imported","userId":"u"}', 'not json', '{"event":"Broken","timestamp":"x","userId":"u"}'].join('\n'),
    );
    passPublishInterval();
    expect(session.problems.map((p) => p.line)).toEqual([2]);
    expect(names(store)).toEqual(['Imported', 'Broken']);
    expect(store.counts.value.invalid).toBe(1);
    store.backToLive();
    expect(store.imported.value).toBeNull();
  });
});

describe('panel store: import of a file that is one JSON document', () => {
  it('reads an array of messages, or one pretty-printed, message by message', () => {
    const { store } = connectedPanel();
    const messages = [{ event: 'First', userId: 'u' }, 'not a message', { event: 'Second', userId: 'u' }];
    const session = importText(store, 'messages.json', JSON.stringify(messages, null, 2));
    passPublishInterval();
    expect(session.problems).toEqual([{ item: 2, message: 'message 2 is not a JSON object (got "not a message")' }]);
    expect(names(store)).toEqual(['First', 'Second']);
    const one = importText(store, 'one.json', JSON.stringify({ event: 'Only', userId: 'u' }, null, 2));
    passPublishInterval();
    expect([one.problems, names(store)]).toEqual([[], ['Only']]);
  });
});

describe('panel store: import of a file with a byte order mark', () => {
  it('ignores a leading BOM (Windows tools write one) and keeps a BOM inside a value as data', () => {
    const { store } = connectedPanel();
    const session = importText(
      store,
      'windows.ndjson',
      ['\uFEFF{"event":"First","userId":"u"}', '{"event":"\uFEFFSecond","userId":"u"}'].join('\r\n'),
    );
    passPublishInterval();
    expect(session.problems).toEqual([]);
    expect(names(store)).toEqual(['First', '\uFEFFSecond']);
  });
});

describe('panel store: protocol versions', () => {
  it('says so when the background speaks another version, instead of showing nothing', () => {
    const { background, store } = connectedPanel();
    background.emit({ kind: 'version-mismatch', expected: 2 });
    expect(store.protocolMismatch.value).toBe(true);
  });
});
