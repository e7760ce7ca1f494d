/**
 * Ports to panels. A panel says hello with its inspected tab; it gets a snapshot of what is stored
 * (in chunks), then every addition and update of that tab, in order. A reconnect (after the
 * service worker stopped) gets a fresh snapshot that replaces what it held: nothing lost, nothing doubled.
 * Every snapshot says what its rows were validated with; new settings re-validate and re-send them.
 */
import type { Runtime } from 'webextension-polyfill';
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import { firstFailureLogger } from '../../core/first-failure';
import type { RequestInfo } from '../../core/record';
import {
  isPanelMessage,
  PANEL_PORT_NAME,
  PROTOCOL_VERSION,
  type BackgroundMessage,
  type PanelMessage,
  type ValidationSummary,
} from '../../shared/protocol';
import type { BackgroundStore } from '../store/background-store';

const SNAPSHOT_CHUNK = 2000;
/**
 * Additions and updates reach a panel at most this often, in one message each: a burst of 10,000 calls is 10,000 port
 * messages otherwise, and each message is a render of the panel. The first change after a quiet spell goes at once
 * (in the next task, with what the rest of this task adds): a lone call is shown without waiting.
 */
const COALESCE_MS = 50;
/**
 * What posting to a port whose panel went away throws: Chromium's GinPort::PostMessageHandler
 * (extensions/renderer/api/messaging/gin_port.cc) and Firefox's Port.sendPortMessage
 * (toolkit/components/extensions/ExtensionChild.sys.mjs). Both are plain Errors told apart only by message.
 */
const DISCONNECTED_PORT_ERRORS: readonly string[] = [
  'Attempting to use a disconnected port object',
  'Attempt to postMessage on disconnected port',
];

function isDisconnectedPortError(error: unknown): boolean {
  const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : error;
  return typeof message === 'string' && DISCONNECTED_PORT_ERRORS.includes(message);
}

/** Listeners attach synchronously (a hello sent before the store is loaded must not be lost). */
export function acceptPanels(
  ready: Promise<BackgroundStore>,
  /** Clear the tab's timeline up to `before` (PanelMessage 'clear'). */
  onClear: (tabId: number, before: number) => void,
  /** What the timelines are validated with now: every snapshot carries it. */
  validation: () => ValidationSummary,
): (port: Runtime.Port) => void {
  return (port) => {
    if (port.name !== PANEL_PORT_NAME) return;
    let unsubscribe: (() => void) | null = null;
    let pendingAdded: TimelineEntry[] = [];
    /** The seqs of pendingAdded: an outcome for one of them is in it already (the store updates entries in place). */
    let addedSeqs = new Set<number>();
    let pendingDropped = 0;
    let pendingUpdates: { seq: number; request: RequestInfo }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** When additions or updates were last posted (Date.now()). */
    let postedAt = -Infinity;
    const flush = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (!pendingAdded.length && !pendingUpdates.length) return;
      postedAt = Date.now();
      if (pendingAdded.length) post({ kind: 'added', entries: pendingAdded, dropped: pendingDropped });
      if (pendingUpdates.length) post({ kind: 'updated', updates: pendingUpdates });
      pendingAdded = [];
      addedSeqs = new Set();
      pendingUpdates = [];
    };
    const later = () => {
      timer ??= setTimeout(flush, Math.max(0, postedAt + COALESCE_MS - Date.now()));
    };
    const logFailure = firstFailureLogger();
    const post = (message: BackgroundMessage) => {
      try {
        port.postMessage(message);
      } catch (error) {
        if (isDisconnectedPortError(error))
          unsubscribe?.(); // the panel went away between events
        // Anything else (a message too large to send, say) is a bug: say so once, keep capturing.
        else logFailure(`a message to the panel could not be sent (${message.kind})`, error);
      }
    };
    port.onDisconnect.addListener(() => {
      unsubscribe?.();
      if (timer !== null) clearTimeout(timer);
    });
    port.onMessage.addListener((message: unknown) => {
      if (isPanelMessage(message)) void ready.then((store) => handle(store, message));
    });
    let tabId: number | null = null;

    function handle(store: BackgroundStore, message: PanelMessage): void {
      if (message.kind === 'clear') {
        if (tabId !== null) onClear(tabId, message.before);
        return;
      }
      if (message.version !== PROTOCOL_VERSION) {
        post({ kind: 'version-mismatch', expected: PROTOCOL_VERSION });
        return;
      }
      tabId = message.tabId;
      unsubscribe?.();
      const subscribed = tabId;
      sendSnapshot(store, subscribed);
      // Subscribing in the same turn as the snapshot leaves no gap for an entry to fall into.
      unsubscribe = store.listen({
        added(t, entries, dropped) {
          if (t !== subscribed || !entries.length) return;
          for (const entry of entries) {
            pendingAdded.push(entry);
            addedSeqs.add(entry.seq);
          }
          pendingDropped = dropped;
          later();
        },
        updated(t, entries) {
          if (t !== subscribed) return;
          for (const entry of entries)
            if (!addedSeqs.has(entry.seq)) pendingUpdates.push({ seq: entry.seq, request: entry.record.request });
          later();
        },
        replaced(t, removed, entries, dropped) {
          if (t !== subscribed) return;
          flush(); // what was added before must arrive before it is replaced
          post({ kind: 'replaced', removed, entries, dropped });
        },
        reset: (t) => (t === 'all' || t === subscribed) && sendSnapshot(store, subscribed),
        removed: () => undefined, // the tab's DevTools, and this panel, close with it
      });
    }

    function sendSnapshot(store: BackgroundStore, tab: number): void {
      // What is pending is in the snapshot too.
      pendingAdded = [];
      addedSeqs = new Set();
      pendingUpdates = [];
      const { entries, dropped } = store.snapshot(tab);
      post({
        kind: 'snapshot',
        tabId: tab,
        entries: entries.slice(0, SNAPSHOT_CHUNK),
        dropped,
        validation: validation(),
      });
      for (let i = SNAPSHOT_CHUNK; i < entries.length; i += SNAPSHOT_CHUNK) {
        post({ kind: 'snapshot-continued', entries: entries.slice(i, i + SNAPSHOT_CHUNK) });
      }
    }
  };
}
