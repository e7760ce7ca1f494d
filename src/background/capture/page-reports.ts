/**
 * The page relay's reports of the bodies it saw sent (the Chrome build's content scripts): each goes
 * to the capture pipeline, and is acknowledged once used or held (the relay re-sends a report whose
 * acknowledgement never came).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { PageBody } from '../../core/capture/events';
import { isPageBodyMessage } from '../../shared/protocol';
import { RecentIds } from './recent-ids';

/**
 * Call in the background's first turn. `report` hands a body to the pipeline once the background has
 * started, in arrival order with the browser's events; it settles when the body is used or held.
 */
export function listenToPageReports(report: (body: PageBody) => Promise<void>): void {
  const reportsSeen = new RecentIds(1000);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const tabId = sender.tab?.id;
    if (!isPageBodyMessage(message) || tabId === undefined) return undefined;
    const { id, url, method, body, sentAt } = message;
    // A relay re-sends a report whose acknowledgement never came; this worker may have had it already.
    if (!reportsSeen.add(id)) return Promise.resolve(true);
    return report({ tabId, url, method, body, at: sentAt }).then(() => true);
  });
}
