/**
 * Counts of strings (problem texts, event names) whose memory does not grow with the input: at most `capacity` are
 * kept. Below that every count is exact. Past it, the least counted is replaced by the newcomer, which inherits its
 * count (the space-saving algorithm, Metwally et al. 2005): a string sent more often than total / capacity times is
 * always kept, so the most common one is still found, and its count is never under its true count.
 *
 * A plain Map, so that a snapshot of it is its entries and a merge is a sum: coverage and diff tallies are merged
 * across tests and read from JSON.
 */
import { compareStrings } from '../plan/strings';

export type TopCounts = Map<string, number>;

export function countInto(counts: TopCounts, key: string, capacity: number, times = 1): void {
  const count = counts.get(key);
  if (count !== undefined) {
    counts.set(key, count + times);
    return;
  }
  if (counts.size < capacity) {
    counts.set(key, times);
    return;
  }
  const [leastKey, least] = leastCounted(counts);
  counts.delete(leastKey);
  counts.set(key, least + times);
}

/** Adds every count of `from` (a Map, or its entries as a snapshot holds them) into `counts`. */
export function mergeCounts(counts: TopCounts, from: Iterable<readonly [string, number]>, capacity: number): void {
  for (const [key, times] of from) countInto(counts, key, capacity, times);
}

/** The most counted string; a tie goes to the first in code-unit order, so a merge in any order says the same. */
export function mostCommon(counts: TopCounts): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** The entries, most counted first, then in code-unit order. */
export function byCount(counts: TopCounts): [string, number][] {
  return [...counts].sort(([a, m], [b, n]) => n - m || compareStrings(a, b));
}

function leastCounted(counts: TopCounts): [string, number] {
  let least: [string, number] = ['', Infinity];
  for (const entry of counts) if (entry[1] < least[1]) least = entry;
  return least;
}
