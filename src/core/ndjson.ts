/**
 * NDJSON: one line per message. Export writes MessageRecords; import reads such lines or bare
 * payload lines, reports bad lines by number and keeps the rest.
 */
import { isPlainObject, isMessageType, isSender, type BatchPosition, type CallType, type MessageType } from './types';
import { OUTCOME_KINDS, withSource, type MessageRecord, type OutcomeKind, type RequestInfo } from './record';
import { describeValue } from './explain';
import { messageRecord, type CallOrigin } from './call-records';

export function toNdjsonLine(record: MessageRecord): string {
  // Rebuilt by the record builder: its fields in its order, whatever order a record's fields came to be in.
  const { validation } = record;
  const line = {
    ...messageRecord(record, record.sender, record),
    capturedAt: new Date(record.capturedAt).toISOString(),
    // Each problem names its source, as `track-inspector validate --json` does.
    validation: {
      ...validation,
      errors: validation.errors.map(withSource),
      warnings: validation.warnings.map(withSource),
      ...(validation.notes ? { notes: validation.notes.map(withSource) } : {}),
    },
  };
  return JSON.stringify(line);
}

/** One string per line, newline included: hand them to `new Blob(...)` without joining 100 MB. */
export function toNdjsonChunks(records: Iterable<MessageRecord>): string[] {
  const chunks: string[] = [];
  for (const record of records) chunks.push(toNdjsonLine(record) + '\n');
  return chunks;
}

export function toNdjson(records: Iterable<MessageRecord>): string {
  return toNdjsonChunks(records).join('');
}

/** What one line of NDJSON holds, before validation. Missing capture fields mean a bare payload. */
export interface ImportedMessage {
  readonly line: number;
  readonly type: MessageType | 'unknown' | CallType;
  readonly payload: unknown;
  readonly batch?: BatchPosition;
  readonly capture?: CallOrigin & {
    readonly sender: MessageRecord['sender'];
    readonly undecodable?: MessageRecord['undecodable'];
  };
}

export type NdjsonLine =
  | { readonly kind: 'blank' }
  | { readonly kind: 'bad'; readonly line: number; readonly message: string }
  | { readonly kind: 'message'; readonly message: ImportedMessage };

/** U+FEFF at the very start of a file: a UTF-8 byte order mark, which Windows tools write. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * `line` counts from 1 within one file: a byte order mark opening line 1 is not data; anywhere else it is. `noun`
 * names the piece in problems: a line, or a message of a JSON document (json-document.ts).
 */
export function parseNdjsonLine(text: string, line: number, noun: 'line' | 'message' = 'line'): NdjsonLine {
  if (line === 1 && text.startsWith(BYTE_ORDER_MARK)) text = text.slice(1);
  if (text.trim() === '') return { kind: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'bad', line, message: `${noun} ${line} is not valid JSON: ${detail}` };
  }
  if (!isPlainObject(value)) {
    return { kind: 'bad', line, message: `${noun} ${line} is not a JSON object (got ${describeValue(value)})` };
  }
  if ('payload' in value && 'capturedAt' in value) return { kind: 'message', message: fromRecord(value, line) };
  return { kind: 'message', message: { line, type: typeOfPayload(value), payload: value } };
}

/** Bare payloads name their type; `track` when they name none. */
export function typeOfPayload(payload: Record<string, unknown>): MessageType | 'unknown' {
  const type = payload['type'];
  if (type === undefined) return 'track';
  return isMessageType(type) ? type : 'unknown';
}

function fromRecord(value: Record<string, unknown>, line: number): ImportedMessage {
  const payload = value['payload'];
  const recordedType = value['type'];
  const type =
    isMessageType(recordedType) || recordedType === 'batch'
      ? recordedType
      : isPlainObject(payload)
        ? typeOfPayload(payload)
        : 'unknown';
  const capturedAt =
    typeof value['capturedAt'] === 'number' ? value['capturedAt'] : Date.parse(String(value['capturedAt']));
  const request = isPlainObject(value['request']) ? value['request'] : {};
  const undecodable = isPlainObject(value['undecodable'])
    ? { reason: textOf(value['undecodable']['reason'], ''), preview: textOf(value['undecodable']['preview'], '') }
    : undefined;
  const topUrl = value['topUrl'];
  const capture: Mutable<NonNullable<ImportedMessage['capture']>> = {
    capturedAt: Number.isNaN(capturedAt) ? 0 : capturedAt,
    tabId: typeof value['tabId'] === 'number' ? value['tabId'] : -1,
    pageUrl: typeof value['pageUrl'] === 'string' ? value['pageUrl'] : '',
    request: requestOf(request),
    sender: isSender(value['sender']) ? value['sender'] : 'custom',
  };
  // The rare fields added after, not spread in: one object of one shape for the usual line.
  if (typeof topUrl === 'string') capture.topUrl = topUrl;
  if (undecodable) capture.undecodable = undecodable;
  // No spread for the usual record, which is not a batch entry: this runs once per imported line.
  return isBatchPosition(value['batch'])
    ? { line, type, payload, batch: value['batch'], capture }
    : { line, type, payload, capture };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function requestOf(request: Record<string, unknown>): RequestInfo {
  const status = typeof request['status'] === 'number' ? request['status'] : null;
  const error = typeof request['error'] === 'string' ? request['error'] : null;
  const recorded = OUTCOME_KINDS.includes(request['outcome'] as OutcomeKind)
    ? (request['outcome'] as OutcomeKind)
    : undefined;
  // Exports made before the outcome kind was written: a status, else a failure, else pending.
  const outcome = recorded ?? (status !== null ? 'status' : error !== null ? 'failed' : 'pending');
  return { url: textOf(request['url'], ''), method: textOf(request['method'], 'POST'), outcome, status, error };
}

/** A field read as text: strings as they are, other values as JSON, absent ones as `fallback`. */
function textOf(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isBatchPosition(value: unknown): value is BatchPosition {
  return (
    isPlainObject(value) &&
    typeof value['index'] === 'number' &&
    typeof value['count'] === 'number' &&
    isPlainObject(value['inherited'])
  );
}
