/** NDJSON text -> re-validated MessageRecords plus the bad lines, by number: the NDJSON input (see input.ts). */
import { validateAndLint, type InspectOptions, type PlanChecker } from './inspect';
import { createLinter } from './lint';
import { parseNdjsonLine, type ImportedMessage } from './ndjson';
import { makeValidation, type MessageRecord } from './record';
import type { Validation } from './types';
import type { ValidationInput } from './validate';
import { sizeForLimits } from './body';
import type { InputItem } from './input';

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

export interface ImportResult {
  readonly records: MessageRecord[];
  readonly problems: ImportProblem[];
}

export interface ImportOptions {
  readonly strict: boolean;
  readonly plan?: PlanChecker | null;
  readonly importedAt: number;
}

export function importNdjson(text: string, options: ImportOptions): ImportResult {
  const read = ndjsonLineReader(options);
  const records: MessageRecord[] = [];
  const problems: ImportProblem[] = [];
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

/** The NDJSON input (see input.ts): one line -> its record, or why it could not be read; null for a blank line. Lints across lines. */
export function ndjsonLineReader(options: ImportOptions): (text: string, line: number) => InputItem | null {
  const checks = { strict: options.strict, plan: options.plan ?? null, linter: createLinter() };
  return (text, line) => {
    const parsed = parseNdjsonLine(text, line);
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'bad') return { kind: 'problem', at: { line }, message: parsed.message };
    return {
      kind: 'records',
      at: { line },
      records: [toRecord(parsed.message, options.importedAt, checks, sizeForLimits(text))],
    };
  };
}

/**
 * The validation of one imported message, done again: a record of an unreadable body, or of a whole
 * batch, stays an error saying so. Shared by the panel's import and the CLI.
 */
export function validateImported(
  message: ImportedMessage,
  options: Omit<InspectOptions, 'capturedAt'>,
  lineBytes: number,
): { validation: Validation; undecodable?: NonNullable<MessageRecord['undecodable']> } {
  const undecodable = unreadable(message);
  if (undecodable)
    return {
      validation: makeValidation([{ path: '', message: undecodable.reason, keyword: 'decode' }], []),
      undecodable,
    };
  return { validation: validateAndLint(message as ValidationInput, options, lineBytes, readableCaptureTime(message)) };
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

function toRecord(
  message: ImportedMessage,
  importedAt: number,
  checks: Omit<InspectOptions, 'capturedAt'>,
  lineBytes: number,
): MessageRecord {
  const { capture, type, payload, batch } = message;
  const { validation, undecodable } = validateImported(message, checks, lineBytes);
  const capturedAt = readableCaptureTime(message) ?? importedAt;
  const tabId = capture?.tabId ?? -1;
  const pageUrl = capture?.pageUrl ?? '';
  const request = capture?.request ?? { url: '', method: 'POST', outcome: 'pending', status: null, error: null };
  const sender = capture?.sender ?? 'custom';
  // The common record as one literal (one shape for 100,000 of them); the rare optional fields through spreads.
  if (capture?.topUrl === undefined && !batch && !undecodable)
    return { capturedAt, tabId, pageUrl, request, sender, type, payload, validation };
  return {
    capturedAt,
    tabId,
    pageUrl,
    ...(capture?.topUrl !== undefined ? { topUrl: capture.topUrl } : {}),
    request,
    sender,
    type,
    payload,
    ...(batch ? { batch } : {}),
    ...(undecodable ? { undecodable } : {}),
    validation,
  };
}
