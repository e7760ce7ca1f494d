/**
 * The page relay's reports (the Chrome build's content scripts): a body webRequest hid goes to the
 * capture pipeline as a page body, a beacon as a call the page sent (webRequest may not show it at
 * all), the sends of a task that changed the route as the page's names for those calls. Each is acknowledged once used, held or recorded (the relay re-sends a report whose
 * acknowledgement never came).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { PageBody, PageCall } from '../../core/capture/events';
import type { PageRoutes } from '../../core/capture/page-named-sends';
import { isPageBodyMessage, isPageRoutesMessage } from '../../shared/protocol';
import { RecentIds } from './recent-ids';

export interface PageReportHandlers {
  readonly body: (body: PageBody) => Promise<void>;
  readonly beacon: (call: PageCall) => Promise<void>;
  /** The sends of a task that changed the route, named by the page's order. */
  readonly routes: (routes: PageRoutes) => Promise<void>;
}

/**
 * Call in the background's first turn. The handlers hand each report to the pipeline once the background has
 * started, in arrival order with the browser's events; each settles when its report is used or held.
 */
export function listenToPageReports(handlers: PageReportHandlers): void {
  const reportsSeen = new RecentIds(1000);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const tabId = sender.tab?.id;
    if (isPageRoutesMessage(message) && tabId !== undefined) {
      // Chromium's MessageSender names the document, as its requests do; without it there is nothing to name.
      const { documentId } = sender as Runtime.MessageSender & { documentId?: string };
      if (!reportsSeen.add(message.id) || documentId === undefined) return Promise.resolve(true);
      return handlers.routes({ tabId, documentId, sends: message.sends }).then(() => true);
    }
    if (!isPageBodyMessage(message) || tabId === undefined) return undefined;
    const { id, url, method, body, beacon, blob, sentAt: at } = message;
    // A relay re-sends a report whose acknowledgement never came; this worker may have had it already (a worker
    // started since knows it by the rows it made: the pipeline is given the id).
    if (!reportsSeen.add(id)) return Promise.resolve(true);
    if (beacon) {
      // Named as a request from that document would be (Chromium's MessageSender has its documentId).
      const { frameId = 0, documentId } = sender as Runtime.MessageSender & { documentId?: string };
      const text = body === null ? null : ({ kind: 'text', text: body } as const);
      const source = documentId === undefined ? { tabId, frameId } : { tabId, frameId, documentId };
      // An empty body is no body to webRequest (a beacon sent with none, or with ''): its request comes without one,
      // so the report is paired as a hidden body's would be, or it stays a second row for the one beacon.
      const bodyVisible = !blob && body !== '';
      const call = { ...source, url, method, body: text, bodyVisible, at, reportId: id };
      return handlers.beacon(call).then(() => true);
    }
    if (body === null) return Promise.resolve(true); // only a beacon's report may lack its body
    return handlers.body({ tabId, url, method, body, at, reportId: id }).then(() => true);
  });
}
