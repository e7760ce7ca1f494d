/**
 * The matchers `expect(tracking)` gains. They wait like Playwright's web-first assertions (the
 * expect timeout, or `{ timeout }` as the last argument), re-checking whenever the capture changes.
 * A `.not` of a matcher that looks for a message waits out the whole timeout, failing as soon as the
 * message is there: "never sent" is only true once the time is up.
 */
import type { ExpectMatcherState, MatcherReturnType } from '@playwright/test';
import * as checks from './checks';
import { describe } from './subset';
import type { TrackedMessage } from './tracked-message';
import { waitForChange, type Watchable } from './wait-for-change';

export interface MatchedCapture extends Watchable {
  messages(): TrackedMessage[];
  /** The capture was made with `pii: 'off'`: there are no privacy findings to judge. */
  readonly privacyGuardOff?: boolean;
}

export interface MatcherOptions {
  /** How long to wait, in ms (default: the expect timeout). */
  readonly timeout?: number;
}

/**
 * `presence`: the matcher looks for a message; `.not` waits out the timeout. `state`: the matcher
 * judges all messages (toBeValid); it waits until the expectation, plain or negated, is met.
 */
type Style = 'presence' | 'state';

async function webFirst(
  state: ExpectMatcherState,
  call: { readonly name: string; readonly args: readonly unknown[]; readonly options?: MatcherOptions },
  capture: unknown,
  evaluate: (messages: readonly TrackedMessage[]) => checks.Check,
  style: Style = 'presence',
): Promise<MatcherReturnType> {
  if (!isCapture(capture)) {
    throw new TypeError(
      `expect(tracking).${call.name}(): the value is not a tracking capture (the \`tracking\` fixture or captureTracking()'s result)`,
    );
  }
  const timeout = call.options?.timeout ?? state.timeout;
  const wanted = style === 'state' ? !state.isNot : true;
  // toBeValid fails at once on a message that cannot become valid; everything else waits for its moment.
  const settled = (check: checks.Check) =>
    check.pass === wanted || (style === 'state' && !state.isNot && check.final === true);
  const met = await waitForChange(
    capture,
    () => {
      const check = evaluate(capture.messages());
      return settled(check) ? check : null;
    },
    timeout,
  );
  const check = met ?? evaluate(capture.messages());
  const args = call.args
    .filter((arg) => arg !== undefined)
    .map(describe)
    .join(', ');
  const headline = `expect(tracking)${state.isNot ? '.not' : ''}.${call.name}(${args}) failed`;
  const waited = met === null ? ` (waited ${timeout} ms)` : '';
  return { pass: check.pass, name: call.name, message: () => `${headline}${waited}\n\n${check.explain()}` };
}

function isCapture(value: unknown): value is MatchedCapture {
  const candidate = value as Partial<MatchedCapture> | null;
  return typeof candidate?.messages === 'function' && typeof candidate.onChange === 'function';
}

export const trackingMatchers = {
  toHaveTracked(
    this: ExpectMatcherState,
    tracking: unknown,
    name: string,
    properties?: object,
    options?: MatcherOptions,
  ) {
    const args = properties === undefined ? [name] : [name, properties];
    return webFirst(this, { name: 'toHaveTracked', args, options }, tracking, (m) =>
      checks.tracked(m, name, properties),
    );
  },
  toHaveTrackedTimes(
    this: ExpectMatcherState,
    tracking: unknown,
    name: string,
    times: number,
    options?: MatcherOptions,
  ) {
    return webFirst(this, { name: 'toHaveTrackedTimes', args: [name, times], options }, tracking, (m) =>
      checks.trackedTimes(m, name, times),
    );
  },
  toHaveIdentified(this: ExpectMatcherState, tracking: unknown, expected: object, options?: MatcherOptions) {
    return webFirst(this, { name: 'toHaveIdentified', args: [expected], options }, tracking, (m) =>
      checks.identified(m, expected),
    );
  },
  toHaveSent(this: ExpectMatcherState, tracking: unknown, expected: object, options?: MatcherOptions) {
    return webFirst(this, { name: 'toHaveSent', args: [expected], options }, tracking, (m) => checks.sent(m, expected));
  },
  toHaveTrackedInOrder(
    this: ExpectMatcherState,
    tracking: unknown,
    names: readonly string[],
    options?: MatcherOptions,
  ) {
    return webFirst(this, { name: 'toHaveTrackedInOrder', args: [names], options }, tracking, (m) =>
      checks.trackedInOrder(m, names),
    );
  },
  toHaveNoPersonalData(this: ExpectMatcherState, tracking: unknown, options?: MatcherOptions) {
    if (isCapture(tracking) && tracking.privacyGuardOff) {
      // Fails plain and negated alike: with the guard off, neither "none" nor "some" was looked for.
      const message = () =>
        `expect(tracking)${this.isNot ? '.not' : ''}.toHaveNoPersonalData() failed\n\n` +
        "The privacy guard is off (trackInspector.pii: 'off'), so nothing was looked for.";
      return Promise.resolve({ pass: this.isNot, name: 'toHaveNoPersonalData', message });
    }
    return webFirst(
      this,
      { name: 'toHaveNoPersonalData', args: [], options },
      tracking,
      checks.noPersonalData,
      'state',
    );
  },
  toBeValid(this: ExpectMatcherState, tracking: unknown, options?: MatcherOptions & { readonly warnings?: boolean }) {
    const args = options?.warnings ? [{ warnings: true }] : [];
    return webFirst(
      this,
      { name: 'toBeValid', args, options },
      tracking,
      (m) => checks.valid(m, options?.warnings === true),
      'state',
    );
  },
};
