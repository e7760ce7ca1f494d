/**
 * Runs each event's handler once the background has started (its stored timelines loaded), in the
 * order the events came. A failure stays with its event: the next is handled as usual, so capture
 * goes on, and only the first is logged (later ones would repeat it on every event).
 *
 * Once started, a handler runs at once, inside its event: two promises and a microtask per event
 * were a measurable part of a call's cost in the worker (bench:panel, issue 22). The events that
 * came before are all handled by then: their handlers were queued on `started` after `ready` was.
 */
import { firstFailureLogger } from '../core/first-failure';

export type WhenStarted<T> = (handle: (started: T) => void | Promise<void>) => void;

export function whenStarted<T>(started: Promise<T>): WhenStarted<T> {
  const logFailure = firstFailureLogger();
  const failed = (error: unknown) => logFailure('an event could not be handled; capture goes on', error);
  let ready: { readonly value: T } | null = null;
  started.then(
    (value) => (ready = { value }),
    () => undefined, // each event's own handler logs the failure to start
  );
  return (handle) => {
    if (!ready) {
      started.then(handle).catch(failed);
      return;
    }
    try {
      const handled = handle(ready.value);
      if (handled) handled.catch(failed);
    } catch (error) {
      failed(error);
    }
  };
}
