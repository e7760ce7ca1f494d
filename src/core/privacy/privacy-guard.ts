/**
 * The privacy guard as validation runs it: a mode (findings are warnings, errors, or not looked for) and
 * the user's allow rules; and its findings as Problems, `source: 'privacy'`, `keyword: 'pii:<kind>'`,
 * the value masked in the message.
 */
import type { Problem, Validation } from '../types';
import type { AllowRule } from './allow-rules';
import { findPersonalData, type Finding, type PrivacyInput } from './find-personal-data';
import { formatPath, jsonPointer } from './field-path';
import { masked } from './mask';
import { KIND_DESCRIPTIONS } from './pii-kinds';

export const PII_MODES = ['warn', 'error', 'off'] as const;
export type PiiMode = (typeof PII_MODES)[number];

export interface PrivacyGuard {
  readonly mode: PiiMode;
  /** Fields where the user allows personal data, beside the default exemptions (allow-rules.ts). */
  readonly allow: readonly AllowRule[];
}

/** Findings are warnings, with the default exemptions only: what every input gets unless told otherwise. */
export const DEFAULT_PRIVACY_GUARD: PrivacyGuard = Object.freeze({ mode: 'warn', allow: Object.freeze([]) });

export function isPiiMode(value: unknown): value is PiiMode {
  return typeof value === 'string' && (PII_MODES as readonly string[]).includes(value);
}

const NOTHING: readonly Problem[] = Object.freeze([]);

/** The guard's problems for one message: none when it is off. Which list they go in is the caller's (by `mode`). */
export function privacyProblems(message: PrivacyInput, guard: PrivacyGuard): readonly Problem[] {
  if (guard.mode === 'off') return NOTHING;
  const findings = findPersonalData(message, guard.allow);
  return findings.length === 0 ? NOTHING : findings.map(findingProblem);
}

export function findingProblem(finding: Finding): Problem {
  const { detection, path, inherited } = finding;
  const where = formatPath(path);
  const from = inherited ? ' (inherited from the batch)' : '';
  return {
    path: jsonPointer(path),
    message: `${where} holds ${KIND_DESCRIPTIONS[detection.kind]}: ${masked(detection)}${from}`,
    keyword: `pii:${detection.kind}`,
    source: 'privacy',
  };
}

export function isPrivacyProblem(problem: Problem): boolean {
  return problem.source === 'privacy';
}

/** Whether a message has a finding of the guard, as a warning or an error: what the panel counts and filters. */
export function hasPrivacyFinding(validation: Validation): boolean {
  return validation.warnings.some(isPrivacyProblem) || validation.errors.some(isPrivacyProblem);
}
