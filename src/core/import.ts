/** NDJSON text -> re-validated MessageRecords plus the bad lines, by number. */
import { validateAndLint, type InspectOptions, type PlanChecker } from './inspect';
import { createLinter, type Linter } from './lint';
import { parseNdjsonLine, type ImportedMessage } from './ndjson';
import { makeValidation, type MessageRecord } from './record';
import type { Validation } from './types';
import type { ValidationInput } from './validate';
import { sizeForLimits } from './body';

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
  const linter = createLinter();
  const records: MessageRecord[] = [];
  const problems: ImportProblem[] = [];
  let lineNumber = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const lineText = text.slice(start, end < 0 ? text.length : end);
    start = end < 0 ? text.length + 1 : end + 1;
    lineNumber++;
    const parsed = parseNdjsonLine(lineText, lineNumber);
    if (parsed.kind === 'bad') problems.push({ line: parsed.line, message: parsed.message });
    if (parsed.kind !== 'message') continue;
    records.push(toRecord(parsed.message, options, linter, sizeForLimits(lineText)));
  }
  return { records, problems };
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
  const capture = message.capture;
  if (capture?.undecodable || message.type === 'batch') {
    const reason = capture?.undecodable?.reason ?? 'the record names a whole batch, not one message';
    return { validation: makeValidation([{ path: '', message: reason, keyword: 'decode' }], []), undecodable: capture?.undecodable ?? { reason, preview: '' } };
  }
  return { validation: validateAndLint(message as ValidationInput, { ...options, capturedAt: readableCaptureTime(message) }, lineBytes) };
}

/** A record whose capture time could not be read (0) is shown at import time and not skew-linted. */
function readableCaptureTime(message: ImportedMessage): number | undefined {
  const at = message.capture?.capturedAt;
  return at !== undefined && at > 0 ? at : undefined;
}

function toRecord(message: ImportedMessage, options: ImportOptions, linter: Linter, lineBytes: number): MessageRecord {
  const capture = message.capture;
  return {
    capturedAt: readableCaptureTime(message) ?? options.importedAt,
    tabId: capture?.tabId ?? -1,
    pageUrl: capture?.pageUrl ?? '',
    ...(capture?.topUrl !== undefined ? { topUrl: capture.topUrl } : {}),
    request: capture?.request ?? { url: '', method: 'POST', outcome: 'pending', status: null, error: null },
    sender: capture?.sender ?? 'custom',
    type: message.type,
    payload: message.payload,
    ...(message.batch ? { batch: message.batch } : {}),
    ...validateImported(message, { strict: options.strict, plan: options.plan ?? null, linter }, lineBytes),
  };
}
