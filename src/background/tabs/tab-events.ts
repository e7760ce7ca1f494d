/**
 * The browser's tab and document events -> the capture pipeline's facts: a tab's URL, a closed tab,
 * and (Chromium) which document each request names by its documentId.
 */
import browser from 'webextension-polyfill';
import type { DocumentInfo } from '../../core/capture/document-book';
import type { CapturePipeline } from '../../core/capture/pipeline';
import type { WhenStarted } from '../when-started';

/** Call in the background's first turn. `keepsDocuments`: the Chrome build's document book. */
export function listenToTabs(withPipeline: WhenStarted<CapturePipeline>, keepsDocuments: boolean): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    const url = change.url;
    if (url) withPipeline((pipeline) => pipeline.tabUrlChanged(tabId, url));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    withPipeline((pipeline) => pipeline.tabClosed(tabId));
  });
  if (!keepsDocuments) return;
  // A single-page app's route change (history.pushState, a #fragment) keeps the document and
  // changes its URL: the book follows it.
  browser.webNavigation.onCommitted.addListener((details) => {
    const document = documentOf(details);
    if (!document) return;
    withPipeline((pipeline) => pipeline.documentCommitted(document.documentId, document.info, details.frameId));
  });
  const routed = (details: { tabId: number; frameId: number; url: string; timeStamp: number }) => {
    const document = documentOf(details);
    if (!document) return;
    const { frameId, timeStamp } = details;
    withPipeline((pipeline) => pipeline.documentRouted(document.documentId, document.info, frameId, timeStamp));
  };
  browser.webNavigation.onHistoryStateUpdated.addListener(routed);
  browser.webNavigation.onReferenceFragmentUpdated.addListener(routed);
}

/** The document a webNavigation event names (Chromium adds documentId; the polyfill's types predate it). */
function documentOf(details: { tabId: number; url: string }): { documentId: string; info: DocumentInfo } | null {
  const { documentId, parentDocumentId } = details as typeof details & {
    documentId?: string;
    parentDocumentId?: string;
  };
  if (details.tabId < 0 || documentId === undefined) return null;
  const info = { tabId: details.tabId, url: details.url, ...(parentDocumentId ? { parentDocumentId } : {}) };
  return { documentId, info };
}
