/** NDJSON text -> re-validated MessageRecords plus the bad lines, by number: the NDJSON input (see input.ts). */
import { messageRecord } from './call-records';
import { validateAndLint, type InspectedMessage, type InspectOptions, type PlanChecker } from './inspect';
import { createLinter } from './lint';
import { parseNdjsonLine, type ImportedMessage } from './ndjson';
import { makeValidation, type MessageRecord } from './record';
import type { ValidationInput } from './validate';
import { sizeForLimits } from './body';
import type { InputItem } from './input';
import { jsonDocumentItems, looksLikeJsonDocument } from './json-document';
import type { PrivacyGuard } from './privacy/privacy-guard';

/** What could not be read: a line of NDJSON, or a message of a file that is one JSON document. */
export interface ImportProblem {
  readonly line?: number;
  readonly item?: number;
  readonly message: string;
}

export interface ImportResult {
  readonly records: MessageRecord[];
  readonly problems: ImportProblem[];
}

export interface ImportOptions {
  readonly strict: boolean;
  readonly checker?: PlanChecker | null;
  /** Personal data and secrets (core/privacy): absent, findings are warnings. */
  readonly privacy?: PrivacyGuard;
  readonly importedAt: number;
}

/** NDJSON text, or a file that is one JSON document (an array of messages, or one pretty-printed) -> records. */
export function importNdjson(text: string, options: ImportOptions): ImportResult {
  const read = ndjsonLineReader(options);
  const records: MessageRecord[] = [];
  const problems: ImportProblem[] = [];
  const documentItems = looksLikeJsonDocument(text) ? jsonDocumentItems(text) : null;
  if (documentItems) {
    for (const [index, value] of documentItems.entries()) {
      const item = read(JSON.stringify(value) ?? 'null', index + 1, true);
      if (item?.kind === 'problem') problems.push({ item: index + 1, message: item.message });
      else if (item) records.push(...item.records);
    }
    return { records, problems };
  }
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const lineText = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length + 1 : end + 1;
    const item = read(lineText, ++lineNumber);
    if (item?.kind === 'problem') problems.push({ line: lineNumber, message: item.message });
    else if (item) records.push(...item.records);
  }
  return { records, problems };
}

/**
 * The NDJSON input (see input.ts): one line -> its record, or why it could not be read; null for a blank line.
 * Lints across lines. `inDocument`: the text is a message of a file that is one JSON document, `line` its number.
 */
export function ndjsonLineReader(
  options: ImportOptions,
): (text: string, line: number, inDocument?: boolean) => InputItem | null {
  const { strict, privacy } = options;
  const checks = { strict, checker: options.checker ?? null, privacy, linter: createLinter() };
  return (text, line, inDocument = false) => {
    const parsed = parseNdjsonLine(text, line, inDocument ? 'message' : 'line');
    const at = inDocument ? { item: line } : { line };
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'bad') return { kind: 'problem', at, message: parsed.message };
    return {
      kind: 'records',
      at,
      records: [toRecord(parsed.message, options.importedAt, checks, sizeForLimits(text))],
    };
  };
}

/** One imported message -> its record, built as every input's records are (call-records.ts). */
function toRecord(
  message: ImportedMessage,
  importedAt: number,
  checks: Omit<InspectOptions, 'capturedAt'>,
  lineBytes: number,
): MessageRecord {
  const { capture } = message;
  const inspected = inspectImported(message, checks, lineBytes);
  if (!capture) {
    // A bare payload: there was no request to have an outcome or a sender, nor a time; it is shown at import time.
    const request = { url: '', method: 'POST', outcome: 'none', status: null, error: null } as const;
    return messageRecord({ capturedAt: importedAt, tabId: -1, pageUrl: '', request }, 'none', inspected);
  }
  const origin = readableCaptureTime(message) === undefined ? { ...capture, capturedAt: importedAt } : capture;
  return messageRecord(origin, capture.sender, inspected);
}

/**
 * One imported message validated again, as inspect.ts does a captured one: a record of an unreadable body, or of a
 * whole batch, stays an error saying so.
 */
function inspectImported(
  message: ImportedMessage,
  options: Omit<InspectOptions, 'capturedAt'>,
  lineBytes: number,
): InspectedMessage {
  const { type, payload, batch } = message;
  const undecodable = unreadable(message);
  if (undecodable) {
    const validation = makeValidation([{ path: '', message: undecodable.reason, keyword: 'decode' }], []);
    return { type, payload, batch, undecodable, validation };
  }
  const validation = validateAndLint(message as ValidationInput, options, lineBytes, readableCaptureTime(message));
  return { type, payload, batch, validation };
}

/** Why a record holds no message to validate: its body was unreadable, or it names a whole batch. */
function unreadable(message: ImportedMessage): NonNullable<MessageRecord['undecodable']> | undefined {
  const undecodable = message.capture?.undecodable;
  if (undecodable) return undecodable;
  return message.type === 'batch'
    ? { reason: 'the record names a whole batch, not one message', preview: '' }
    : undefined;
}

/** A record whose capture time could not be read (0) is shown at import time and not skew-linted. */
function readableCaptureTime(message: ImportedMessage): number | undefined {
  const at = message.capture?.capturedAt;
  return at !== undefined && at > 0 ? at : undefined;
}
