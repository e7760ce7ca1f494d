/**
 * Web-first waiting on a capture: a condition is checked now and again after every change to the
 * capture (a message recorded, an outcome or a late body arriving), not on a polling interval, so
 * a matcher resolves as soon as the call that satisfies it is recorded.
 */

export interface Watchable {
  /** Calls `listener` after every change; returns the function that stops it. */
  onChange(listener: () => void): () => void;
}

/** The first value `check` returns that is not null, or null when `timeout` ms pass first. */
export function waitForChange<T>(capture: Watchable, check: () => T | null, timeout: number): Promise<T | null> {
  const now = check();
  if (now !== null || timeout <= 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (value: T | null) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    };
    const timer = setTimeout(() => finish(check()), timeout);
    const stop = capture.onChange(() => {
      const value = check();
      if (value !== null) finish(value);
    });
  });
}
