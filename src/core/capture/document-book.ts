/**
 * Chromium's book of documents: documentId -> URL and parent document, as webNavigation.onCommitted
 * reports them. Chromium's webRequest names the document that sent a call only by its documentId.
 * Kept in storage.session (which outlives the service worker, not the browser session) because the
 * calls that wake a stopped worker are often handled after the document that sent them is gone:
 * its commit was reported to the worker's previous life.
 */
import { firstFailureLogger } from '../first-failure';

export interface DocumentInfo {
  readonly tabId: number;
  /** The URL the document committed with. */
  readonly url: string;
  readonly parentDocumentId?: string;
  /** A single-page app's later URLs (history.pushState, #fragments), each from its time on. */
  readonly routes?: readonly Route[];
}

export interface Route {
  readonly url: string;
  /** When the route changed, ms since the epoch (webNavigation's timeStamp). */
  readonly at: number;
}

/** Routes kept per document: enough for a session of clicking through an app. */
const MAX_ROUTES = 50;

/** The document's URL at a given time: its latest route by then, else the URL it committed with. */
export function urlAt(document: DocumentInfo, at: number): string {
  let url = document.url;
  for (const route of document.routes ?? []) if (route.at <= at) url = route.url;
  return url;
}

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const STORAGE_KEY = 'documents';
/**
 * Enough for the recent documents and frames of many tabs; the oldest go first. Bounded because the
 * whole book is written on each burst of commits (about 100 bytes a document).
 */
const MAX_DOCUMENTS = 500;
/** Commits come in bursts (a page and its iframes): one write for a burst. */
const SAVE_DELAY_MS = 20;

export class DocumentBook {
  private readonly documents = new Map<string, DocumentInfo>();
  private saveTimer: unknown = null;
  private readonly logSaveFailure = firstFailureLogger();

  constructor(private readonly storage: SessionArea) {}

  /** Never rejects: without the stored book, pages fall back to the tab's URL. */
  async load(): Promise<void> {
    const stored = await this.storage.get(STORAGE_KEY).then(
      (items) => items[STORAGE_KEY],
      (error: unknown) => console.error('track-inspector: stored documents could not be read', error),
    );
    if (!Array.isArray(stored)) return;
    for (const item of stored as [string, DocumentInfo][]) {
      // Commits reported to this life while the book was loading are newer: keep them.
      if (!this.documents.has(item[0])) this.documents.set(item[0], item[1]);
    }
  }

  committed(documentId: string, info: DocumentInfo): void {
    this.documents.delete(documentId);
    this.documents.set(documentId, info);
    for (const oldest of this.documents.keys()) {
      if (this.documents.size <= MAX_DOCUMENTS) break;
      this.documents.delete(oldest);
    }
    this.save();
  }

  /** A route change (history.pushState, a #fragment) in a document the book knows. */
  routed(documentId: string, url: string, at: number): void {
    const document = this.documents.get(documentId);
    if (!document) return;
    const routes = [...(document.routes ?? []), { url, at }].sort((a, b) => a.at - b.at).slice(-MAX_ROUTES);
    this.committed(documentId, { ...document, routes });
  }

  get(documentId: string): DocumentInfo | undefined {
    return this.documents.get(documentId);
  }

  /** The URL at `at` of the top document above `documentId`, when it is known and is another document. */
  topUrlAbove(documentId: string, at = Infinity): string | undefined {
    let top: DocumentInfo | undefined;
    let id = this.documents.get(documentId)?.parentDocumentId;
    for (let depth = 0; id !== undefined && depth < 32; depth++) {
      top = this.documents.get(id);
      id = top?.parentDocumentId;
    }
    return top && urlAt(top, at);
  }

  forgetTab(tabId: number): void {
    for (const [id, info] of this.documents) if (info.tabId === tabId) this.documents.delete(id);
    this.save();
  }

  private save(): void {
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = null;
      this.storage.set({ [STORAGE_KEY]: [...this.documents] }).catch((error: unknown) => {
        this.logSaveFailure('documents could not be saved; a restarted worker may name the tab URL as a page', error);
      });
    }, SAVE_DELAY_MS);
  }
}
