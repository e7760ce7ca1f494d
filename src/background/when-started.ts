/**
 * Runs each event's handler once the background has started (its stored timelines loaded), in the
 * order the events came. A failure stays with its event: the next is handled as usual, so capture
 * goes on, and only the first is logged (later ones would repeat it on every event).
 */
import { firstFailureLogger } from '../core/first-failure';

export type WhenStarted<T> = (handle: (started: T) => void | Promise<void>) => void;

export function whenStarted<T>(started: Promise<T>): WhenStarted<T> {
  const logFailure = firstFailureLogger();
  return (handle) => {
    started.then(handle).catch((error: unknown) => logFailure('an event could not be handled; capture goes on', error));
  };
}
