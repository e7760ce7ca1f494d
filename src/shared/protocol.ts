/**
 * Every message between the background and its clients (panels, the options page, the page relay),
 * typed and versioned. Ports carry the timeline of one tab; runtime messages carry the rest.
 */
import type { TimelineEntry } from '../core/capture/timeline-entry';
import type { PlanCounts } from '../core/plan/tracking-plan';
import type { PiiMode } from '../core/privacy/privacy-guard';
import type { RequestInfo } from '../core/record';
import type { UserSettings } from './settings/user-settings';

export const PROTOCOL_VERSION = 6;
export const PANEL_PORT_NAME = 'track-inspector/panel';

/** The tracking plan a timeline was checked against, as a panel shows it. */
export interface PlanSummary {
  readonly name: string;
  readonly fileName: string;
  readonly loadedAt: number;
  readonly counts: PlanCounts;
}

/** The privacy guard a timeline was checked with, as a panel shows it and redacts an export with it. */
export interface PrivacySummary {
  readonly mode: PiiMode;
  /** The user's allow rules applied, as written (core/privacy/allow-rules.ts); a line that does not parse is not. */
  readonly allow: readonly string[];
}

/** What a timeline's records were validated with (ValidationMode, described for a panel). */
export interface ValidationSummary {
  readonly strict: boolean;
  readonly unplanned: UserSettings['unplanned'];
  readonly privacy: PrivacySummary;
  readonly plan: PlanSummary | null;
  /**
   * The stored plan file could not be opened (the options page refuses such a file; storage may hold anything): why.
   */
  readonly planProblem?: string;
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
      readonly validation: ValidationSummary;
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

/**
 * The page relay (content script) -> background: a body webRequest may not have exposed, or a beacon the page
 * sent (every one: webRequest may not show it at all).
 */
export interface PageBodyMessage {
  readonly kind: 'page-body';
  readonly version: typeof PROTOCOL_VERSION;
  /** Unique per report: the relay re-sends a report until the background acknowledges it. */
  readonly id: string;
  readonly url: string;
  readonly method: string;
  /**
   * The body as the page sent it, as text (strings and byte parts decoded as UTF-8); null for a beacon whose
   * body the page could not read at once (a Blob it did not see built, FormData).
   */
  readonly body: string | null;
  /** Sent with navigator.sendBeacon: a call the page vouches for, not only a body. */
  readonly beacon: boolean;
  /** The body was a Blob, which Chromium's webRequest does not show; else the request shows it too. */
  readonly blob: boolean;
  /** Date.now() in the page when it was sent. */
  readonly sentAt: number;
}

/**
 * The page relay -> background (Chrome): the sends of a task in which a single-page app changed its route, each
 * with the URL the page showed when it made it (core/capture/page-named-sends.ts says why).
 */
export interface PageRoutesMessage {
  readonly kind: 'page-routes';
  readonly version: typeof PROTOCOL_VERSION;
  /** Unique per report: re-sent until acknowledged, as page-body is. */
  readonly id: string;
  readonly sends: readonly RoutedSend[];
}

export interface RoutedSend {
  readonly url: string;
  readonly method: string;
  readonly pageUrl: string;
  /** Date.now() in the page when it made the send. */
  readonly sentAt: number;
}

export function isPageRoutesMessage(value: unknown): value is PageRoutesMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m['kind'] === 'page-routes' &&
    m['version'] === PROTOCOL_VERSION &&
    typeof m['id'] === 'string' &&
    Array.isArray(m['sends']) &&
    m['sends'].every(isRoutedSend)
  );
}

function isRoutedSend(value: unknown): value is RoutedSend {
  if (typeof value !== 'object' || value === null) return false;
  const send = value as Record<string, unknown>;
  return (
    typeof send['url'] === 'string' &&
    typeof send['method'] === 'string' &&
    typeof send['pageUrl'] === 'string' &&
    typeof send['sentAt'] === 'number'
  );
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
    (typeof m['body'] === 'string' || (m['body'] === null && m['beacon'] === true)) &&
    typeof m['beacon'] === 'boolean' &&
    typeof m['blob'] === 'boolean' &&
    typeof m['sentAt'] === 'number'
  );
}

/**
 * The background -> the page relay: a report was taken (used, held or recorded), and where its sender is, as the
 * browser names it. The relay keeps the sender for reports it must hand over through storage (PendingReport).
 */
export interface ReportAck {
  readonly kind: 'report-ack';
  readonly tabId: number;
  readonly frameId: number;
  /** Chromium names the sending document; a report handed over through storage names it the same way. */
  readonly documentId?: string;
}

export function isReportAck(value: unknown): value is ReportAck {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m['kind'] === 'report-ack' &&
    typeof m['tabId'] === 'number' &&
    typeof m['frameId'] === 'number' &&
    (m['documentId'] === undefined || typeof m['documentId'] === 'string')
  );
}

/**
 * Reports a page hands over through `storage.local` as it goes away (relay.iife.ts says why), one key each: this
 * prefix and the report's id. The background takes each from `storage.onChanged` and removes it.
 */
export const PENDING_REPORT_PREFIX = 'track-inspector:pending-report:';

export interface PendingReport {
  readonly report: PageBodyMessage | PageRoutesMessage;
  /** Where the report was sent from, as the background's last acknowledgement to this document named it. */
  readonly sender: Omit<ReportAck, 'kind'>;
}

export function isPendingReport(value: unknown): value is PendingReport {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  const report = m['report'];
  return (
    (isPageBodyMessage(report) || isPageRoutesMessage(report)) &&
    isReportAck({ ...(m['sender'] as object), kind: 'report-ack' })
  );
}
