/**
 * The tab lifecycle, in one place: which document each tab and frame shows (and so which page sent
 * a call), navigation markers, and closing and stale tabs.
 *
 * Why a call's page is not the tab's URL when the call is handled: a pagehide beacon of page A is
 * handled while the tab already shows B, and the calls that wake a stopped worker are handled after
 * the tab has moved on (seen: 23 of 64 calls of page A recorded with B's URL). The request itself
 * names the document that sent it; the tab's URL is only the last resort.
 */
import type { BackgroundStore } from './background-store';
import { urlAt, type DocumentBook, type DocumentInfo } from './documents';

export interface SenderPage {
  /** The document that sent the call: an iframe's own URL when an iframe sent it. */
  readonly pageUrl: string;
  /** The tab's top page, when an iframe sent the call. */
  readonly topUrl?: string;
}

/** What webRequest says of a request's sender; each browser fills its own half. */
export interface RequestSource {
  readonly tabId: number;
  readonly frameId: number;
  /** Chromium: the sending document, and the origin that started the request. */
  readonly documentId?: string;
  readonly initiator?: string;
  /** Firefox: the sending document's URL, and its ancestors up to the top page (last). */
  readonly documentUrl?: string;
  readonly frameAncestors?: readonly { readonly url: string }[];
  readonly originUrl?: string;
  /** When the request was sent: a single-page app's URL depends on it. */
  readonly timeStamp?: number;
}

export interface BrowserTabs {
  /** The open tabs' ids and URLs. */
  query(): Promise<{ id?: number; url?: string }[]>;
  /** True when this browser session started before this worker (a worker restart, not a browser start). */
  sessionStartedBefore(): Promise<boolean>;
  /** Chromium: a live document the book missed (its commit was never reported to this extension). */
  lookupDocument(tabId: number, frameId: number, documentId: string): Promise<DocumentInfo | null>;
}

/** A closing tab's last beacon may still be on its way (its body too): its timeline waits this long. */
export const CLOSED_TAB_GRACE_MS = 2500;

export class Tabs {
  /** Each tab's current URL: it follows a single-page app's history.pushState. */
  private readonly tabUrls = new Map<number, string>();
  /** The URL each tab's top document was loaded with (what Firefox's documentUrl keeps saying after a pushState). */
  private readonly loadedUrls = new Map<number, string>();
  private readonly forgetListeners: ((tabId: number) => void)[] = [];
  private readonly routeListeners: ((documentId: string, since: number) => void)[] = [];

  constructor(
    private readonly store: BackgroundStore,
    /** Chromium's document book; null where requests name their document URL (Firefox). */
    private readonly documents: DocumentBook | null,
    private readonly browserTabs: BrowserTabs,
  ) {}

  /** The page that sent a request: at once when known, after a lookup when Chromium names a document the book lacks. */
  senderOf(source: RequestSource): SenderPage | Promise<SenderPage> {
    if (!this.documents) return this.senderFromDocumentUrl(source);
    const { documentId } = source;
    if (documentId === undefined) return this.fallback(source);
    const known = this.documents.get(documentId);
    if (known) return this.senderFromDocumentBook(documentId, known, source);
    return this.browserTabs.lookupDocument(source.tabId, source.frameId, documentId).then(
      (found) => {
        if (!found) return this.fallback(source);
        this.documents?.committed(documentId, found);
        return this.senderFromDocumentBook(documentId, found, source);
      },
      () => this.fallback(source),
    );
  }

  /** A top-frame navigation starts: a marker in the tab's timeline. */
  navigationStarted(tabId: number, url: string, at: number): void {
    this.tabUrls.set(tabId, url);
    this.loadedUrls.set(tabId, url);
    this.store.append(tabId, (seq) => ({ kind: 'navigation', seq, url, at }));
  }

  /** Chromium: a document committed in a tab's frame (webNavigation.onCommitted). */
  documentCommitted(documentId: string, info: DocumentInfo, frameId: number): void {
    const known = this.documents?.get(documentId);
    this.documents?.committed(documentId, known?.routes ? { ...info, routes: known.routes } : info);
    if (frameId === 0) this.tabUrls.set(info.tabId, info.url);
    // A document's first calls can be handled before its commit, when looking it up failed too
    // (an iframe that sends as it loads): they are named again now that the book knows it.
    for (const listener of this.routeListeners) listener(documentId, -Infinity);
  }

  /**
   * Chromium: a single-page app changed its route (history.pushState, a #fragment) at `at`. Chromium
   * may hand over the calls sent just after it before this event (seen: 1 in 10 soak runs), so
   * listeners re-attribute calls of the document sent since `at`.
   */
  documentRouted(documentId: string, info: DocumentInfo, frameId: number, at: number): void {
    if (this.documents?.get(documentId)) this.documents.routed(documentId, info.url, at);
    else this.documents?.committed(documentId, { ...info, routes: [{ url: info.url, at }] });
    if (frameId === 0) this.tabUrls.set(info.tabId, info.url);
    for (const listener of this.routeListeners) listener(documentId, at);
  }

  onRouted(listener: (documentId: string, since: number) => void): void {
    this.routeListeners.push(listener);
  }

  urlChanged(tabId: number, url: string): void {
    this.tabUrls.set(tabId, url);
  }

  onForget(listener: (tabId: number) => void): void {
    this.forgetListeners.push(listener);
  }

  closed(tabId: number): void {
    setTimeout(() => this.forget(tabId), CLOSED_TAB_GRACE_MS);
  }

  /** Timelines of tabs that closed while the worker was stopped, or in an earlier browser session. */
  async forgetStale(): Promise<void> {
    const open = await this.browserTabs.query();
    const openIds = new Set(open.map((tab) => tab.id));
    for (const tab of open) {
      if (tab.id === undefined || !tab.url || this.tabUrls.has(tab.id)) continue;
      this.tabUrls.set(tab.id, tab.url);
      this.loadedUrls.set(tab.id, tab.url);
    }
    // Tab ids restart with the browser: an earlier session's timeline must not reach a new tab.
    const sameSession = await this.browserTabs.sessionStartedBefore();
    for (const tabId of this.store.tabIds()) if (!openIds.has(tabId) || !sameSession) this.forget(tabId);
  }

  private forget(tabId: number): void {
    this.store.removeTab(tabId);
    this.tabUrls.delete(tabId);
    this.loadedUrls.delete(tabId);
    this.documents?.forgetTab(tabId);
    for (const listener of this.forgetListeners) listener(tabId);
  }

  /** Firefox: the request names its document's URL, and the frames above it. */
  private senderFromDocumentUrl(source: RequestSource): SenderPage {
    // Firefox names a srcdoc frame by the URL it inherits, so a frame's top page may read the same.
    const top = source.frameAncestors?.[source.frameAncestors.length - 1]?.url;
    const documentUrl = source.documentUrl ?? source.originUrl;
    // Firefox's documentUrl stays the URL the document was loaded with when a single-page app
    // moves on with history.pushState; while the tab still shows that document, its URL is the page.
    const current =
      top === undefined && documentUrl !== undefined && documentUrl === this.loadedUrls.get(source.tabId)
        ? this.tabUrls.get(source.tabId)
        : undefined;
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
