/**
 * What each matcher asks of the captured messages, as a pure function of them: whether it holds,
 * and the words that explain the answer either way (a `.not` failure names the message that was
 * there; a failure names the nearest miss and lists what was captured).
 */
import { describeFound, describeMiss, matching, nearestMiss } from './nearest-miss';
import { describe } from './subset';
import { capturedList, messageName, plural, verdictText, type TrackedMessage } from './tracked-message';

export interface Check {
  readonly pass: boolean;
  /** A failure no later call can undo (an invalid message whose body was read): no need to wait it out. */
  readonly final?: boolean;
  /** What a failure says under its headline: why, then what was captured. */
  readonly explain: () => string;
}

const isTrack = (message: TrackedMessage) => message.type === 'track';
const isTrackOf = (name: string | undefined) => (message: TrackedMessage) =>
  isTrack(message) && (message.payload as { event?: unknown } | null)?.event === name;

/** A track message named `name`, holding `properties` (a subset) when given. */
export function tracked(messages: readonly TrackedMessage[], name: string, properties?: object): Check {
  const expected = properties === undefined ? { event: name } : { event: name, properties };
  const found = matching(messages, expected).filter((f) => isTrack(f.message));
  const what = `track message ${describe(name)}${properties === undefined ? '' : ` with properties ${describe(properties)}`}`;
  return present(messages, found, what, () => nearestMiss(messages, expected, isTrack));
}

/** An identify message holding `expected`. */
export function identified(messages: readonly TrackedMessage[], expected: object): Check {
  const isIdentify = (message: TrackedMessage) => message.type === 'identify';
  const found = matching(messages, expected).filter((f) => isIdentify(f.message));
  return present(messages, found, `identify message with ${describe(expected)}`, () =>
    nearestMiss(messages, expected, isIdentify),
  );
}

/** A message of any type holding `expected`. */
export function sent(messages: readonly TrackedMessage[], expected: object): Check {
  const found = matching(messages, expected);
  return present(messages, found, `message with ${describe(expected)}`, () => nearestMiss(messages, expected));
}

function present(
  messages: readonly TrackedMessage[],
  found: ReturnType<typeof matching>,
  what: string,
  miss: () => ReturnType<typeof nearestMiss>,
): Check {
  const [first] = found;
  if (first)
    return { pass: true, explain: () => `It was captured: ${describeFound(first)}.\n${capturedList(messages)}` };
  return {
    pass: false,
    explain: () =>
      [`No ${what} was captured.`, describeMiss(miss()), capturedList(messages)].filter(Boolean).join('\n'),
  };
}

/** Exactly `times` track messages named `name`. */
export function trackedTimes(messages: readonly TrackedMessage[], name: string, times: number): Check {
  const found = matching(messages, { event: name }).filter((f) => isTrack(f.message));
  const numbers = found.length
    ? ` (${found.length === 1 ? 'message' : 'messages'} ${found.map((f) => f.number).join(', ')})`
    : '';
  return {
    pass: found.length === times,
    explain: () =>
      `Expected ${plural(times, 'track message')} ${describe(name)}, captured ${found.length}${numbers}.\n${capturedList(messages)}`,
  };
}

/** Track messages with these names in this order, others allowed between them. */
export function trackedInOrder(messages: readonly TrackedMessage[], names: readonly string[]): Check {
  const steps: number[] = [];
  let from = 0;
  for (const name of names) {
    const at = messages.findIndex((m, index) => index >= from && isTrackOf(name)(m));
    if (at < 0) break;
    steps.push(at + 1);
    from = at + 1;
  }
  const pass = steps.length === names.length;
  const explain = () => {
    const list = capturedList(messages);
    if (pass) return `Tracked in order as messages ${steps.join(', ')}.\n${list}`;
    const missing = names[steps.length] ?? '';
    const after = steps.length ? ` after ${describe(names[steps.length - 1])} (message ${steps.at(-1)})` : '';
    const earlier = messages.findIndex(isTrackOf(missing));
    const note = earlier >= 0 ? ` It was tracked before that, as message ${earlier + 1}.` : '';
    return `No track message ${describe(missing)} was captured${after}.${note}\n${list}`;
  };
  return { pass, explain };
}

/** No message in which the privacy guard found personal data or a secret (each finding listed, its value masked). */
export function noPersonalData(messages: readonly TrackedMessage[]): Check {
  const found = messages
    .map((message, index) => ({ message, number: index + 1, findings: privacyFindings(message) }))
    .filter(({ findings }) => findings.length > 0);
  if (!found.length) return { pass: true, explain: () => `No message holds personal data.\n${capturedList(messages)}` };
  const lines = found.flatMap(({ message, number, findings }) => [
    `  ${number}. ${messageName(message)}`,
    ...findings.map((p) => `       ${p.message} (${p.keyword})`),
  ]);
  const summary = `${found.length} of ${plural(messages.length, 'message')} ${found.length === 1 ? 'holds' : 'hold'} personal data or a secret:`;
  return { pass: false, final: true, explain: () => [summary, ...lines].join('\n') };
}

const privacyFindings = (message: TrackedMessage) =>
  [...message.validation.errors, ...message.validation.warnings].filter((p) => p.source === 'privacy');

/** No message with a schema or plan error (or, with `warnings`, a warning). */
export function valid(messages: readonly TrackedMessage[], warnings: boolean): Check {
  const bad = messages
    .map((message, index) => ({ message, number: index + 1 }))
    .filter(({ message }) => !message.validation.valid || (warnings && message.validation.warnings.length > 0));
  const what = warnings ? 'errors or warnings' : 'errors';
  if (!bad.length) return { pass: true, explain: () => `No message has ${what}.\n${capturedList(messages)}` };
  const lines = bad.flatMap(({ message, number }) => {
    const problems = warnings
      ? [...message.validation.errors, ...message.validation.warnings]
      : message.validation.errors;
    const head = `  ${number}. ${messageName(message)} · ${verdictText(message)}`;
    return [head, ...problems.map((p) => `       ${p.message} (${p.source}${p.path ? ` at ${p.path}` : ''})`)];
  });
  const summary = `${bad.length} of ${plural(messages.length, 'message')} ${bad.length === 1 ? 'has' : 'have'} ${what}:`;
  // A message whose body is still missing may yet be completed by the page's report; any other stays invalid.
  const final = bad.some(({ message }) => !message.undecodable);
  return { pass: false, final, explain: () => [summary, ...lines].join('\n') };
}
