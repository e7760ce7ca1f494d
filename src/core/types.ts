/**
 * Shared vocabulary of the core: what a tracking call is, what a message is, what is wrong with it.
 *
 * Glossary (one word per idea, used the same way in every part of the code):
 * - call: one HTTP request to a tracking endpoint; its body holds one message or a batch.
 * - message: one track / identify / page / screen / group / alias payload (a batch entry is one).
 * - record: a message as captured: payload, request, page, time, and its validation.
 * - capture pipeline: request events, page body reports and document facts -> records
 *   (core/capture). A host feeds it: the extension's background, or a test fixture.
 * - timeline: one tab's records and navigation markers in time order; an entry is one of them.
 * - inspect: what is done to one call's body: decode it, then validate and lint each message.
 * - validate: check one message against the June schemas (default or strict mode).
 * - lint: warnings that need the capture around a message (retries, drift, sizes, clock skew).
 * - problem: one error, warning or note, with the path of the field it concerns.
 * - note: how default mode read a message (an anonymous visitor's null or "" userId taken as absent); worth
 *   knowing, never counted: not a warning.
 * - validation: the result for one message: valid, its errors and its warnings (and notes, when it has some).
 * - verdict: a validation in a few words ("valid", "2 errors", "1 error · 1 warning"), as the Verdict column shows it.
 * - user settings: what the user set in the options page (hosts, buffer size, Strict, unplanned).
 * - plan file: a tracking plan's file as the user loaded it (its name, text and when); opening it
 *   gives a tracking plan.
 * - tracking plan: the team's rules, loaded (core/plan/load); each rule compiles to a check (plan/rule).
 * - plan checker: what checks one message against a tracking plan (plan/check).
 * - validation mode: what messages are validated with (Strict, unplanned, the plan checker),
 *   derived from the user settings and the plan file; its validation summary is what a panel is told.
 */

export const MESSAGE_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** A tracking call's URL names either one message type or a batch of them. */
export type CallType = MessageType | 'batch';

/**
 * Who the call went to: a known endpoint's SDK, `custom` (a host the user added: the options page's extra hosts, the
 * fixture's `hosts`), or `none` (no call at all: a bare payload imported from NDJSON).
 */
export const SENDERS = ['june', 'segment', 'rudderstack', 'custom', 'none'] as const;
export type Sender = (typeof SENDERS)[number];

export function isSender(value: unknown): value is Sender {
  return typeof value === 'string' && (SENDERS as readonly string[]).includes(value);
}

/**
 * One thing wrong (an error), worth a look (a warning) or worth knowing (a note) with a message, pointing at the field.
 */
export interface Problem {
  /** JSON Pointer into the payload as sent ("" is the whole payload). */
  readonly path: string;
  /** Plain English that names the field and, where there is one, the value. */
  readonly message: string;
  /**
   * ajv's keyword for schema errors (`format`, `required`…), `lint:*` for warnings, `plan:*` for the plan's own,
   * `pii:<kind>` for the privacy guard's, `identity:null` / `identity:empty` for notes.
   */
  readonly keyword: string;
  /**
   * Who found it: the team's tracking plan, the privacy guard (personal data or a secret, core/privacy), or (when
   * absent) the June schema and our own checks.
   */
  readonly source?: 'schema' | 'plan' | 'privacy';
}

export interface Validation {
  readonly valid: boolean;
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
  /**
   * How default mode read the message (identity-notes.ts), never counted as errors or warnings. Absent when there are
   * none: records, their NDJSON lines and what older versions exported stay as they were.
   */
  readonly notes?: readonly Problem[];
}

/** Batch-level fields a batch entry inherits where it lacks them. Kept beside the entry, never in it. */
export interface BatchInherited {
  readonly sentAt?: unknown;
  readonly writeKey?: unknown;
  readonly context?: unknown;
}

export interface BatchPosition {
  /** 1-based position within the batch ("3 of 20"). */
  readonly index: number;
  readonly count: number;
  readonly inherited: BatchInherited;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && (MESSAGE_TYPES as readonly string[]).includes(value);
}
