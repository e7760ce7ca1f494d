/**
 * One tab's timeline in memory: a bounded list of entries in timeline order (compareEntries), the count dropped to
 * stay within the bound, and an index from webRequest ids to the messages they produced.
 */
import type { RequestInfo } from '../record';
import type { CallSeen } from './capture-timeline';
import { insertSorted, lastIndexWhere } from './sorted-entries';
import { compareEntries, entryTime, type MessageEntry, type TimelineEntry } from './timeline-entry';

export interface TabState {
  readonly tabId: number;
  nextSeq: number;
  dropped: number;
}

export class TabTimeline {
  private entries: TimelineEntry[] = [];
  private messageCount = 0;
  /** Kept as entries come and go: the badge asks after every burst, and a count would walk the whole timeline. */
  private invalidMessages = 0;
  private readonly byRequest = new Map<string, number[]>();
  /** Calls recorded before the page reported their body, by request id. */
  private readonly awaiting = new Map<string, CallSeen>();
  /** The page report each request's rows came from (MessageEntry.reportId; one per request), and the reverse. */
  private readonly reportOf = new Map<string, string>();
  private readonly reports = new Set<string>();

  constructor(
    readonly state: TabState,
    private capacity: number,
  ) {}

  static restore(state: TabState, entries: TimelineEntry[], capacity: number): TabTimeline {
    const timeline = new TabTimeline(state, capacity);
    for (const entry of entries) timeline.insert(entry);
    return timeline;
  }

  /** Adds in timeline order; returns the entries dropped from the front to stay within capacity. */
  append(entry: TimelineEntry): TimelineEntry[] {
    this.insert(entry);
    return this.trim();
  }

  nextSeq(): number {
    return this.state.nextSeq++;
  }

  all(): readonly TimelineEntry[] {
    return this.entries;
  }

  setCapacity(capacity: number): TimelineEntry[] {
    this.capacity = capacity;
    return this.trim();
  }

  /**
   * Applies an outcome to every message of a request; returns the entries that changed. `inPlace` updates the
   * entries themselves, for a host whose readers keep no entry across changes (the extension's background, which
   * serialises what it hands out): no copy of each entry and record per call. Otherwise each is replaced by a copy
   * (the Playwright host caches what it derived from each record).
   */
  updateRequest(requestId: string, request: RequestInfo, inPlace = false): MessageEntry[] {
    const seqs = this.byRequest.get(requestId) ?? [];
    const changed: MessageEntry[] = [];
    for (const seq of seqs) {
      const index = this.indexOf(seq);
      const entry = index < 0 ? undefined : this.entries[index];
      if (entry?.kind !== 'message') continue;
      const updated = inPlace ? entry : { ...entry, record: { ...entry.record, request } };
      if (inPlace) (entry.record as { request: RequestInfo }).request = request;
      else this.entries[index] = updated;
      changed.push(updated);
    }
    return changed;
  }

  /** Removes every message of a request; returns them. */
  removeRequest(requestId: string): TimelineEntry[] {
    const seqs = new Set(this.byRequest.get(requestId) ?? []);
    if (!seqs.size) return [];
    const removed = this.entries.filter((entry) => seqs.has(entry.seq));
    this.entries = this.entries.filter((entry) => !seqs.has(entry.seq));
    this.forgetRequest(requestId);
    this.messageCount -= removed.length;
    this.invalidMessages -= invalidAmong(removed);
    return removed;
  }

