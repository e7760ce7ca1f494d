/** browser.webRequest's four events as the background uses them: registrations kept, requests dispatched by filter. */
import type { WebRequestEvents } from '../../../src/background/listen/listener-group';
import { matchesPattern } from '../match-pattern';

type EventName = keyof WebRequestEvents;
interface Registration {
  readonly event: EventName;
  readonly listener: (details: never) => unknown;
  readonly urls: readonly string[];
  readonly types?: readonly string[];
  readonly extra?: readonly string[];
}

export function fakeWebRequest(refuse: (url: string) => boolean = () => false) {
  let registrations: Registration[] = [];
  const event = (name: EventName) => ({
    addListener(listener: (details: never) => unknown, filter: { urls: string[]; types?: string[] }, extra?: string[]) {
      if (filter.urls.some(refuse)) throw new Error(`Invalid url pattern '${filter.urls.join()}'`);
      registrations.push({
        event: name,
        listener,
        urls: filter.urls,
        ...(filter.types ? { types: filter.types } : {}),
        ...(extra ? { extra } : {}),
      });
    },
    removeListener(listener: (details: never) => unknown) {
      registrations = registrations.filter((r) => r.event !== name || r.listener !== listener);
    },
    hasListener: (listener: (details: never) => unknown) =>
      registrations.some((r) => r.event === name && r.listener === listener),
  });
  const events = {
    onBeforeRequest: event('onBeforeRequest'),
    onHeadersReceived: event('onHeadersReceived'),
    onCompleted: event('onCompleted'),
    onErrorOccurred: event('onErrorOccurred'),
  } as unknown as WebRequestEvents;
  return {
    events,
    /** The URL filters registered for an event, in order. */
    filters: (name: EventName) => registrations.filter((r) => r.event === name).map((r) => r.urls.join(' ')),
    registrations: () => registrations,
    /** Hands a request to every listener of `name` whose filter matches, as the browser does. */
    dispatch(name: EventName, details: { url: string; type: string; method?: string }) {
      const full = { requestId: '1', tabId: 1, frameId: 0, method: 'POST', timeStamp: 0, ...details };
      for (const r of registrations.filter((r) => r.event === name)) {
        if (r.types && !r.types.includes(details.type)) continue;
        if (r.urls.some((pattern) => matchesPattern(pattern, details.url))) r.listener(full as never);
      }
    },
  };
}
