/**
 * What a test hands the coverage reporter: the coverage of its own capture (the plan's rules it met, labelled with its
 * title) as JSON, with the plan file it was judged by, so that the reporter, in the runner's process, can sum every
 * test's without a plan option of its own.
 */
import { createCoverage, type CoverageSnapshot } from '../core/coverage/coverage-tally';
import type { TrackingPlan } from '../core/plan/tracking-plan';
import type { TrackedMessage } from './tracked-message';

/** The attachment's name: the reporter reads attachments by it. */
export const COVERAGE_ATTACHMENT = 'track-inspector-coverage';

export interface CoverageAttachment {
  /** The plan file, absolute. */
  readonly planFile: string;
  readonly snapshot: CoverageSnapshot;
}

export function coverageAttachment(
  plan: { readonly file: string; readonly plan: TrackingPlan },
  messages: readonly TrackedMessage[],
  title: string,
): CoverageAttachment {
  const coverage = createCoverage(plan.plan);
  for (const { type, payload, undecodable, validation } of messages) {
    // Coverage reads a message's verdict and errors' words; a tracked problem's `source` names the linter too.
    const errors = validation.errors.map(({ path, message, keyword }) => ({ path, message, keyword }));
    const judged = { valid: validation.valid, errors, warnings: [] };
    coverage.add({ type, payload: payload as unknown, validation: judged, ...(undecodable && { undecodable }) }, title);
  }
  return { planFile: plan.file, snapshot: coverage.snapshot() };
}
