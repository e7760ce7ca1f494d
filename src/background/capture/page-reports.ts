/**
 * The page relay's reports (the Chrome build's content scripts): a body webRequest hid goes to the
 * capture pipeline as a page body, a beacon as a call the page sent (webRequest may not show it at
 * all), the sends of a task that changed the route as the page's names for those calls. Each is acknowledged once
 * used, held or recorded (the relay re-sends a report whose acknowledgement never came), with where it came from.
 *
 * Reports come by messaging, or through `storage.local` from a page that went away before its messages were
 * delivered (relay.iife.ts): Chromium drops a message waiting for a stopped worker to start when its document goes.
 */
import browser, { type Runtime, type Storage } from 'webextension-polyfill';
import type { PageBody, PageCall } from '../../core/capture/events';
import type { PageRoutes } from '../../core/capture/page-named-sends';
import {
  isPageBodyMessage,
  isPageRoutesMessage,
  isPendingReport,
  PENDING_REPORT_PREFIX,
  type ReportAck,
} from '../../shared/protocol';
import { RecentIds } from './recent-ids';

export interface PageReportHandlers {
  readonly body: (body: PageBody) => Promise<void>;
  readonly beacon: (call: PageCall) => Promise<void>;
  /** The sends of a task that changed the route, named by the page's order. */
  readonly routes: (routes: PageRoutes) => Promise<void>;
}

type ReportSender = Omit<ReportAck, 'kind'>;

/**
 * Call in the background's first turn. The handlers hand each report to the pipeline once the background has
 * started, in arrival order with the browser's events; each settles when its report is used or held.
 */
export function listenToPageReports(handlers: PageReportHandlers): void {
  const reportsSeen = new RecentIds(1000);
  const take = (message: unknown, sender: ReportSender): Promise<void> | undefined => {
    const { tabId } = sender;
    if (isPageRoutesMessage(message)) {
      // Chromium's MessageSender names the document, as its requests do; without it there is nothing to name.
      const { documentId } = sender;
      if (!reportsSeen.add(message.id) || documentId === undefined) return Promise.resolve();
      return handlers.routes({ tabId, documentId, sends: message.sends });
    }
    if (!isPageBodyMessage(message)) return undefined;
    const { id, url, method, body, beacon, blob, sentAt: at } = message;
    // A relay re-sends a report whose acknowledgement never came, and hands over through storage what it sent as
    // its page went; this worker may have had it already (a worker started since knows it by the rows it made:
    // the pipeline is given the id).
    if (!reportsSeen.add(id)) return Promise.resolve();
    if (beacon) {
      // Named as a request from that document would be (Chromium's MessageSender has its documentId).
      const text = body === null ? null : ({ kind: 'text', text: body } as const);
      // An empty body is no body to webRequest (a beacon sent with none, or with ''): its request comes without one,
      // so the report is paired as a hidden body's would be, or it stays a second row for the one beacon.
      const bodyVisible = !blob && body !== '';
      return handlers.beacon({ ...sender, url, method, body: text, bodyVisible, at, reportId: id });
    }
    if (body === null) return Promise.resolve(); // only a beacon's report may lack its body
    return handlers.body({ tabId, url, method, body, at, reportId: id });
  };

  browser.runtime.onMessage.addListener((message: unknown, messageSender: Runtime.MessageSender) => {
    const tabId = messageSender.tab?.id;
    if (tabId === undefined) return undefined;
    const { frameId = 0, documentId } = messageSender as Runtime.MessageSender & { documentId?: string };
    const sender = documentId === undefined ? { tabId, frameId } : { tabId, frameId, documentId };
    const ack: ReportAck = { kind: 'report-ack', ...sender };
    return take(message, sender)?.then(() => ack);
  });

  browser.storage.onChanged.addListener((changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area !== 'local') return;
    for (const [key, { newValue }] of Object.entries(changes)) {
      if (!key.startsWith(PENDING_REPORT_PREFIX) || newValue === undefined) continue;
      if (isPendingReport(newValue)) void take(newValue.report, newValue.sender);
      // Taken (or not a report at all): the page that wrote it is gone, and nothing else reads it.
      void browser.storage.local.remove(key).catch(() => undefined);
    }
  });
}
