/**
 * Every message between the background and its clients (panels, the options page, the page relay),
 * typed and versioned. Ports carry the timeline of one tab; runtime messages carry the rest.
 */
import type { MessageRecord, RequestInfo } from './core/record';
import type { ValidationSettings } from './validation-settings';

export const PROTOCOL_VERSION = 4;
export const PANEL_PORT_NAME = 'track-inspector/panel';

/** One row of a tab's timeline: a captured message, or a top-frame navigation marker. */
export type TimelineEntry =
  | {
      readonly kind: 'message';
      readonly seq: number;
      readonly requestId: string;
      readonly record: MessageRecord;
      /** Chromium hid the body and the page has not reported it yet: a later report replaces this row (see body-join.ts). */
      readonly awaitingBody?: true;
    }
  | { readonly kind: 'navigation'; readonly seq: number; readonly url: string; readonly at: number };

/** When a row happened: the call's send time, or the navigation's. */
export function entryTime(entry: TimelineEntry): number {
  return entry.kind === 'message' ? entry.record.capturedAt : entry.at;
}

/**
 * Timeline order: by time, then by arrival. Why not arrival alone: when a request wakes a stopped
 * service worker, Chromium can deliver the webRequest events queued meanwhile out of order
 * (seen: the 4th of four calls handled first). An `added` entry may therefore belong before
 * entries a client already holds; clients insert by this order.
 */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return entryTime(a) - entryTime(b) || a.seq - b.seq;
}

/** Panel -> background, over the port. */
export type PanelMessage =
  | { readonly kind: 'hello'; readonly version: typeof PROTOCOL_VERSION; readonly tabId: number }
  /**
   * Clear the tab's timeline up to `before` (Date.now() when the user clicked; entry times are the
   * same clock): a call sent after the click stays, even when the background hears of it before it
   * hears of the click (a busy service worker can take the two in either order).
   */
  | { readonly kind: 'clear'; readonly before: number };

/** Background -> panel, over the port, in order. A snapshot replaces everything the panel holds. */
export type BackgroundMessage =
  | {
      readonly kind: 'snapshot';
      readonly tabId: number;
      readonly entries: readonly TimelineEntry[];
      readonly dropped: number;
      /** What every record here (and every later one, until the next snapshot) was validated with. */
      readonly validation: ValidationSettings;
    }
  /** The rest of a large snapshot, in chunks that follow it directly. */
  | { readonly kind: 'snapshot-continued'; readonly entries: readonly TimelineEntry[] }
  | { readonly kind: 'added'; readonly entries: readonly TimelineEntry[]; readonly dropped: number }
  | { readonly kind: 'updated'; readonly updates: readonly { readonly seq: number; readonly request: RequestInfo }[] }
  /** A call's rows replaced by new ones (its body arrived after the call): drop `removed`, insert `entries`. */
  | {
      readonly kind: 'replaced';
      readonly removed: readonly number[];
      readonly entries: readonly TimelineEntry[];
      readonly dropped: number;
    }
  | { readonly kind: 'version-mismatch'; readonly expected: number };

/** The page relay (content script) -> background: a body webRequest may not have exposed. */
export interface PageBodyMessage {
  readonly kind: 'page-body';
  readonly version: typeof PROTOCOL_VERSION;
  /** Unique per report: the relay re-sends a report until the background acknowledges it. */
  readonly id: string;
  readonly url: string;
  readonly method: string;
  /** The body as the page sent it, as text (strings and byte parts decoded as UTF-8). */
  readonly body: string;
  /** Date.now() in the page when it was sent. */
  readonly sentAt: number;
}

export function isPanelMessage(value: unknown): value is PanelMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'clear') return typeof (value as { before?: unknown }).before === 'number';
  return kind === 'hello' && typeof (value as { tabId?: unknown }).tabId === 'number';
}

export function isPageBodyMessage(value: unknown): value is PageBodyMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m['kind'] === 'page-body' &&
    m['version'] === PROTOCOL_VERSION &&
    typeof m['id'] === 'string' &&
    typeof m['url'] === 'string' &&
    typeof m['method'] === 'string' &&
    typeof m['body'] === 'string' &&
    typeof m['sentAt'] === 'number'
  );
}
