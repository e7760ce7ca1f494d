import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import { acceptPanels } from '../../../src/background/hub/panel-ports';
import { BackgroundStore } from '../../../src/background/store/background-store';
import type { RequestInfo } from '../../../src/core/record';
import type { TimelineEntry } from '../../../src/core/capture/timeline-entry';
import { PANEL_PORT_NAME, PROTOCOL_VERSION, type BackgroundMessage } from '../../../src/shared/protocol';
import { messageEntry, PENDING_REQUEST, persistentDb } from './fakes';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings/user-settings';
import { validationModeOf } from '../../../src/shared/settings/validation-mode';

const VALIDATION = validationModeOf(DEFAULT_SETTINGS, null).summary;

const PENDING = PENDING_REQUEST;
const OK: RequestInfo = { ...PENDING, outcome: 'status', status: 200 };

const message =
  (requestId: string, at = 1) =>
  (seq: number): TimelineEntry =>
    messageEntry({ seq, requestId, at });

/** A runtime.Port as the background sees it: what it posted, and the panel's side of it. */
function fakePort(name = PANEL_PORT_NAME) {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const posted: BackgroundMessage[] = [];
  let failure: Error | null = null;
  const postMessage = vi.fn((m: BackgroundMessage) => {
    if (failure) throw failure;
    posted.push(structuredClone(m));
  });
  const port = {
    name,
    postMessage,
    onMessage: { addListener: (listener: (message: unknown) => void) => void onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => void onDisconnect.push(listener) },
  } as unknown as Runtime.Port;
  return {
    port,
    posted,
    postMessage,
    listeners: () => onMessage.length + onDisconnect.length,
    fromPanel: (m: unknown) => onMessage.forEach((listener) => listener(m)),
    disconnect: () => onDisconnect.forEach((listener) => listener()),
    /** From now on postMessage throws `error` (null: posts again). */
    failWith: (error: Error | null) => void (failure = error),
  };
}

function connected(store: BackgroundStore, onClear = vi.fn()) {
  const ready = store.ready.then(() => store);
  const panel = fakePort();
  acceptPanels(ready, onClear, () => VALIDATION)(panel.port);
  return {
    ...panel,
    onClear,
    /** A message from the panel, handled once the store is ready. */
    async send(m: unknown) {
      panel.fromPanel(m);
      await ready; // settles after the hub's own `ready.then`, registered first
    },
    hello(tabId: number, version: number = PROTOCOL_VERSION) {
      return this.send({ kind: 'hello', version, tabId });
    },
  };
}

const kinds = (posted: readonly BackgroundMessage[]) => posted.map((m) => m.kind);

