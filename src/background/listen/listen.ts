/**
 * What the background listens to, and nothing else: the tracking endpoints' calls (the table in
 * core/endpoints.ts), the user's hosts' calls (user-hosts.ts), and top-frame navigations (the
 * timeline's markers). Any other request of any site passes by: no event reaches the background,
 * and none wakes its stopped service worker. Call once, in the background's first turn: a stopped
 * background is woken only for the listeners registered there.
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import { KNOWN_URL_FILTERS } from '../../core/endpoints';
import { USER_HOSTS_FROM_START } from '../../shared/capabilities';
import type { SettingsWatch } from '../../shared/settings/settings-watch';
import { hostPatterns, type UserSettings } from '../../shared/settings/user-settings';
import { addRequestListeners, listenerFor, type RequestHandlers } from './listener-group';
import { listenToUserHosts } from './user-hosts';

/**
 * `beforeRestart` runs before Firefox's event page restarts itself for a host added while it runs
 * (USER_HOSTS_FROM_START): what is still in memory must be stored by then.
 */
export function listen(handlers: RequestHandlers, settings: SettingsWatch, beforeRestart: () => Promise<void>): void {
  // Navigations come from their own listener only, even when a tracking host's filter holds them.
  const calls: RequestHandlers = {
    ...handlers,
    beforeRequest(details) {
      if (details.type !== 'main_frame') handlers.beforeRequest(details);
    },
  };
  addRequestListeners(browser.webRequest, KNOWN_URL_FILTERS, calls);
  // Every top-frame navigation reaches the background, and wakes it when stopped; tabs.onUpdated
  // (and in Chrome webNavigation.onCommitted) already do the same for every navigation.
  browser.webRequest.onBeforeRequest.addListener(
    listenerFor<WebRequest.OnBeforeRequestDetailsType>(handlers.beforeRequest),
    { urls: ['<all_urls>'], types: ['main_frame'] },
  );
  const restart = () => {
    void beforeRestart()
      .catch((error: unknown) =>
        console.error('track-inspector: pending timeline writes failed before the background restarted', error),
      )
      .then(restartEventPage);
  };
  const userHosts = listenToUserHosts(browser.webRequest, calls, USER_HOSTS_FROM_START, restart);
  void settings.ready.then((initial) => userHosts.follow(hostPatterns(initial.user)));
  settings.onChange((next, previous) => {
    if (!sameHosts(next.user, previous.user)) userHosts.follow(hostPatterns(next.user));
  });
}

function sameHosts(a: UserSettings, b: UserSettings): boolean {
  return a.customHosts.length === b.customHosts.length && a.customHosts.every((host, i) => host === b.customHosts[i]);
}

/** Firefox: starts the event page afresh, so the listeners of its new first turn are the ones primed. */
function restartEventPage(): void {
  location.reload();
}
