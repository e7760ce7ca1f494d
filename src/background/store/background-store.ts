/**
 * Every tab's timeline: in memory for speed, mirrored to IndexedDB so a stopped service worker
 * loses nothing. Listeners (ports to panels, the badge) hear about every change, in order.
 */
import type { CallSeen, CaptureTimeline } from '../../core/capture/capture-timeline';
import { TabTimeline } from '../../core/capture/tab-timeline';
import { entryTime, type EntryBuilder, type MessageEntry, type TimelineEntry } from '../../core/capture/timeline-entry';
import type { RequestInfo } from '../../core/record';
import type { TimelineDb } from './timeline-db';

export interface StoreListener {
  added(tabId: number, entries: readonly TimelineEntry[], dropped: number): void;
  /** Messages whose request changed (an outcome), updated in place: an entry a listener still holds has it too. */
  updated(tabId: number, entries: readonly MessageEntry[]): void;
  /** A call's rows were replaced (its body arrived after it): `removed` seqs go, `added` come. */
  replaced(tabId: number, removed: readonly number[], added: readonly TimelineEntry[], dropped: number): void;
  /**
   * The tab's timeline changed wholesale (cleared, trimmed), or every tab's did ('all': re-validated): clients take a
   * new snapshot.
   */
  reset(tabId: number | 'all'): void;
  /** The tab's timeline is gone for good (the tab closed, or belonged to an earlier browser session). */
  removed(tabId: number): void;
}

export class BackgroundStore implements CaptureTimeline {
  private readonly tabs = new Map<number, TabTimeline>();
  private readonly listeners = new Set<StoreListener>();
  readonly ready: Promise<void>;

  constructor(
    private readonly db: TimelineDb,
    private capacity: number,
  ) {
    db.rewriteFrom((tabId) => {
      const timeline = this.tabs.get(tabId);
      return timeline && { entries: timeline.all(), state: timeline.state };
    });
    this.ready = db.loadAll().then(
      ({ states, entries }) => {
        for (const state of states) {
          this.tabs.set(state.tabId, TabTimeline.restore(state, entries.get(state.tabId) ?? [], this.capacity));
        }
      },
      // Capture must go on without storage (IndexedDB can be unavailable, e.g. in some private
      // windows): timelines then live only as long as the worker.
      (error: unknown) =>
        console.error('track-inspector: stored timelines could not be loaded; capturing in memory only', error),
    );
  }