  /** The messages sent to `url` within `windowMs` of `at` (the timeline is in send-time order: a short walk back). */
  messagesNear(url: string, at: number, windowMs: number): MessageEntry[] {
    const near: MessageEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (!entry || entryTime(entry) < at - windowMs) break;
      if (entry.kind === 'message' && entry.record.request.url === url && entryTime(entry) <= at + windowMs)
        near.push(entry);
    }
    return near;
  }

  hasReport(reportId: string): boolean {
    return this.reports.has(reportId);
  }

  awaitingCalls(): CallSeen[] {
    return [...this.awaiting.values()];
  }

  /** The messages a request produced, in timeline order. */
  messagesOf(requestId: string): MessageEntry[] {
    if (!this.byRequest.has(requestId)) return [];
    return this.entries.filter(
      (entry): entry is MessageEntry => entry.kind === 'message' && entry.requestId === requestId,
    );
  }

  hasRequest(requestId: string): boolean {
    return this.byRequest.has(requestId);
  }

  /** The request of a call's messages (they share it), or undefined when none is held. */
  requestOf(requestId: string): RequestInfo | undefined {
    const seq = this.byRequest.get(requestId)?.[0];
    const entry = seq === undefined ? undefined : this.entries[this.indexOf(seq)];
    return entry?.kind === 'message' ? entry.record.request : undefined;
  }

  replaceAll(entries: TimelineEntry[]): void {
    this.entries = [];
    this.messageCount = 0;
    this.invalidMessages = 0;
    this.byRequest.clear();
    this.awaiting.clear();
    this.reportOf.clear();
    this.reports.clear();
    for (const entry of entries) this.insert(entry);
  }

  invalidCount(): number {
    return this.invalidMessages;
  }

  private insert(entry: TimelineEntry): void {
    insertSorted(this.entries, entry, compareEntries);
    if (entry.kind !== 'message') return;
    this.messageCount++;
    if (!entry.record.validation.valid) this.invalidMessages++;
    if (entry.awaitingBody) {
      const { record } = entry;
      this.awaiting.set(entry.requestId, {
        requestId: entry.requestId,
        tabId: record.tabId,
        url: record.request.url,
        method: record.request.method,
        at: record.capturedAt,
      });
    }
    if (entry.reportId !== undefined) {
      this.reportOf.set(entry.requestId, entry.reportId);
      this.reports.add(entry.reportId);
    }
    const seqs = this.byRequest.get(entry.requestId);
    if (seqs) seqs.push(entry.seq);
    else this.byRequest.set(entry.requestId, [entry.seq]);
  }

  /** The capacity counts messages; navigation markers before the oldest kept message go with them. */
  private trim(): TimelineEntry[] {
    let excess = this.messageCount - this.capacity;
    if (excess <= 0) return [];
    let cut = 0;
    while (excess > 0) if ((this.entries[cut++] as TimelineEntry).kind === 'message') excess--;
    const removed = this.entries.splice(0, cut);
    for (const entry of removed) {
      if (entry.kind !== 'message') continue;
      const rest = (this.byRequest.get(entry.requestId) ?? []).filter((seq) => seq !== entry.seq);
      if (rest.length) this.byRequest.set(entry.requestId, rest);
      else this.forgetRequest(entry.requestId); // the whole batch is gone
      this.awaiting.delete(entry.requestId);
    }
    const droppedMessages = removed.filter((e) => e.kind === 'message').length;
    this.messageCount -= droppedMessages;
    this.invalidMessages -= invalidAmong(removed);
    this.state.dropped += droppedMessages;
    return removed;
  }

  /** A request whose every message is gone: its indexes let go of it. */
  private forgetRequest(requestId: string): void {
    this.byRequest.delete(requestId);
    this.awaiting.delete(requestId);
    const reportId = this.reportOf.get(requestId);
    if (reportId !== undefined) this.reports.delete(reportId);
    this.reportOf.delete(requestId);
  }

  /** Updates concern recent calls: search from the end. */
  private indexOf(seq: number): number {
    return lastIndexWhere(this.entries, (entry) => entry.seq === seq);
  }
}

function invalidAmong(entries: readonly TimelineEntry[]): number {
  let count = 0;
  for (const entry of entries) if (entry.kind === 'message' && !entry.record.validation.valid) count++;
  return count;
}
