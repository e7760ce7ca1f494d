/**
 * Validates one message against the bundled June schemas (precompiled at build time: no eval).
 * Default mode reads the identity SDKs send for anonymous visitors (`null`, `""`) as absent, with a note
 * (identity-notes.ts); strict mode checks the payload exactly as sent.
 */
import { alias, group, identify, page, screen, track, declaredFields } from './generated/validators.js';
import type { ValidateFunction } from './generated/validate-function';
import { describeValue, explainErrors } from './explain';
import { absentIdentityNote, IDENTITY_FIELDS, isAbsentIdentity, type IdentityField } from './identity-notes';
import {
  MESSAGE_TYPES,
  isPlainObject,
  type BatchInherited,
  type BatchPosition,
  type MessageType,
  type Problem,
} from './types';

export interface ValidationInput {
  readonly type: MessageType | 'unknown';
  readonly payload: unknown;
  readonly batch?: BatchPosition;
}

export interface SchemaProblems {
  readonly errors: readonly Problem[];
  /** How default mode read the message (an anonymous identity taken as absent): worth knowing, never counted. */
  readonly notes: readonly Problem[];
}

const VALIDATORS: Readonly<Record<MessageType, ValidateFunction>> = { track, identify, page, screen, group, alias };
const NOTHING_INHERITED: readonly [string, unknown][] = [];
const NO_FIELDS: readonly IdentityField[] = [];
/**
 * The errors or notes of a message with none, shared: a capture or an import keeps 100,000
 * validations, and two empty arrays each were most of what the collector had to move. Frozen, so a
 * caller that tried to add to it would fail loudly rather than add to every message's list.
 */
const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

export function validateMessage(input: ValidationInput, strict: boolean): SchemaProblems {
  const { payload, type } = input;
  if (!isPlainObject(payload)) {
    return {
      errors: [
        { path: '', message: `the message must be a JSON object, got ${describeValue(payload)}`, keyword: 'type' },
      ],
      notes: NO_PROBLEMS,
    };
  }
  if (type === 'unknown') {
    const got = payload['type'] === undefined ? 'it has none' : `got ${describeValue(payload['type'])}`;
    const message = `type must name the message type in a batch entry (${MESSAGE_TYPES.join(', ')}); ${got}`;
    return { errors: [{ path: '/type', message, keyword: 'enum' }], notes: NO_PROBLEMS };
  }

  const inherited = inheritedToApply(payload, input.batch?.inherited, declaredFields[type]);
  const absent = strict ? NO_FIELDS : absentIdentities(payload);
  const notes: readonly Problem[] =
    absent.length === 0 ? NO_PROBLEMS : absent.map((field) => absentIdentityNote(field, payload[field]));
  // Copy only when something changes: most messages are validated as they are, which keeps the hot
  // path as fast as the generated validator itself.
  const effective = inherited.length || absent.length ? adjusted(payload, inherited, absent) : payload;

  const validate = VALIDATORS[type];
  if (validate(effective)) return { errors: NO_PROBLEMS, notes };
  const inheritedKeys = new Set(inherited.map(([key]) => key));
  const errors = explainErrors(validate.errors ?? [], effective).map((problem) =>
    inheritedKeys.has(problem.path.split('/')[1] ?? '')
      ? { ...problem, message: `${problem.message} (inherited from the batch)` }
      : problem,
  );
  return { errors, notes };
}

/** The identity fields default mode reads as absent; none, without an array, for most messages. */
function absentIdentities(payload: Record<string, unknown>): readonly IdentityField[] {
  if (!isAbsentIdentity(payload['userId']) && !isAbsentIdentity(payload['anonymousId'])) return NO_FIELDS;
  return IDENTITY_FIELDS.filter((field) => isAbsentIdentity(payload[field]));
}

/** Batch-level fields the entry lacks and its schema checks (sentAt / writeKey are checked by none). */
function inheritedToApply(
  payload: Record<string, unknown>,
  inherited: BatchInherited | undefined,
  declared: readonly string[],
): readonly [string, unknown][] {
  if (!inherited) return NOTHING_INHERITED;
  let toApply: [string, unknown][] | undefined;
  // A loop with no array until something applies: this runs for every batch entry, and most lack nothing their schema
  // checks.
  for (const key in inherited) {
    if (payload[key] === undefined && declared.includes(key))
      (toApply ??= []).push([key, inherited[key as keyof BatchInherited]]);
  }
  return toApply ?? NOTHING_INHERITED;
}

function adjusted(
  payload: Record<string, unknown>,
  inherited: readonly [string, unknown][],
  removed: readonly string[],
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(payload)) if (!removed.includes(key)) copy[key] = payload[key];
  for (const [key, value] of inherited) copy[key] = value;
  return copy;
}
