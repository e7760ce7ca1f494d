/** The toolbar button opens this tab's Track panel as a page, beside DevTools or instead of it. */
import browser from 'webextension-polyfill';

/** Call in the background's first turn. */
export function openPanelOnToolbarClick(): void {
  browser.action.onClicked.addListener((tab) => {
    if (tab.id === undefined) return;
    void browser.tabs.create({ url: browser.runtime.getURL(`src/panel/panel.html?tabId=${tab.id}`) });
  });
}
