/** Timeline entries and a transport seam for panel tests: what the background would send. */
import { createLinter } from '../../src/core/lint';
import { inspectCall } from '../../src/core/inspect';
import type { CallType } from '../../src/core/types';
import type { BackgroundMessage, PanelMessage, TimelineEntry } from '../../src/protocol';
import type { Transport } from '../../src/panel/transport';

let seq = 0;
export const T0 = Date.parse('2026-11-26T10:00:00Z');

/** Entries as the background makes them from one request body (a batch gives several). */
export function captured(body: object, { callType = 'track' as CallType, at = T0 + seq * 10, status = 200 as number | null } = {}): TimelineEntry[] {
  const requestId = `r${++seq}`;
  const messages = inspectCall({ sender: 'june', callType }, { kind: 'text', text: JSON.stringify(body) }, { strict: false, linter: createLinter(), capturedAt: at });
  return messages.map((message) => ({
    kind: 'message',
    seq: ++seq,
    requestId,
    record: {
      ...message,
      capturedAt: at,
      tabId: 1,
      pageUrl: 'https://app.example.com/checkout',
      request: { url: `https://api.june.so/sdk/${callType}`, method: 'POST', outcome: status === null ? 'pending' : 'status', status, error: null },
      sender: 'june',
    },
  }));
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

export const settle = () => new Promise((resolve) => setTimeout(resolve, 150)); // past the 100 ms publish interval
