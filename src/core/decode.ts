/**
 * Bytes -> messages. A batch splits into one message per entry, each with its position and the
 * batch-level fields it inherits (kept beside the entry, never written into it).
 */
import { bodyToText, sizeForLimits, type RequestBody } from './body';
import { isMessageType, isPlainObject, type BatchPosition, type CallType, type MessageType } from './types';

export interface DecodedMessage {
  /** From the URL, or from a batch entry's own `type`; `unknown` when a batch entry names none. */
  readonly type: MessageType | 'unknown';
  /** The message exactly as sent. */
  readonly payload: unknown;
  readonly batch?: BatchPosition;
}

export type DecodeResult =
  | { readonly ok: true; readonly messages: readonly DecodedMessage[]; readonly bodyBytes: number }
  | { readonly ok: false; readonly reason: string; readonly bodyBytes: number; readonly preview: string };

const PREVIEW_CHARS = 2048;

export function decodeBody(body: RequestBody, callType: CallType): DecodeResult {
  const text = bodyToText(body);
  if (!text.ok) return { ok: false, reason: text.reason, bodyBytes: text.bytes, preview: text.preview };
  const source = text.text;

  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const truncated = /end of (JSON )?input|unterminated|Unexpected end/i.test(detail);
    return failed(`body is not valid JSON${truncated ? ' (it looks truncated)' : ''}: ${detail}`, source, text.bytes);
  }
  if (!isPlainObject(parsed)) {
    const kind = Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : `a ${typeof parsed}`;
    return failed(`body is JSON ${kind}; expected an object (one message, or {"batch": [...]})`, source, text.bytes);
  }

  if (callType === 'batch' || Array.isArray(parsed['batch'])) {
    const entries = parsed['batch'];
    if (!Array.isArray(entries)) return failed('batch body has no "batch" array', source, text.bytes);
    if (entries.length === 0) return failed('batch is empty: "batch" holds no messages', source, text.bytes);
    const inherited = batchInherited(parsed);
    const count = entries.length;
    const messages = entries.map((entry: unknown, i): DecodedMessage => ({
      type: isPlainObject(entry) && isMessageType(entry['type']) ? entry['type'] : 'unknown',
      payload: entry,
      batch: { index: i + 1, count, inherited },
    }));
    return { ok: true, messages, bodyBytes: text.bytes ?? sizeForLimits(source, true) };
  }
  return { ok: true, messages: [{ type: callType, payload: parsed }], bodyBytes: text.bytes ?? sizeForLimits(source) };
}

/** Not a closure in decodeBody: a function made per call costs an allocation (and under tsx a `__name` call). */
function failed(reason: string, text: string, bytes: number | undefined): DecodeResult {
  return { ok: false, reason, bodyBytes: bytes ?? sizeForLimits(text), preview: text.slice(0, PREVIEW_CHARS) };
}

function batchInherited(body: Record<string, unknown>): BatchPosition['inherited'] {
  const inherited: { sentAt?: unknown; writeKey?: unknown; context?: unknown } = {};
  for (const key of ['sentAt', 'writeKey', 'context'] as const) {
    if (body[key] !== undefined) inherited[key] = body[key];
  }
  return inherited;
}
