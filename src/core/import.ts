/** NDJSON text -> re-validated MessageRecords plus the bad lines, by number. */
import { judge } from './inspect';
import { createLinter } from './lint';
import { parseNdjsonLine, type ImportedMessage } from './ndjson';
import { verdict, type MessageRecord } from './record';
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

export function importNdjson(text: string, options: { strict: boolean; importedAt: number }): ImportResult {
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

function toRecord(
  message: ImportedMessage,
  options: { strict: boolean; importedAt: number },
  linter: ReturnType<typeof createLinter>,
  lineBytes: number,
): MessageRecord {
  const capture = message.capture;
  // A record whose capture time could not be read (0) is shown at import time and not skew-linted.
  const capturedAt = capture && capture.capturedAt > 0 ? capture.capturedAt : undefined;
  const base = {
    capturedAt: capturedAt ?? options.importedAt,
    tabId: capture?.tabId ?? -1,
    pageUrl: capture?.pageUrl ?? '',
    request: capture?.request ?? { url: '', method: 'POST', status: null, error: null },
    sender: capture?.sender ?? 'custom',
    payload: message.payload,
    ...(message.batch ? { batch: message.batch } : {}),
  } as const;
  const undecodable = capture?.undecodable;
  if (undecodable || message.type === 'batch') {
    const reason = undecodable?.reason ?? 'the record names a whole batch, not one message';
    const error = { path: '', message: reason, keyword: 'decode' };
    return { ...base, type: message.type, undecodable: undecodable ?? { reason, preview: '' }, validation: verdict([error], []) };
  }
  const validation = judge(message as ValidationInput, { strict: options.strict, linter, capturedAt }, lineBytes);
  return { ...base, type: message.type, validation };
}
