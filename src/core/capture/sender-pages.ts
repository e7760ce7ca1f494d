/**
 * Which page sent a call: the URL each tab and frame shows, and the documents requests name.
 *
 * Why a call's page is not the tab's URL when the call is handled: a pagehide beacon of page A is
 * handled while the tab already shows B, and the calls that wake a stopped worker are handled after
 * the tab has moved on. The request itself names the document that sent it; the tab's URL is only
 * the last resort.
 */
import { urlAt, type DocumentBook, type DocumentInfo } from './document-book';
import type { RequestSource } from './events';

export interface SenderPage {
  /** The document that sent the call: an iframe's own URL when an iframe sent it. */
  readonly pageUrl: string;
  /** The tab's top page, when an iframe sent the call. */
  readonly topUrl?: string;
}

/** Chromium: a live document the book missed (its commit was never reported to this extension). */
export type LookupDocument = (tabId: number, frameId: number, documentId: string) => Promise<DocumentInfo | null>;

export class SenderPages {
  /** Each tab's current URL: it follows a single-page app's history.pushState. */
  private readonly tabUrls = new Map<number, string>();
  /** The URL each tab's top document was loaded with (what Firefox's documentUrl keeps saying after a pushState). */
  private readonly loadedUrls = new Map<number, string>();

  constructor(
    /** Chromium's document book; null where requests name their document URL (Firefox, Playwright). */
    private readonly documents: DocumentBook | null,
    private readonly lookupDocument: LookupDocument = () => Promise.resolve(null),
  ) {}

  /** The page that sent a request: at once when known, after a lookup when Chromium names a document the book lacks. */
  senderOf(source: RequestSource): SenderPage | Promise<SenderPage> {
    if (!this.documents) return this.senderFromDocumentUrl(source);
    const { documentId } = source;
    if (documentId === undefined) return this.fallback(source);
    const known = this.documents.get(documentId);
    if (known) return this.senderFromDocumentBook(documentId, known, source);
    return this.lookupDocument(source.tabId, source.frameId, documentId).then(
      (found) => {
        if (!found) return this.fallback(source);
        this.documents?.committed(documentId, found);
        return this.senderFromDocumentBook(documentId, found, source);
      },
      () => this.fallback(source),
    );
  }

  /** A top-frame navigation starts, or a tab is found open with this URL. */
  loaded(tabId: number, url: string): void {
    this.tabUrls.set(tabId, url);
    this.loadedUrls.set(tabId, url);
  }

  knows(tabId: number): boolean {
    return this.tabUrls.has(tabId);
  }

  /** Chromium: a document committed in a tab's frame (webNavigation.onCommitted). */
  documentCommitted(documentId: string, info: DocumentInfo, frameId: number): void {
    const known = this.documents?.get(documentId);
    this.documents?.committed(documentId, known?.routes ? { ...info, routes: known.routes } : info);
    if (frameId === 0) this.tabUrls.set(info.tabId, info.url);
  }

  /** Chromium: a single-page app changed its route (history.pushState, a #fragment) at `at`. */
  documentRouted(documentId: string, info: DocumentInfo, frameId: number, at: number): void {
    if (this.documents?.get(documentId)) this.documents.routed(documentId, info.url, at);
    else this.documents?.committed(documentId, { ...info, routes: [{ url: info.url, at }] });
    if (frameId === 0) this.tabUrls.set(info.tabId, info.url);
  }

  urlChanged(tabId: number, url: string): void {
    this.tabUrls.set(tabId, url);
  }

  forget(tabId: number): void {
    this.tabUrls.delete(tabId);
    this.loadedUrls.delete(tabId);
    this.documents?.forgetTab(tabId);
  }

  /** Firefox: the request names its document's URL, and the frames above it. */
  private senderFromDocumentUrl(source: RequestSource): SenderPage {
    // Firefox names a srcdoc frame by the URL it inherits, so a frame's top page may read the same.
    const top = source.frameAncestors?.[source.frameAncestors.length - 1]?.url;
    const documentUrl = source.documentUrl ?? source.originUrl;
    // Firefox's documentUrl stays the URL the document was loaded with when a single-page app
    // moves on with history.pushState; while the tab still shows that document, its URL is the page.
    const stillLoaded = documentUrl !== undefined && documentUrl === this.loadedUrls.get(source.tabId);
    const current = top === undefined && stillLoaded ? this.tabUrls.get(source.tabId) : undefined;
    const pageUrl = current ?? documentUrl ?? this.tabUrls.get(source.tabId) ?? '';
    return top !== undefined ? { pageUrl, topUrl: top } : { pageUrl };
  }

  /** Chromium: the request names its document by id; the book knows its URL and parents. */
  private senderFromDocumentBook(documentId: string, document: DocumentInfo, source: RequestSource): SenderPage {
    const at = source.timeStamp ?? Infinity;
    const pageUrl = urlAt(document, at);
    if (document.parentDocumentId === undefined) return { pageUrl };
    const top = this.documents?.topUrlAbove(documentId, at) ?? this.tabUrls.get(source.tabId);
    return top !== undefined ? { pageUrl, topUrl: top } : { pageUrl };
  }

  /** Nothing names the document: the tab's URL, else the origin that started the request. */
  private fallback(source: RequestSource): SenderPage {
    return { pageUrl: this.tabUrls.get(source.tabId) ?? source.initiator ?? source.originUrl ?? '' };
  }
}
