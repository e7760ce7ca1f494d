/**
 * A captured message as the fixture hands it to a test: exactly one line of the panel's Export NDJSON,
 * parsed (docs/capture.md, "The NDJSON format"). Also how failure messages name one, in one line.
 */
import { messageLabel } from '../core/label';
import type { OutcomeKind } from '../core/record';
import type { BatchInherited, CallType, Sender } from '../core/types';

export interface TrackedProblem {
  /** JSON Pointer into the payload ("" is the whole message). */
  readonly path: string;
  readonly message: string;
  readonly keyword: string;
  /** Who found it: the June schema and our checks of one message, the linter, the team's plan, or the privacy guard. */
  readonly source: 'schema' | 'lint' | 'plan' | 'privacy';
}

export interface TrackedMessage {
  /** When the call was sent, ISO 8601. */
  readonly capturedAt: string;
  /** Which page of the browser context sent it (1 for the first page the capture saw). */
  readonly tabId: number;
  readonly pageUrl: string;
  readonly topUrl?: string;
  readonly request: {
    readonly url: string;
    readonly method: string;
    readonly outcome: OutcomeKind;
    readonly status: number | null;
    readonly error: string | null;
  };
  readonly sender: Sender;
  readonly type: CallType | 'unknown';
  /**
   * The message exactly as sent (null when its body could not be decoded). Typed loosely on purpose,
   * as Playwright's own `postDataJSON()`: a test reads `message.payload.properties.plan` directly.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly payload: any;
  readonly batch?: { readonly index: number; readonly count: number; readonly inherited: BatchInherited };
  readonly undecodable?: { readonly reason: string; readonly preview: string };
  readonly validation: {
    readonly valid: boolean;
    readonly errors: readonly TrackedProblem[];
    readonly warnings: readonly TrackedProblem[];
    /** How default mode read the message (an anonymous call's null userId): never an error or a warning. */
    readonly notes?: readonly TrackedProblem[];
  };
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** "valid", "1 error", "2 errors · 1 warning", "1 warning". */
export function verdictText(message: TrackedMessage): string {
  const { errors, warnings } = message.validation;
  const parts = [
    errors.length ? plural(errors.length, 'error') : '',
    warnings.length ? plural(warnings.length, 'warning') : '',
  ];
  return parts.filter(Boolean).join(' · ') || 'valid';
}

/** `track "Signed Up"`, `identify "u-1"`, `page (no name)`, `batch (unreadable body: …)`. */
export function messageName(message: TrackedMessage): string {
  if (message.undecodable) return `${message.type} (unreadable body: ${message.undecodable.reason})`;
  const label = messageLabel(message.type, message.payload);
  return `${message.type} ${label === null ? '(no name)' : JSON.stringify(label)}`;
}

/** One line per message, numbered from 1 in send order: what a failing matcher shows was captured. */
export function capturedList(messages: readonly TrackedMessage[]): string {
  if (!messages.length) return 'Captured: no tracking messages.';
  const lines = messages.map((message, index) => `  ${index + 1}. ${messageName(message)} · ${verdictText(message)}`);
  return [`Captured ${plural(messages.length, 'message')}:`, ...lines].join('\n');
}

export { plural };