describe('the panel hub', () => {
  let store: BackgroundStore;
  beforeEach(async () => {
    vi.useFakeTimers();
    store = new BackgroundStore(persistentDb(), 10_000);
    await store.ready;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('ignores ports that are not panels', () => {
    const other = fakePort('something-else');
    acceptPanels(Promise.resolve(store), vi.fn(), () => VALIDATION)(other.port);
    expect(other.listeners()).toBe(0);
  });

  it('answers hello with a snapshot of its tab only, in chunks of 2000 beyond that', async () => {
    store.append(
      1,
      Array.from({ length: 4500 }, (_, i) => message(`r${i}`, i)),
    );
    store.append(2, message('elsewhere'));
    const panel = connected(store);
    await panel.hello(1);
    expect(kinds(panel.posted)).toEqual(['snapshot', 'snapshot-continued', 'snapshot-continued']);
    expect(panel.posted[0]).toMatchObject({ kind: 'snapshot', tabId: 1, dropped: 0 });
    const chunks = panel.posted.map((m) => ('entries' in m ? m.entries.length : 0));
    expect(chunks).toEqual([2000, 2000, 500]);
    const seqs = panel.posted.flatMap((m) => ('entries' in m ? m.entries.map((e) => e.seq) : []));
    expect(seqs).toEqual(store.snapshot(1).entries.map((e) => e.seq));
  });

  it('posts the first change after a quiet spell in the next task, then at most every 50 ms, additions first', async () => {
    const panel = connected(store);
    await panel.hello(1);
    panel.posted.length = 0;
    store.append(1, message('a'));
    store.append(1, message('b'));
    store.append(2, message('other tab'));
    store.updateRequest(1, 'a', OK); // a's addition carries it: the store updates entries in place
    expect(panel.posted).toEqual([]); // what the rest of the task adds goes along
    vi.advanceTimersByTime(0);
    expect(kinds(panel.posted)).toEqual(['added']);
    expect(panel.posted[0]).toMatchObject({ kind: 'added', dropped: 0 });
    const added = panel.posted[0]?.kind === 'added' ? panel.posted[0].entries : [];
    expect(added.map((e) => [e.seq, e.kind === 'message' && e.record.request.status])).toEqual([
      [1, 200],
      [2, null],
    ]);

    vi.advanceTimersByTime(10);
    store.updateRequest(1, 'b', OK);
    store.append(1, message('c'));
    vi.advanceTimersByTime(39); // 49 ms after the last post
    expect(panel.posted).toHaveLength(1);
    store.append(1, message('d'));
    vi.advanceTimersByTime(1);
    expect(kinds(panel.posted)).toEqual(['added', 'added', 'updated']);
    const second = panel.posted[1]?.kind === 'added' ? panel.posted[1].entries : [];
    expect(second.map((e) => e.seq)).toEqual([3, 4]);
    expect(panel.posted[2]).toEqual({ kind: 'updated', updates: [{ seq: 2, request: OK }] });

    vi.advanceTimersByTime(200); // quiet again: the next goes at once
    store.append(1, message('e'));
    vi.advanceTimersByTime(0);
    expect(kinds(panel.posted)).toHaveLength(4);
  });

  it('sends what was added before a replacement first, then the replacement, at once', async () => {
    const panel = connected(store);
    await panel.hello(1);
    panel.posted.length = 0;
    store.append(1, message('beacon'));
    store.replaceRequest(1, 'beacon', [message('beacon', 5), message('beacon', 6)]);
    expect(panel.posted).toEqual([
      { kind: 'added', entries: [expect.objectContaining({ seq: 1 })], dropped: 0 },
      {
        kind: 'replaced',
        removed: [1],
        entries: [expect.objectContaining({ seq: 2 }), expect.objectContaining({ seq: 3 })],
        dropped: 0,
      },
    ]);
    vi.advanceTimersByTime(30);
    expect(panel.posted).toHaveLength(2);
  });

  it('sends a fresh snapshot when the timeline is reset, and a second hello subscribes once', async () => {
    store.append(1, message('a'));
    const panel = connected(store);
    await panel.hello(1);
    await panel.hello(1);
    store.clear(1, 10);
    expect(kinds(panel.posted)).toEqual(['snapshot', 'snapshot', 'snapshot']);
    expect(panel.posted[2]).toMatchObject({ kind: 'snapshot', entries: [] });
    store.append(1, message('b'));
    vi.advanceTimersByTime(30);
    expect(kinds(panel.posted)).toEqual(['snapshot', 'snapshot', 'snapshot', 'added']);
  });

  it('re-validation sends every panel (one on an empty tab too) a snapshot of what it was validated with', async () => {
    store.append(1, message('a'));
    let validation = VALIDATION;
    const ready = store.ready.then(() => store);
    const busy = fakePort();
    const empty = fakePort();
    acceptPanels(ready, vi.fn(), () => validation)(busy.port);
    acceptPanels(ready, vi.fn(), () => validation)(empty.port);
    busy.fromPanel({ kind: 'hello', version: PROTOCOL_VERSION, tabId: 1 });
    empty.fromPanel({ kind: 'hello', version: PROTOCOL_VERSION, tabId: 9 });
    await ready;
    validation = { ...VALIDATION, strict: true };
    store.remapAll((entry) => entry);
    for (const panel of [busy, empty]) {
      expect(panel.posted.map((m) => m.kind === 'snapshot' && m.validation.strict)).toEqual([false, true]);
    }
    expect(busy.posted[1]).toMatchObject({ kind: 'snapshot', tabId: 1, entries: [{ kind: 'message' }] });
    expect(empty.posted[1]).toMatchObject({ kind: 'snapshot', tabId: 9, entries: [] });
  });

  it('tells a panel of another protocol version so, and sends it nothing else', async () => {
    const panel = connected(store);
    await panel.hello(1, PROTOCOL_VERSION + 1);
    store.append(1, message('a'));
    vi.advanceTimersByTime(30);
    expect(panel.posted).toEqual([{ kind: 'version-mismatch', expected: PROTOCOL_VERSION }]);
  });

  it('passes clear on for the tab the panel said hello for', async () => {
    const panel = connected(store);
    await panel.send({ kind: 'clear', before: 5 });
    expect(panel.onClear).not.toHaveBeenCalled();
    await panel.hello(7);
    await panel.send({ kind: 'clear', before: 5 });
    expect(panel.onClear).toHaveBeenCalledExactlyOnceWith(7, 5);
  });

  it('stops sending to a panel that disconnected, dropping what was pending', async () => {
    const panel = connected(store);
    await panel.hello(1);
    store.append(1, message('a'));
    panel.disconnect();
    vi.advanceTimersByTime(30);
    store.append(1, message('b'));
    vi.advanceTimersByTime(30);
    expect(kinds(panel.posted)).toEqual(['snapshot']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['Chromium', 'Attempting to use a disconnected port object'],
    ['Firefox', 'Attempt to postMessage on disconnected port'],
  ])('unsubscribes quietly when %s says the port is disconnected', async (_browser, text) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const panel = connected(store);
    await panel.hello(1);
    panel.failWith(new Error(text));
    store.append(1, message('a'));
    vi.advanceTimersByTime(30);
    expect(panel.postMessage).toHaveBeenCalledTimes(2); // the snapshot, then the addition that threw
    store.append(1, message('b'));
    vi.advanceTimersByTime(30);
    expect(panel.postMessage).toHaveBeenCalledTimes(2);
    expect(error).not.toHaveBeenCalled();
  });

  it('logs any other failure to post once per port and keeps the panel subscribed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const panel = connected(store);
    await panel.hello(1);
    const tooLarge = new Error('Message length exceeded maximum allowed length.');
    panel.failWith(tooLarge);
    store.append(1, message('a'));
    vi.advanceTimersByTime(50);
    store.append(1, message('b'));
    vi.advanceTimersByTime(50);
    expect(error).toHaveBeenCalledExactlyOnceWith(expect.stringContaining('could not be sent (added)'), tooLarge);

    panel.failWith(null);
    store.append(1, message('c'));
    vi.advanceTimersByTime(50);
    expect(kinds(panel.posted)).toEqual(['snapshot', 'added']);
    expect(panel.posted[1]).toMatchObject({ entries: [expect.objectContaining({ requestId: 'c' })] });
  });
});
