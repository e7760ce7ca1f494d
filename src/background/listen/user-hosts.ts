/**
 * The listeners for the user's hosts (UserSettings.customHosts): one set per URL filter, following the
 * settings, so a host added in the options page is listened to at once and a removed one no longer
 * is. How they also hear the calls that wake a stopped background, whose first turn cannot read the
 * hosts yet, differs by browser: USER_HOSTS_FROM_START in shared/capabilities.ts.
 */
import { recogniseCall, urlFilterOf, type HostPattern } from '../../core/endpoints';
import { addRequestListeners, type RequestHandlers, type WebRequestEvents } from './listener-group';
import { readMirror, writeMirror } from './user-host-mirror';

export interface UserHostListeners {
  /** Listens to exactly these hosts from now on. */
  follow(patterns: readonly HostPattern[]): void;
}

/** Call in the background's first turn: the catch-all, or the mirrored hosts' listeners, must be registered there. */
export function listenToUserHosts(
  events: WebRequestEvents,
  handlers: RequestHandlers,
  fromStart: 'catch-all' | 'mirror',
  restart: () => void,
): UserHostListeners {
  const groups = new Map<string, () => void>();
  const add = (filter: string) => {
    try {
      groups.set(filter, addRequestListeners(events, [filter], handlers));
    } catch (error) {
      console.error(
        `track-inspector: the browser refused the URL filter ${filter}; calls to that host are not captured`,
        error,
      );
    }
  };
  let removeCatchAll =
    fromStart === 'catch-all' ? addRequestListeners(events, ['<all_urls>'], unknownCallsOnly(handlers)) : null;
  const mirrored = fromStart === 'mirror' ? readMirror() : null;
  const primed = new Set(mirrored ?? []);
  for (const filter of primed) add(filter);

  return {
    follow(patterns) {
      const filters = [...new Set(patterns.map(urlFilterOf))];
      for (const filter of filters) if (!groups.has(filter)) add(filter);
      for (const [filter, remove] of groups) {
        if (filters.includes(filter)) continue;
        remove();
        groups.delete(filter);
      }
      // Only once the hosts' own listeners are there, so no call falls between the two (a call both
      // saw is recorded once: the capture pipeline knows its request id).
      removeCatchAll?.();
      removeCatchAll = null;
      if (mirrored === null) return;
      // Firefox: a listener added after the first turn is not primed, so the stopped page would not
      // wake for its host. The mirror must hold the new filters before the restarted page reads it.
      if (writeMirror(filters) && filters.some((filter) => !primed.has(filter))) restart();
    },
  };
}

/**
 * The catch-all hands over only what the first turn's other listeners do not: no known endpoint's call, no navigation.
 */
function unknownCallsOnly(handlers: RequestHandlers): RequestHandlers {
  const unknown = (details: { url: string; type: string }) =>
    details.type !== 'main_frame' && recogniseCall('POST', details.url) === null;
  return {
    beforeRequest(details) {
      if (unknown(details)) handlers.beforeRequest(details);
    },
    headersReceived(details) {
      if (unknown(details)) handlers.headersReceived(details);
    },
    completed(details) {
      if (unknown(details)) handlers.completed(details);
    },
    errorOccurred(details) {
      if (unknown(details)) handlers.errorOccurred(details);
    },
  };
}
