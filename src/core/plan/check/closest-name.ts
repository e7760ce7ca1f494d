/**
 * "Did you mean" for an event the plan lacks: the planned name closest to the one sent, when it is
 * close enough to be a slip (`Signed up` for `Signed Up`, `Order Complete` for `Order Completed`).
 * Close means equal ignoring case, or, when both names have 5 characters or more, at most 2 edits apart
 * (insertions, deletions, substitutions and swaps of neighbours, ignoring case).
 */
import { compareStrings } from '../strings';

const MAX_EDITS = 2;
const MIN_LENGTH_FOR_EDITS = 5;

/**
 * The closest planned name, or undefined. Ties go to fewer edits counting case, then to code-unit order:
 * the same answer every time.
 */
export function closestName(sent: string, planned: Iterable<string>): string | undefined {
  const lower = sent.toLowerCase();
  let best: { name: string; edits: number; exactEdits: number } | undefined;
  for (const name of planned) {
    const nameLower = name.toLowerCase();
    const longEnough = Math.min(sent.length, name.length) >= MIN_LENGTH_FOR_EDITS;
    const edits = nameLower === lower ? 0 : longEnough ? editDistance(lower, nameLower, MAX_EDITS) : Infinity;
    if (edits > MAX_EDITS) continue;
    const exactEdits = editDistance(sent, name, Infinity);
    if (
      !best ||
      edits < best.edits ||
      (edits === best.edits &&
        (exactEdits < best.exactEdits || (exactEdits === best.exactEdits && compareStrings(name, best.name) < 0)))
    ) {
      best = { name, edits, exactEdits };
    }
  }
  return best?.name;
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where a swapped pair is not edited again),
 * by UTF-16 units. Gives up past `limit` (returns limit + 1): plans hold hundreds of names.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (beforePrevious[j - 2] ?? 0) + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  const distance = previous[b.length] ?? 0;
  return distance > limit ? limit + 1 : distance;
}
