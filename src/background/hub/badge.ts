/**
 * The toolbar badge: how many invalid messages the tab holds. Coalesced: bursts update it once. The browser is asked
 * only when a tab's text changes: each call is a message to the browser and an answer the worker wakes for, and
 * during a stream of valid calls the text stays the same.
 */
import browser from 'webextension-polyfill';
import type { BackgroundStore } from '../store/background-store';

const DELAY_MS = 150;

export function watchBadge(store: BackgroundStore): void {
  const scheduled = new Set<number>();
  const shown = new Map<number, string>();
  // For every tab at once (a tab's own color would be one more call per tab).
  browser.action.setBadgeBackgroundColor({ color: '#d93025' }).catch(() => undefined);
  const schedule = (tabId: number) => {
    if (scheduled.has(tabId)) return;
    scheduled.add(tabId);
    setTimeout(() => {
      if (!scheduled.delete(tabId)) return; // the tab closed meanwhile
      const invalid = store.invalidCount(tabId);
      const text = invalid > 0 ? String(invalid) : '';
      if (shown.get(tabId) === text) return;
      shown.set(tabId, text);
      // A tab that went meanwhile has no badge to set.
      browser.action.setBadgeText({ tabId, text }).catch(() => shown.delete(tabId));
    }, DELAY_MS);
  };
  store.listen({
    added(tabId, entries) {
      // Firefox resets a tab's badge text when the tab navigates.
      if (entries.some((entry) => entry.kind === 'navigation')) shown.delete(tabId);
      schedule(tabId);
    },
    updated: () => undefined,
    replaced: schedule,
    reset: (tabId) => (tabId === 'all' ? store.tabIds().forEach(schedule) : schedule(tabId)),
    // Forgotten with its tab: the worker may live for hours of opened and closed tabs.
    removed(tabId) {
      scheduled.delete(tabId);
      shown.delete(tabId);
    },
  });
}
