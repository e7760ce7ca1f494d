/**
 * Chromium's book of documents: documentId -> URL and parent document, as webNavigation.onCommitted
 * reports them. Chromium's webRequest names the document that sent a call only by its documentId.
 * Kept in storage.session (which outlives the service worker, not the browser session) because the
 * calls that wake a stopped worker are often handled after the document that sent them is gone:
 * its commit was reported to the worker's previous life.
 */

export interface DocumentInfo {
  readonly tabId: number;
  readonly url: string;
  readonly parentDocumentId?: string;
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
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private saveFailed = false;

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

  get(documentId: string): DocumentInfo | undefined {
    return this.documents.get(documentId);
  }

  /** The URL of the top document above `documentId`, when it is known and is another document. */
  topUrlAbove(documentId: string): string | undefined {
    let top: DocumentInfo | undefined;
    let id = this.documents.get(documentId)?.parentDocumentId;
    for (let depth = 0; id !== undefined && depth < 32; depth++) {
      top = this.documents.get(id);
      id = top?.parentDocumentId;
    }
    return top?.url;
  }

  forgetTab(tabId: number): void {
    for (const [id, info] of this.documents) if (info.tabId === tabId) this.documents.delete(id);
    this.save();
  }

  private save(): void {
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = null;
      this.storage.set({ [STORAGE_KEY]: [...this.documents] }).catch((error: unknown) => {
        if (!this.saveFailed) console.error('track-inspector: documents could not be saved; a restarted worker may name the tab URL as a page', error);
        this.saveFailed = true;
      });
    }, SAVE_DELAY_MS);
  }
}
