/** Timeline entries and a transport seam for panel tests: what the background would send. */
import { vi } from 'vitest';
import { createLinter } from '../../src/core/lint';
import { callRecords } from '../../src/core/call-records';
import type { CallType } from '../../src/core/types';
import { connectPanelStore } from '../../src/panel/connect';
import { PUBLISH_INTERVAL_MS } from '../../src/panel/store/panel-timeline';
import type { Transport } from '../../src/panel/transport';
import type { TimelineEntry } from '../../src/core/capture/timeline-entry';
import type { BackgroundMessage, PanelMessage, ValidationSummary } from '../../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../src/shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../../src/shared/settings/validation-mode';

export type MessageEntry = Extract<TimelineEntry, { kind: 'message' }>;

/** The user's settings by default: not strict, no plan. */
export const USER_MODE = validationModeOf(DEFAULT_SETTINGS, null);
/** What a snapshot says live rows were validated with, by default. */
export const LIVE_VALIDATION = USER_MODE.summary;

/**
 * A small tracking plan, as the options page stores it: Order Completed needs a string order_id; Signed Up is planned
 * too.
 */
export const SHOP_PLAN = {
  fileName: 'shop.plan.json',
  loadedAt: 1,
  text: JSON.stringify({
    name: 'Shop plan',
    rules: [
      {
        type: 'TRACK',
        key: 'Order Completed',
        version: 1,
        jsonSchema: {
          type: 'object',
          properties: {
            properties: { type: 'object', required: ['order_id'], properties: { order_id: { type: 'string' } } },
          },
        },
      },
      { type: 'TRACK', key: 'Signed Up', version: 1, jsonSchema: { type: 'object' } },
    ],
  }),
};

let seq = 0;
export const T0 = Date.parse('2026-11-26T10:00:00Z');

interface CaptureOptions {
  readonly callType?: CallType;
  readonly at?: number;
  /** The HTTP status; null while the request is pending. */
  readonly status?: number | null;
  /** What the background validates with (Strict mode, the plan, the privacy guard); the defaults otherwise. */
  readonly mode?: ValidationMode;
  /** The page that sent it. */
  readonly pageUrl?: string;
}

/** Entries as the background makes them from one request body (a batch gives several). */
export function captured(
  body: object,
  {
    callType = 'track',
    at = T0 + seq * 10,
    status = 200,
    mode = USER_MODE,
    pageUrl = 'https://app.example.com/checkout',
  }: CaptureOptions = {},
): MessageEntry[] {
  const requestId = `r${++seq}`;
  const request = {
    url: `https://api.june.so/sdk/${callType}`,
    method: 'POST',
    outcome: status === null ? 'pending' : 'status',
    status,
    error: null,
  } as const;
  const records = callRecords(
    { sender: 'june', callType },
    { kind: 'text', text: JSON.stringify(body) },
    { capturedAt: at, tabId: 1, pageUrl, request },
    { strict: mode.summary.strict, checker: mode.checker, privacy: mode.privacy, linter: createLinter() },
  );
  return records.map((record) => ({ kind: 'message', seq: ++seq, requestId, record }));
}

/** The one entry of a body that holds one message. */
export function capturedOne(body: object, options?: CaptureOptions): MessageEntry {
  const entries = captured(body, options);
  if (entries.length !== 1 || !entries[0]) throw new Error(`expected one message, got ${entries.length}`);
  return entries[0];
}

export function navigation(url: string, at = T0 + seq * 10): TimelineEntry {
  return { kind: 'navigation', seq: ++seq, url, at };
}

export function fakeBackground() {
  const listeners: ((message: BackgroundMessage) => void)[] = [];
  const sent: PanelMessage[] = [];
  const transport: Transport = { listen: (l) => listeners.push(l), send: (m) => sent.push(m) };
  return {
    transport,
    sent,
    emit(message: BackgroundMessage) {
      for (const listener of listeners) listener(message);
    },
  };
}

/** What the background sends a panel that connects to tab 1: the tab's entries, and what they were validated with. */
export function snapshot(
  entries: readonly TimelineEntry[],
  validation: ValidationSummary = LIVE_VALIDATION,
): BackgroundMessage {
  return { kind: 'snapshot', tabId: 1, entries, dropped: 0, validation };
}

/** A panel store wired to a fake background, as the panel page wires it to the real one. */
export function connectedPanel(userMode: ValidationMode = USER_MODE) {
  const background = fakeBackground();
  const store = connectPanelStore(background.transport, { mode: userMode, hosts: [] });
  return { background, store };
}

/** Runs the (fake) clock past the panel timeline's publish interval. Needs vi.useFakeTimers(). */
export const passPublishInterval = () => vi.advanceTimersByTime(PUBLISH_INTERVAL_MS);
