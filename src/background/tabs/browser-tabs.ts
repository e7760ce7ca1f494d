/** What the background asks of the browser about tabs and documents. */
import browser from 'webextension-polyfill';
import type { DocumentInfo } from '../../core/capture/document-book';
import type { CapturePipeline } from '../../core/capture/pipeline';

interface ChromiumFrame {
  readonly url: string;
  readonly parentDocumentId?: string;
}

/** Chromium: a live document the book missed (its commit was never reported to this extension). */
export async function lookupDocument(tabId: number, frameId: number, documentId: string): Promise<DocumentInfo | null> {
  // Chrome 106+ finds a frame by documentId; the polyfill's types predate it.
  const details = { tabId, frameId, documentId } as Parameters<typeof browser.webNavigation.getFrame>[0];
  const frame = (await browser.webNavigation.getFrame(details)) as ChromiumFrame | null;
  if (!frame) return null;
  return { tabId, url: frame.url, ...(frame.parentDocumentId ? { parentDocumentId: frame.parentDocumentId } : {}) };
}

/** Tells the pipeline which tabs are open as the background starts, and whether the browser restarted meanwhile. */
export async function reportTabsAtStart(pipeline: CapturePipeline): Promise<void> {
  const open = await browser.tabs.query({});
  pipeline.tabsOpen(open);
  const openIds = open.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  pipeline.forgetTabsNotOpen(openIds, await sessionStartedBefore());
}

/** True when this browser session started before this worker (a worker restart, not a browser start). */
async function sessionStartedBefore(): Promise<boolean> {
  const session = await browser.storage.session.get('started');
  await browser.storage.session.set({ started: true });
  return session['started'] === true;
}
