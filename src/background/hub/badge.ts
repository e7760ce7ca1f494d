/** The toolbar badge: how many invalid messages the tab holds. Coalesced: bursts update it once. */
import browser from 'webextension-polyfill';
import type { BackgroundStore } from '../store/background-store';

const DELAY_MS = 150;

export function watchBadge(store: BackgroundStore): void {
  const scheduled = new Set<number>();
  const schedule = (tabId: number) => {
    if (scheduled.has(tabId)) return;
    scheduled.add(tabId);
    setTimeout(() => {
      scheduled.delete(tabId);
      const invalid = store.invalidCount(tabId);
      // A tab that went meanwhile has no badge to set.
      browser.action.setBadgeText({ tabId, text: invalid > 0 ? String(invalid) : '' }).catch(() => undefined);
      browser.action.setBadgeBackgroundColor({ tabId, color: '#d93025' }).catch(() => undefined);
    }, DELAY_MS);
  };
  store.listen({
    added: schedule,
    updated: () => undefined,
    replaced: schedule,
    reset: (tabId) => (tabId === 'all' ? store.tabIds().forEach(schedule) : schedule(tabId)),
  });
}
