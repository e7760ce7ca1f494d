/**
 * Which route each send was made from, in the page's own order, for the tasks that change a
 * single-page app's route. The browser times a route change itself and starts a task's requests
 * after the task, so a call sent in the same tick as `history.pushState`, before or after it, cannot
 * be placed by time (docs/capture.md). Here the page's order is known: each send is noted with the URL
 * the page shows as it is made, and when a task changed the route its sends are reported together
 * once the task is over. A task without a route change reports nothing.
 *
 * Route changes are seen through the Navigation API's `currententrychange`, which Chromium fires
 * synchronously inside pushState, replaceState, a fragment change and a traversal (probed in
 * Chromium 156): `history` is not wrapped. Runs in the page: it imports nothing.
 */

export interface RoutedSend {
  readonly url: string;
  readonly method: string;
  readonly pageUrl: string;
  readonly sentAt: number;
}

/** Sends a route change can be about: those of its own task and the moments before it. */
const KEPT_SENDS = 32;
const BEFORE_ROUTE_MS = 100;

interface Noted {
  readonly url: string | URL;
  readonly method: string;
  readonly base: string;
  readonly pageUrl: string;
  readonly sentAt: number;
}

/** Returns what to call on each send. */
export function watchRoutedSends(
  report: (sends: readonly RoutedSend[]) => void,
): (url: string | URL, method: string) => void {
  let noted: Noted[] = [];
  let routedAt: number | null = null;

  const flush = () => {
    const since = (routedAt ?? 0) - BEFORE_ROUTE_MS;
    const sends: RoutedSend[] = [];
    for (const send of noted) {
      if (send.sentAt < since) continue;
      try {
        const url = new URL(String(send.url), send.base).href;
        sends.push({ url, method: send.method.toUpperCase(), pageUrl: send.pageUrl, sentAt: send.sentAt });
      } catch {
        // Not a URL the browser would send to either.
      }
    }
    noted = [];
    routedAt = null;
    if (sends.length) report(sends);
  };

  const navigation = (window as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', () => {
    // The task's later sends are noted too: the report goes once the task is over.
    if (routedAt === null) setTimeout(flush, 0);
    routedAt ??= Date.now();
  });

  return (url, method) => {
    if (noted.length >= KEPT_SENDS) noted.shift();
    noted.push({ url, method, base: document.baseURI, pageUrl: location.href, sentAt: Date.now() });
  };
}
