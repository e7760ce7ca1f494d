/**
 * Where the privacy guard flagged a payload, for the JSON tree to mark: each flagged field's JSON Pointer with the
 * kinds found there (a finding's keyword is `pii:<kind>`), and the words its mark's title says.
 */
import { KIND_DESCRIPTIONS, PII_KINDS, type PiiKind } from '../../core/privacy/pii-kinds';
import { isPrivacyProblem } from '../../core/privacy/privacy-guard';
import type { Validation } from '../../core/types';

export type PrivacyKinds = ReadonlyMap<string, readonly PiiKind[]>;

export function privacyKindsByPath({ errors, warnings }: Validation): PrivacyKinds {
  const kinds = new Map<string, PiiKind[]>();
  for (const problem of [...errors, ...warnings]) {
    if (!isPrivacyProblem(problem)) continue;
    const kind = problem.keyword.slice('pii:'.length) as PiiKind;
    if (!PII_KINDS.includes(kind)) continue; // a record from a later version, naming a kind this one does not know
    const here = kinds.get(problem.path) ?? [];
    if (!here.includes(kind)) kinds.set(problem.path, [...here, kind]);
  }
  return kinds;
}

/** `Privacy: an email address`: what the guard found in a field, in the words its findings use. */
export function privacyMarkTitle(kinds: readonly PiiKind[]): string {
  const found = kinds.map((kind) => KIND_DESCRIPTIONS[kind]).join('; ');
  return `Privacy: ${found} (shown as sent; Export NDJSON (redacted) replaces it)`;
}
