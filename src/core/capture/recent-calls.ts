/**
 * Recent calls per Chromium document, so a single-page app's route change reported after calls sent
 * since it can re-attribute them (Chromium may hand over the calls sent just after a pushState
 * before the route change itself). Bounded in calls per document and in documents.
 */
import type { CallSeen, CaptureTimeline } from './capture-timeline';
import { sentBefore, type NamedSend } from './page-named-sends';
import type { SenderPage, SenderPages } from './sender-pages';
import type { EntryBuilder } from './timeline-entry';

const CALLS_PER_DOCUMENT = 100;
const DOCUMENTS = 100;

export interface DocumentCall extends CallSeen {
  readonly documentId: string;
  readonly frameId: number;
}

/** Where a call's page is named and its rows kept. */
interface Where {
  readonly senders: SenderPages;
  readonly timeline: CaptureTimeline;
}

export class RecentCalls {
  private readonly byDocument = new Map<string, DocumentCall[]>();
  /** Calls the page named (page-named-sends.ts): its order beats the browser's timing of route changes. */
  private readonly namedByPage = new Set<string>();

  remember(call: DocumentCall, namedByPage = false): void {
    if (namedByPage) this.namedByPage.add(call.requestId);
    const calls = this.byDocument.get(call.documentId) ?? [];
    this.byDocument.delete(call.documentId); // re-inserted last: the map's order is recency
    this.byDocument.set(call.documentId, [...calls.slice(-(CALLS_PER_DOCUMENT - 1)), call]);
    for (const [oldest, calls] of this.byDocument) {
      if (this.byDocument.size <= DOCUMENTS) break;
      this.byDocument.delete(oldest);
      for (const gone of calls) this.namedByPage.delete(gone.requestId);
    }
  }

  /**
   * The page reported the URL it showed when it made this send: the earliest call it can be, not named by
   * the page yet, takes that name. False when no recorded call is it (its request has not come yet).
   */
  nameByPage(documentId: string, send: NamedSend, { senders, timeline }: Where): boolean {
    const call = (this.byDocument.get(documentId) ?? [])
      .filter((c) => !this.namedByPage.has(c.requestId) && sentBefore(send, c.url, c.method, c.at))
      .reduce<DocumentCall | undefined>((earliest, c) => (earliest && earliest.at <= c.at ? earliest : c), undefined);
    if (!call) return false;
    this.namedByPage.add(call.requestId);
    const page = senders.senderOf({ tabId: call.tabId, frameId: call.frameId, documentId, timeStamp: call.at });
    if (!(page instanceof Promise)) rename(call, { ...page, pageUrl: send.pageUrl }, timeline);
    return true;
  }

  /**
   * Names the page of the document's calls sent at `since` or later again, now that the book knows
   * the document or its route; rows whose page changes are replaced as they are, page corrected (no
   * second inspection).
   */
  reattribute(documentId: string, since: number, { senders, timeline }: Where): void {
    for (const call of this.byDocument.get(documentId) ?? []) {
      if (call.at < since || this.namedByPage.has(call.requestId)) continue;
      const page = senders.senderOf({ tabId: call.tabId, frameId: call.frameId, documentId, timeStamp: call.at });
      if (page instanceof Promise) continue; // the document is in the book: never a lookup
      rename(call, page, timeline);
    }
  }
}

/** The call's rows replaced as they are, page corrected (no second inspection); nothing when the page is the same. */
function rename(call: CallSeen, page: SenderPage, timeline: CaptureTimeline): void {
  const entries = timeline.entriesOf(call.tabId, call.requestId);
  if (!entries.some((e) => e.record.pageUrl !== page.pageUrl || e.record.topUrl !== page.topUrl)) return;
  const rebuilt = entries.map((entry): EntryBuilder => {
    const { topUrl: _old, ...record } = entry.record;
    return (seq) => ({ ...entry, seq, record: { ...record, ...page } });
  });
  timeline.replaceRequest(call.tabId, call.requestId, rebuilt);
}
