/** One NDJSON line -> one verdict, as the CLI reports it. Stateful across lines (lint). */
import { judge } from './inspect';
import { createLinter } from './lint';
import { parseNdjsonLine } from './ndjson';
import { isMessageType, type Problem } from './types';
import { sizeForLimits } from './body';

export interface LineResult {
  readonly line: number;
  readonly valid: boolean;
  readonly type: string | null;
  readonly event: string | null;
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

export function createLineChecker(strict: boolean): (text: string, line: number) => LineResult | null {
  const linter = createLinter();
  return (text, line) => {
    const parsed = parseNdjsonLine(text, line);
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'bad') {
      return { line, valid: false, type: null, event: null, errors: [{ path: '', message: parsed.message, keyword: 'parse' }], warnings: [] };
    }
    const { type, payload, batch, capture } = parsed.message;
    const event = typeof (payload as { event?: unknown } | null)?.event === 'string' ? (payload as { event: string }).event : null;
    if (capture?.undecodable || !(isMessageType(type) || type === 'unknown')) {
      const reason = capture?.undecodable?.reason ?? `the record names a whole ${type}, not one message`;
      return { line, valid: false, type, event, errors: [{ path: '', message: reason, keyword: 'decode' }], warnings: [] };
    }
    const capturedAt = capture && capture.capturedAt > 0 ? capture.capturedAt : undefined;
    const { valid, errors, warnings } = judge({ type, payload, ...(batch ? { batch } : {}) }, { strict, linter, capturedAt }, sizeForLimits(text));
    return { line, valid, type, event, errors, warnings };
  };
}
