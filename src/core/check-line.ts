/** One NDJSON line -> its validation, as the CLI reports it. Stateful across lines (lint). */
import { sizeForLimits } from './body';
import { validateImported } from './import';
import type { PlanChecker } from './inspect';
import { createLinter } from './lint';
import { parseNdjsonLine } from './ndjson';
import type { Problem } from './types';

export interface LineResult {
  readonly line: number;
  readonly valid: boolean;
  readonly type: string | null;
  readonly event: string | null;
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/** `plan`: the team's tracking plan, checked beside the June schema (the CLI's --plan). */
export function createLineChecker(strict: boolean, plan: PlanChecker | null = null): (text: string, line: number) => LineResult | null {
  const linter = createLinter();
  return (text, line) => {
    const parsed = parseNdjsonLine(text, line);
    if (parsed.kind === 'blank') return null;
    if (parsed.kind === 'bad') {
      return { line, valid: false, type: null, event: null, errors: [{ path: '', message: parsed.message, keyword: 'parse' }], warnings: [] };
    }
    const { type, payload } = parsed.message;
    const event = eventOf(payload);
    const { valid, errors, warnings } = validateImported(parsed.message, { strict, linter, plan }, sizeForLimits(text)).validation;
    return { line, valid, type, event, errors, warnings };
  };
}

/** A track message's event name, or null. */
export function eventOf(payload: unknown): string | null {
  return typeof (payload as { event?: unknown } | null)?.event === 'string' ? (payload as { event: string }).event : null;
}
