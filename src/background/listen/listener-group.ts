/**
 * The webRequest listeners for one URL filter: a call and its body (onBeforeRequest), a beacon's
 * status (onHeadersReceived), its outcome (onCompleted, onErrorOccurred). Each registration gets its
 * own function: Firefox ignores a second addListener of a function it already has, and
 * removeListener removes every registration of a function.
 */
import type { WebRequest } from 'webextension-polyfill';
import { BEACON_RESOURCE_TYPE } from '../../shared/capabilities';
import { COUNT_EVENTS, countEvent } from './event-count';

export interface RequestHandlers {
  readonly beforeRequest: (details: WebRequest.OnBeforeRequestDetailsType) => void;
  readonly headersReceived: (details: WebRequest.OnHeadersReceivedDetailsType) => void;
  readonly completed: (details: WebRequest.OnCompletedDetailsType) => void;
  readonly errorOccurred: (details: WebRequest.OnErrorOccurredDetailsType) => void;
}

/** The browser's webRequest events (`browser.webRequest`; a fake in tests). */
export type WebRequestEvents = Pick<
  WebRequest.Static,
  'onBeforeRequest' | 'onHeadersReceived' | 'onCompleted' | 'onErrorOccurred'
>;

/**
 * Registers `handlers` for the requests `urls` match; returns what removes them. Throws when the browser refuses a
 * filter.
 */
export function addRequestListeners(
  events: WebRequestEvents,
  urls: readonly string[],
  handlers: RequestHandlers,
): () => void {
  const { onBeforeRequest, onHeadersReceived, onCompleted, onErrorOccurred } = events;
  const beforeRequest = listenerFor(handlers.beforeRequest);
  const headersReceived = listenerFor(handlers.headersReceived);
  const completed = listenerFor(handlers.completed);
  const errorOccurred = listenerFor(handlers.errorOccurred);
  const remove = () => {
    onBeforeRequest.removeListener(beforeRequest);
    onHeadersReceived.removeListener(headersReceived);
    onCompleted.removeListener(completed);
    onErrorOccurred.removeListener(errorOccurred);
  };
  try {
    onBeforeRequest.addListener(beforeRequest, { urls: [...urls] }, ['requestBody']);
    // Header statuses matter only for beacons (see outcome.ts): no event for every other response.
    onHeadersReceived.addListener(headersReceived, { urls: [...urls], types: [BEACON_RESOURCE_TYPE] });
    onCompleted.addListener(completed, { urls: [...urls] });
    onErrorOccurred.addListener(errorOccurred, { urls: [...urls] });
  } catch (error) {
    remove();
    throw error;
  }
  return remove;
}

/**
 * A webRequest listener of its own for `handle` (it blocks nothing: it returns undefined). Every
 * listener the background registers is made here, so a bench build counts every event in one place.
 */
export function listenerFor<T>(handle: (details: T) => void): (details: T) => undefined {
  return (details) => {
    if (COUNT_EVENTS) countEvent();
    handle(details);
    return undefined;
  };
}
