/**
 * Per-tab timelines kept in memory only: the capture pipeline's timeline for a host whose capture
 * lives as long as it does (a test run). The extension's background store adds persistence across
 * service-worker restarts and change listeners on top of the same TabTimeline.
 */
import type { RequestInfo } from '../record';
import type { CallSeen, CaptureTimeline } from './capture-timeline';
import { TabTimeline } from './tab-timeline';
import type { EntryBuilder, MessageEntry, TimelineEntry } from './timeline-entry';

export class MemoryTimeline implements CaptureTimeline {
  private readonly tabs = new Map<number, TabTimeline>();

  constructor(
    private readonly capacity = Infinity,
    /** Called after every change: a test waiting for a message checks again. */
    private readonly changed: () => void = () => undefined,
  ) {}

  append(tabId: number, build: readonly EntryBuilder[]): void {
    let timeline = this.tabs.get(tabId);
    if (!timeline) this.tabs.set(tabId, (timeline = new TabTimeline({ tabId, nextSeq: 1, dropped: 0 }, this.capacity)));
    for (const make of build) timeline.append(make(timeline.nextSeq()));
    if (build.length) this.changed();
  }

  requestOf(tabId: number, requestId: string): RequestInfo | undefined {
    return this.tabs.get(tabId)?.requestOf(requestId);
  }

  updateRequest(tabId: number, requestId: string, request: RequestInfo): boolean {
    const timeline = this.tabs.get(tabId);
    if (!timeline?.hasRequest(requestId)) return false;
    timeline.updateRequest(requestId, request);
    this.changed();
    return true;
  }

  entriesOf(tabId: number, requestId: string): readonly MessageEntry[] {
    return this.tabs.get(tabId)?.messagesOf(requestId) ?? [];
  }

  replaceRequest(tabId: number, requestId: string, build: readonly EntryBuilder[]): void {
    if (!this.tabs.get(tabId)?.removeRequest(requestId).length) return;
    this.append(tabId, build);
  }

  messagesNear(tabId: number, url: string, at: number, windowMs: number): readonly MessageEntry[] {
    return this.tabs.get(tabId)?.messagesNear(url, at, windowMs) ?? [];
  }

  hasReport(tabId: number, reportId: string): boolean {
    return this.tabs.get(tabId)?.hasReport(reportId) ?? false;
  }

  awaitingCalls(tabId: number): readonly CallSeen[] {
    return this.tabs.get(tabId)?.awaitingCalls() ?? [];
  }

  removeTab(tabId: number): void {
    if (this.tabs.delete(tabId)) this.changed();
  }

  tabIds(): readonly number[] {
    return [...this.tabs.keys()];
  }

  /** The tab's entries in timeline order. */
  entries(tabId: number): readonly TimelineEntry[] {
    return this.tabs.get(tabId)?.all() ?? [];
  }
}
