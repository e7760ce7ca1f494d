/** What the tab lifecycle (tabs.ts) asks of the browser, behind one seam so it can be tested without one. */
import browser from 'webextension-polyfill';
import type { DocumentInfo } from './documents';
import type { BrowserTabs } from './tabs';

interface ChromiumFrame {
  readonly url: string;
  readonly parentDocumentId?: string;
}

export const browserTabs: BrowserTabs = {
  query: () => browser.tabs.query({}),
  async sessionStartedBefore() {
    const session = await browser.storage.session.get('started');
    await browser.storage.session.set({ started: true });
    return session['started'] === true;
  },
  async lookupDocument(tabId, frameId, documentId): Promise<DocumentInfo | null> {
    // Chrome 106+ finds a frame by documentId; the polyfill's types predate it.
    const details = { tabId, frameId, documentId } as Parameters<typeof browser.webNavigation.getFrame>[0];
    const frame = (await browser.webNavigation.getFrame(details)) as ChromiumFrame | null;
    if (!frame) return null;
    return { tabId, url: frame.url, ...(frame.parentDocumentId ? { parentDocumentId: frame.parentDocumentId } : {}) };
  },
};
