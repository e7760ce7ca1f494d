/** The core pipeline for one request: decode -> validate -> lint, one result per message. */
import type { RequestBody } from './body';
import { decodeBody } from './decode';
import type { TrackingCall } from './endpoints';
import { SPELLING_KEYWORD, type Linter } from './lint';
import { isLintWarning, makeValidation, type MessageRecord } from './record';
import { validateMessage, type ValidationInput } from './validate';
import { isMessageType, type Problem, type Validation } from './types';
import { DEFAULT_PRIVACY_GUARD, isPrivacyProblem, privacyProblems, type PrivacyGuard } from './privacy/privacy-guard';

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
 * What messages are validated with: Strict mode, the tracking plan's checker (null without a
 * plan), and the privacy guard (absent: DEFAULT_PRIVACY_GUARD, findings as warnings). The extension derives
 * it from the user's settings (shared/settings/validation-mode.ts), the CLI from its options.
 */
export interface ValidationMode {
  readonly strict: boolean;
  readonly checker: PlanChecker | null;
  readonly privacy?: PrivacyGuard;
}

export interface InspectOptions {
  readonly strict: boolean;
  readonly linter: Linter;
  readonly checker?: PlanChecker | null;
  /** Personal data and secrets: warnings, errors or off, and the user's allow rules. Absent: warnings. */
  readonly privacy?: PrivacyGuard;
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
  const { errors, notes } = validateMessage(message, options.strict);
  const lint = options.linter.lint(message, { capturedAt, bodyBytes });
  const privacy = options.privacy ?? DEFAULT_PRIVACY_GUARD;
  const found = privacyProblems(message, privacy);
  const plan = options.checker ? options.checker(message) : null;
  const allErrors = plan ? joined(errors, plan.errors) : errors;
  const allWarnings = plan ? joined(lint.filter(notSpelling), plan.warnings) : lint;
  return privacy.mode === 'error'
    ? makeValidation(joined(allErrors, found), allWarnings, notes)
    : makeValidation(allErrors, joined(allWarnings, found), notes);
}

/** With a plan, a misspelt event name is the plan's to name ("did you mean"): the linter's guess would repeat it. */
const notSpelling = (problem: Problem) => problem.keyword !== SPELLING_KEYWORD;

/** Both lists in one; either as it is when the other is empty (most messages have no problems to join). */
function joined(first: readonly Problem[], second: readonly Problem[]): readonly Problem[] {
  return second.length === 0 ? first : first.length === 0 ? second : [...first, ...second];
}

const fromPlan = (problem: Problem) => problem.source === 'plan';

/**
 * Raised whenever the same message, in the same mode, gets another validation from this code: a timeline the
 * extension stored under another revision is validated again at its next start (shared/settings/validation-mode.ts).
 */
export const VALIDATION_REVISION = 3;

/**
 * Validation redone in another mode or under another plan. The capture's lint warnings stay: they
 * judged the capture as it happened. The rest is made again (a record stored by an older version may hold
 * what is now a note among its warnings). `checker` 'keep' leaves the plan's findings as they were (the
 * Strict toggle does not change them); a checker, or null for no plan, replaces them. The privacy guard's findings
 * depend on the payload alone: made again with `privacy`, cheaply; 'keep' leaves them as they were (the panel's
 * Strict toggle does not change the guard, and a default guard would bring back what the user's allow rules allow).
 */
export function revalidateRecord(
  record: MessageRecord,
  strict: boolean,
  checker: PlanChecker | null | 'keep' = 'keep',
  privacy: PrivacyGuard | 'keep' = DEFAULT_PRIVACY_GUARD,
): MessageRecord {
  const { type, payload, batch, undecodable } = record;
  if (undecodable || !(isMessageType(type) || type === 'unknown')) return record;
  const message: ValidationInput = { type, payload, ...(batch ? { batch } : {}) };
  const { errors, notes } = validateMessage(message, strict);
  const { validation } = record;
  const planned =
    checker === 'keep'
      ? { errors: validation.errors.filter(fromPlan), warnings: validation.warnings.filter(fromPlan) }
      : checker
        ? checker(message)
        : { errors: [], warnings: [] };
  const found =
    privacy === 'keep'
      ? { errors: validation.errors.filter(isPrivacyProblem), warnings: validation.warnings.filter(isPrivacyProblem) }
      : privacy.mode === 'error'
        ? { errors: privacyProblems(message, privacy), warnings: [] }
        : { errors: [], warnings: privacyProblems(message, privacy) };
  return {
    ...record,
    validation: makeValidation(
      [...errors, ...planned.errors, ...found.errors],
      [
        ...validation.warnings.filter((p) => isLintWarning(p) && (checker === 'keep' || !checker || notSpelling(p))),
        ...planned.warnings,
        ...found.warnings,
      ],
      notes,
    ),
  };
}
