/**
 * Which captured message came closest to what a matcher expected, and how it differs: a failing
 * `toHaveTracked('Signed Up', { plan: 'pro' })` names the message that sent `plan: "free"`, or the
 * one named `Signed up`, field by field.
 */
import { subsetDifferences, type Difference } from './subset';
import { messageName, verdictText, type TrackedMessage } from './tracked-message';

export interface Found {
  /** 1-based position in send order. */
  readonly number: number;
  readonly message: TrackedMessage;
}

/** The messages that hold `expected` (a subset of the payload), with their numbers. */
export function matching(messages: readonly TrackedMessage[], expected: object): Found[] {
  const found: Found[] = [];
  messages.forEach((message, index) => {
    if (subsetDifferences(expected, message.payload).length === 0) found.push({ number: index + 1, message });
  });
  return found;
}

/** Among `candidates`, the message with the fewest fields that differ from `expected`, and those fields. */
export function nearestMiss(
  messages: readonly TrackedMessage[],
  expected: object,
  candidates: (message: TrackedMessage) => boolean = () => true,
): (Found & { readonly differences: readonly Difference[] }) | null {
  let best: (Found & { differences: Difference[] }) | null = null;
  messages.forEach((message, index) => {
    if (!candidates(message)) return;
    const differences = subsetDifferences(expected, message.payload);
    if (!best || differences.length < best.differences.length) best = { number: index + 1, message, differences };
  });
  return best;
}

/** "Nearest miss: message 3, track "Signed Up" · valid" and one line per field that differs. */
export function describeMiss(miss: ReturnType<typeof nearestMiss>): string {
  if (!miss) return '';
  const head = `Nearest miss: message ${miss.number}, ${messageName(miss.message)} · ${verdictText(miss.message)}`;
  const fields = miss.differences.map((d) => `  ${d.path}: expected ${d.expected}, received ${d.received}`);
  return [head, ...fields].join('\n');
}

export function describeFound(found: Found): string {
  return `message ${found.number}, ${messageName(found.message)} · ${verdictText(found.message)}`;
}
