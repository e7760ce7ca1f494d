/**
 * Recent calls per Chromium document, so a single-page app's route change reported after calls sent
 * since it can re-attribute them (Chromium may hand over the calls sent just after a pushState
 * before the route change itself). Bounded in calls per document and in documents.
 */
import type { CallSeen } from './capture-timeline';

const CALLS_PER_DOCUMENT = 100;
const DOCUMENTS = 100;

export interface DocumentCall extends CallSeen {
  readonly documentId: string;
  readonly frameId: number;
}

export class RecentCalls {
  private readonly byDocument = new Map<string, DocumentCall[]>();

  remember(call: DocumentCall): void {
    const calls = this.byDocument.get(call.documentId) ?? [];
    this.byDocument.delete(call.documentId); // re-inserted last: the map's order is recency
    this.byDocument.set(call.documentId, [...calls.slice(-(CALLS_PER_DOCUMENT - 1)), call]);
    for (const oldest of this.byDocument.keys()) {
      if (this.byDocument.size <= DOCUMENTS) break;
      this.byDocument.delete(oldest);
    }
  }

  /** The document's calls sent at `since` or later. */
  sentSince(documentId: string, since: number): readonly DocumentCall[] {
    return (this.byDocument.get(documentId) ?? []).filter((call) => call.at >= since);
  }
}
