/** The core pipeline for one request: decode -> validate -> lint, one result per message. */
import type { RequestBody } from './body';
import { decodeBody } from './decode';
import type { TrackingCall } from './endpoints';
import type { Linter } from './lint';
import { isLintWarning, makeValidation, type MessageRecord } from './record';
import { validateMessage, type ValidationInput } from './validate';
import { isMessageType, type Problem, type Validation } from './types';

export type InspectedMessage = Pick<MessageRecord, 'type' | 'payload' | 'batch' | 'undecodable' | 'validation'>;

/**
 * Checks one message against the team's tracking plan (see plan/check/check-plan.ts `planChecker`), a batch entry
 * with what it inherits from its batch. Passed in rather than imported, so a bundle that never loads a
 * plan does not carry the plan validator.
 */
export type PlanChecker = (message: ValidationInput) => {
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
};

/**
 * What messages are validated with: Strict mode, and the tracking plan's checker (null without a
 * plan). The extension derives it from the user's settings (shared/settings/validation-mode.ts),
 * the CLI from its options.
 */
export interface ValidationMode {
  readonly strict: boolean;
  readonly checker: PlanChecker | null;
}

export interface InspectOptions {
  readonly strict: boolean;
  readonly linter: Linter;
  readonly checker?: PlanChecker | null;
  /** Reference for the clock-skew warning; undefined when unknown (bare payloads). */
  readonly capturedAt: number | undefined;
}

export function inspectCall(call: TrackingCall, body: RequestBody, options: InspectOptions): InspectedMessage[] {
  const decoded = decodeBody(body, call.callType);
  if (!decoded.ok) {
    const undecodable = { reason: decoded.reason, preview: decoded.preview };
    const error = { path: '', message: decoded.reason, keyword: 'decode' };
    return [{ type: call.callType, payload: null, undecodable, validation: makeValidation([error], []) }];
  }
  // Literals of one shape, not spreads: this runs once per message.
  return decoded.messages.map((message) => {
    const { type, payload, batch } = message;
    const validation = validateAndLint(message, options, decoded.bodyBytes, options.capturedAt);
    return batch ? { type, payload, batch, validation } : { type, payload, validation };
  });
}

/** `capturedAt` apart from the options: an import has one per line, and options built per line cost an object each. */
export function validateAndLint(
  message: ValidationInput,
  options: Omit<InspectOptions, 'capturedAt'>,
  bodyBytes: number,
  capturedAt: number | undefined,
): Validation {
  const { errors, warnings } = validateMessage(message, options.strict);
  const lint = options.linter.lint(message, { capturedAt, bodyBytes });
  // Most messages have no warnings of either kind: no new array for them.
  const schemaWarnings = lint.length === 0 ? warnings : warnings.length === 0 ? lint : [...warnings, ...lint];
  if (!options.checker) return makeValidation(errors, schemaWarnings);
  const plan = options.checker(message);
  return makeValidation(joined(errors, plan.errors), joined(schemaWarnings, plan.warnings));
}

/** Both lists in one; either as it is when the other is empty (most messages have no problems to join). */
function joined(first: readonly Problem[], second: readonly Problem[]): readonly Problem[] {
  return second.length === 0 ? first : first.length === 0 ? second : [...first, ...second];
}

const fromPlan = (problem: Problem) => problem.source === 'plan';

/**
 * Validation redone in another mode or under another plan. The capture's lint warnings stay: they
 * judged the capture as it happened. `checker` 'keep' leaves the plan's findings as they were (the
 * Strict toggle does not change them); a checker, or null for no plan, replaces them.
 */
export function revalidateRecord(
  record: MessageRecord,
  strict: boolean,
  checker: PlanChecker | null | 'keep' = 'keep',
): MessageRecord {
  const { type, payload, batch, undecodable } = record;
  if (undecodable || !(isMessageType(type) || type === 'unknown')) return record;
  const message: ValidationInput = { type, payload, ...(batch ? { batch } : {}) };
  const { errors, warnings } = validateMessage(message, strict);
  const { validation } = record;
  const planned =
    checker === 'keep'
      ? { errors: validation.errors.filter(fromPlan), warnings: validation.warnings.filter(fromPlan) }
      : checker
        ? checker(message)
        : { errors: [], warnings: [] };
  return {
    ...record,
    validation: makeValidation(
      [...errors, ...planned.errors],
      [...warnings, ...validation.warnings.filter(isLintWarning), ...planned.warnings],
    ),
  };
}