  listen(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends entries built with fresh sequence numbers, in order. Call only after `ready`. */
  append(tabId: number, build: EntryBuilder | readonly EntryBuilder[]): void {
    const timeline = this.timeline(tabId);
    const { added } = this.appendTo(timeline, typeof build === 'function' ? [build] : build);
    for (const l of this.listeners) l.added(tabId, added, timeline.state.dropped);
  }

  requestOf(tabId: number, requestId: string): RequestInfo | undefined {
    return this.tabs.get(tabId)?.requestOf(requestId);
  }

  updateRequest(tabId: number, requestId: string, request: RequestInfo): boolean {
    const timeline = this.tabs.get(tabId);
    if (!timeline?.hasRequest(requestId)) return false;
    const changed = timeline.updateRequest(requestId, request, true);
    for (const { seq } of changed) this.db.write({ op: 'put-request', tabId, seq, request });
    for (const l of this.listeners) l.updated(tabId, changed);
    return true;
  }

  messagesNear(tabId: number, url: string, at: number, windowMs: number): readonly MessageEntry[] {
    return this.tabs.get(tabId)?.messagesNear(url, at, windowMs) ?? [];
  }

  hasReport(tabId: number, reportId: string): boolean {
    return this.tabs.get(tabId)?.hasReport(reportId) ?? false;
  }

  /** Calls of the tab recorded before the page reported their body. */
  awaitingCalls(tabId: number): readonly CallSeen[] {
    return this.tabs.get(tabId)?.awaitingCalls() ?? [];
  }

  /** The messages a request produced. */
  entriesOf(tabId: number, requestId: string): MessageEntry[] {
    return this.tabs.get(tabId)?.messagesOf(requestId) ?? [];
  }

  /** Replaces a request's messages with new ones (its body arrived after it was recorded). */
  replaceRequest(tabId: number, requestId: string, build: readonly EntryBuilder[]): void {
    const timeline = this.tabs.get(tabId);
    if (!timeline?.hasRequest(requestId)) return;
    const removed = timeline.removeRequest(requestId);
    this.persistRemoval(tabId, removed);
    const { added, trimmed } = this.appendTo(timeline, build);
    for (const l of this.listeners)
      l.replaced(
        tabId,
        [...removed, ...trimmed].map((entry) => entry.seq),
        added,
        timeline.state.dropped,
      );
  }

  snapshot(tabId: number): { entries: readonly TimelineEntry[]; dropped: number } {
    const timeline = this.tabs.get(tabId);
    return { entries: timeline?.all() ?? [], dropped: timeline?.state.dropped ?? 0 };
  }

  invalidCount(tabId: number): number {
    return this.tabs.get(tabId)?.invalidCount() ?? 0;
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  /**
   * Replaces every entry of every tab through `map` (re-validation with other settings). Every
   * client is reset, a panel on a tab with nothing captured too: the snapshot says what changed.
   */
  remapAll(map: (entry: TimelineEntry) => TimelineEntry): void {
    for (const [tabId, timeline] of this.tabs) {
      timeline.replaceAll(timeline.all().map(map));
      this.db.write({ op: 'rewrite-tab', tabId });
    }
    for (const l of this.listeners) l.reset('all');
  }

  /**
   * Removes what the tab's timeline holds from before `before` (ms since the epoch, the entries' own clock); later
   * entries stay.
   */
  clear(tabId: number, before: number): void {
    const timeline = this.tabs.get(tabId);
    if (!timeline) return;
    timeline.replaceAll(timeline.all().filter((entry) => entryTime(entry) > before));
    timeline.state.dropped = 0;
    this.db.write({ op: 'rewrite-tab', tabId });
    this.db.write({ op: 'put-tab', state: timeline.state });
    for (const l of this.listeners) l.reset(tabId);
  }

  removeTab(tabId: number): void {
    this.tabs.delete(tabId);
    this.db.write({ op: 'delete-tab', tabId });
    for (const l of this.listeners) l.removed(tabId);
  }

  setCapacity(capacity: number): void {
    this.capacity = capacity;
    for (const [tabId, timeline] of this.tabs) {
      const removed = timeline.setCapacity(capacity);
      if (!removed.length) continue;
      this.persistRemoval(tabId, removed);
      this.db.write({ op: 'put-tab', state: timeline.state });
      for (const l of this.listeners) l.reset(tabId);
    }
  }

  private timeline(tabId: number): TabTimeline {
    let timeline = this.tabs.get(tabId);
    if (!timeline) {
      timeline = new TabTimeline({ tabId, nextSeq: 1, dropped: 0 }, this.capacity);
      this.tabs.set(tabId, timeline);
    }
    return timeline;
  }

  /**
   * Appends and persists entries built with fresh sequence numbers; returns those still held and those trimmed to stay
   * in capacity.
   */
  private appendTo(
    timeline: TabTimeline,
    build: readonly EntryBuilder[],
  ): { added: TimelineEntry[]; trimmed: TimelineEntry[] } {
    const tabId = timeline.state.tabId;
    const built: TimelineEntry[] = [];
    let trimmed: TimelineEntry[] = [];
    for (const make of build) {
      const entry = make(timeline.nextSeq());
      trimmed = trimmed.concat(timeline.append(entry));
      built.push(entry);
      this.db.write({ op: 'put-entry', tabId, entry });
    }
    this.persistRemoval(tabId, trimmed);
    this.db.write({ op: 'put-tab', state: timeline.state });
    return { added: built.filter((entry) => !trimmed.includes(entry)), trimmed };
  }

  private persistRemoval(tabId: number, removed: readonly TimelineEntry[]): void {
    if (removed.length) this.db.write({ op: 'delete-entries', tabId, seqs: removed.map((entry) => entry.seq) });
  }
}
