/**
 * Coverage of the tracking plan by the session on show, kept up as it grows. The messages are tallied in chunks, each
 * remembered with the records it counted: a publish re-tallies only the chunks whose records changed (the new calls at
 * the end, a recent call whose HTTP outcome arrived), and the report merges the chunks' counts. Tallying every message
 * again on each publish would cost time in proportion to the session, 10 times a second while calls stream in.
 */
import { computed, type ReadonlySignal } from '@preact/signals';
import { createCoverage, type Coverage, type CoverageSnapshot } from '../../core/coverage/coverage-tally';
import type { CoverageReport } from '../../core/coverage/coverage-report';
import type { TrackingPlan } from '../../core/plan/tracking-plan';
import type { MessageRecord } from '../../core/record';
import type { MessageRow } from './rows';

/** Messages per chunk: small enough that re-tallying the last one per publish is quick, large enough to merge few. */
export const COVERAGE_CHUNK = 1000;

interface Chunk {
  readonly coverage: Coverage;
  /** The records counted, in order: the chunk holds while the session's records at its place are these. */
  readonly records: MessageRecord[];
  /** Taken once the chunk is full, and kept while it holds. */
  snapshot: CoverageSnapshot | null;
}

export function createSessionCoverage(
  plan: ReadonlySignal<TrackingPlan | null>,
  messages: ReadonlySignal<readonly MessageRow[]>,
): ReadonlySignal<CoverageReport | null> {
  let chunks: Chunk[] = [];
  let chunksPlan: TrackingPlan | null = null;
  return computed(() => {
    const current = plan.value;
    const rows = messages.value;
    if (!current) return null;
    if (current !== chunksPlan) [chunks, chunksPlan] = [[], current];
    const count = Math.ceil(rows.length / COVERAGE_CHUNK);
    chunks.length = Math.min(chunks.length, count);
    const total = createCoverage(current);
    for (let index = 0; index < count; index++) {
      const chunk = tallied(chunks[index], current, rows, index * COVERAGE_CHUNK);
      chunks[index] = chunk;
      if (chunk.records.length === COVERAGE_CHUNK) total.merge((chunk.snapshot ??= chunk.coverage.snapshot()));
      else total.merge(chunk.coverage.snapshot());
    }
    return total.report();
  });
}

/** The chunk of `rows` from `start` on: `chunk` itself, extended when more came, or tallied anew when one changed. */
function tallied(chunk: Chunk | undefined, plan: TrackingPlan, rows: readonly MessageRow[], start: number): Chunk {
  const end = Math.min(rows.length, start + COVERAGE_CHUNK);
  const holds =
    chunk && chunk.records.length <= end - start && chunk.records.every((r, i) => r === rows[start + i]?.record);
  const kept = holds ? chunk : { coverage: createCoverage(plan), records: [], snapshot: null };
  for (let index = start + kept.records.length; index < end; index++) {
    const record = (rows[index] as MessageRow).record;
    kept.coverage.add(record);
    kept.records.push(record);
  }
  return kept;
}
