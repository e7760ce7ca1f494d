/** One captured message as the store, the panel and NDJSON see it. */
import type { BatchPosition, CallType, Problem, Sender, Validation } from './types';

/**
 * What became of a request: an HTTP `status`; `failed` (a network error); `blocked` by the browser
 * or an extension; `unload` (sent while the page unloaded, outcome unknown); `unseen` (the page
 * reported sending it, and the browser never showed the request); `none` (there was no request: a bare
 * payload imported); or still `pending`.
 */
export type OutcomeKind = 'pending' | 'status' | 'failed' | 'blocked' | 'unload' | 'unseen' | 'none';
export const OUTCOME_KINDS: readonly OutcomeKind[] = [
  'pending',
  'status',
  'failed',
  'blocked',
  'unload',
  'unseen',
  'none',
];

export interface RequestInfo {
  readonly url: string;
  readonly method: string;
  readonly outcome: OutcomeKind;
  /** HTTP status once known; null while pending or when the request failed. */
  readonly status: number | null;
  /**
   * What happened, in words, when it is not a status (`blocked by the browser or an extension
   * (net::ERR_BLOCKED_BY_CLIENT)`), or null.
   */
  readonly error: string | null;
}

export interface MessageRecord {
  /** Milliseconds since the epoch. */
  readonly capturedAt: number;
  readonly tabId: number;
  /** The URL of the document that sent the call (an iframe's own URL when an iframe sent it). */
  readonly pageUrl: string;
  /** The tab's top page, when the call came from an iframe of it. */
  readonly topUrl?: string;
  readonly request: RequestInfo;
  readonly sender: Sender;
  /** The message type; for an undecodable body, the call type its URL named. */
  readonly type: CallType | 'unknown';
  /** The message exactly as sent; null when the body could not be decoded. */
  readonly payload: unknown;
  readonly batch?: BatchPosition;
  /** Set when the body could not be decoded: why, in plain words, and the start of the body. */
  readonly undecodable?: { readonly reason: string; readonly preview: string };
  readonly validation: Validation;
}

/**
 * The validation of a message with nothing to say, shared by all of them (frozen): 100,000 records need not hold
 * 100,000 copies.
 */
const NOTHING_FOUND: Validation = Object.freeze({
  valid: true,
  errors: Object.freeze([]),
  warnings: Object.freeze([]),
});

const NO_NOTES: readonly Problem[] = Object.freeze([]);

export function makeValidation(
  errors: readonly Problem[],
  warnings: readonly Problem[],
  notes: readonly Problem[] = NO_NOTES,
): Validation {
  if (notes.length > 0) return { valid: errors.length === 0, errors, warnings, notes };
  if (errors.length === 0 && warnings.length === 0) return NOTHING_FOUND;
  return { valid: errors.length === 0, errors, warnings };
}

/** Lint warnings depend on the capture, not on the mode: kept when strict mode re-validates. */
export function isLintWarning(problem: Problem): boolean {
  return problem.keyword.startsWith('lint:');
}

/**
 * Every problem as exported says where it came from: the team's plan, the linter (what needs the capture
 * around a message: duplicates, type drift, sizes, clock skew), the privacy guard (personal data or a secret), or the
 * June schema and our checks of one message.
 */
export type ProblemSource = 'schema' | 'lint' | 'plan' | 'privacy';

export function withSource(problem: Problem): Omit<Problem, 'source'> & { readonly source: ProblemSource } {
  // Key by key, not `{ ...problem, source }`: on Node 20 that object would get a hidden class of its own, kept in the
  // old generation until a full collection, for every problem written (explain-rule-errors.ts says more).
  const { path, message, keyword } = problem;
  return { path, message, keyword, source: problem.source ?? (isLintWarning(problem) ? 'lint' : 'schema') };
}
