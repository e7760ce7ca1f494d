/**
 * captureTracking(context): the capture pipeline the extension's background runs, fed by a
 * Playwright browser context instead of webRequest (a second host, not a second copy): its request
 * events, and the page reporter's reports of the calls the browser may hide or not show at all.
 * Every page of the context is captured from its first navigation.
 */
import type { BrowserContext } from '@playwright/test';
import { MemoryTimeline } from '../core/capture/memory-timeline';
import { CapturePipeline } from '../core/capture/pipeline';
import { SenderPages } from '../core/capture/sender-pages';
import type { TimelineEntry } from '../core/capture/timeline-entry';
import { toNdjson, toNdjsonLine } from '../core/ndjson';
import type { MessageRecord } from '../core/record';
import type { MatchedCapture } from './matchers';
import type { TrackInspectorOptions } from './options';
import { readyOptions, type ReadyOptions } from './ready-options';
import { ContextFeed } from './context-feed';
import { capturedList, type TrackedMessage } from './tracked-message';
import { waitForChange } from './wait-for-change';

/** How long a page's report waits for Playwright to show its request before it is the call itself. */
export const REPORT_GRACE_MS = 1000;
const MISSING_BODY = 'the body was not visible to Playwright, and the page could not read it';

export class TrackingCapture implements MatchedCapture {
  private readonly listeners = new Set<() => void>();
  private readonly timeline = new MemoryTimeline(Infinity, () => this.listeners.forEach((listener) => listener()));
  private readonly pipeline: CapturePipeline;
  private readonly feed: ContextFeed;
  private readonly cache = new WeakMap<MessageRecord, TrackedMessage>();
  /** Made with `pii: 'off'`: toHaveNoPersonalData says so instead of passing on nothing. */
  readonly privacyGuardOff: boolean;

  private constructor(context: BrowserContext, options: ReadyOptions) {
    const mode = { strict: options.strict, checker: options.checker, privacy: options.privacy };
    this.privacyGuardOff = options.privacy.mode === 'off';
    this.pipeline = new CapturePipeline({
      timeline: this.timeline,
      senders: new SenderPages(null),
      hosts: () => options.hosts,
      mode: () => mode,
      missingBodyReason: MISSING_BODY,
      pageReports: { graceMs: REPORT_GRACE_MS },
    });
    this.feed = new ContextFeed(context, this.pipeline, options.hosts);
  }

  /**
   * Starts capturing: the reporter and listeners are in place before this resolves.
   * @internal captureTracking() and the fixture start it.
   */
  static async start(context: BrowserContext, options: ReadyOptions): Promise<TrackingCapture> {
    const capture = new TrackingCapture(context, options);
    await capture.feed.start();
    return capture;
  }

  /** Every message so far, in send order, as the panel's Export NDJSON writes them. */
  messages(): TrackedMessage[] {
    const entries: { record: MessageRecord; seq: number }[] = [];
    for (const tabId of this.timeline.tabIds()) {
      for (const entry of this.timeline.entries(tabId)) if (isMessage(entry)) entries.push(entry);
    }
    entries.sort(
      (a, b) => a.record.capturedAt - b.record.capturedAt || a.record.tabId - b.record.tabId || a.seq - b.seq,
    );
    return entries.map(({ record }) => this.tracked(record));
  }

  /** The capture as NDJSON: importable in the panel, readable by `track-inspector validate`. */
  toNdjson(): string {
    return toNdjson(this.messages().map((message) => this.records.get(message) as MessageRecord));
  }

  /** Forgets what was captured so far (calls still on their way are recorded when they arrive). */
  clear(): void {
    for (const tabId of this.timeline.tabIds()) {
      this.timeline.removeTab(tabId);
      this.pipeline.resetLinter(tabId);
    }
  }

  /** The first message `predicate` accepts, waiting for it up to `timeout` ms (default 5000). */
  async waitFor(
    predicate: (message: TrackedMessage) => boolean,
    options: { timeout?: number } = {},
  ): Promise<TrackedMessage> {
    const timeout = options.timeout ?? 5000;
    const found = await waitForChange(this, () => this.messages().find(predicate) ?? null, timeout);
    if (found) return found;
    throw new Error(`captureTracking: no message matched within ${timeout} ms.\n${capturedList(this.messages())}`);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Stops listening, once every event so far is handled and every report the page made has found its
   * request or been recorded alone (at most REPORT_GRACE_MS). Throws if handling an event failed.
   */
  async stop(): Promise<void> {
    // A page closed just now may still have its last beacon's report on its way.
    await this.feed.stop(REPORT_GRACE_MS / 4);
    while (this.pipeline.heldReports() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Each message's record, to write NDJSON from what messages() returned. */
  private readonly records = new WeakMap<TrackedMessage, MessageRecord>();

  private tracked(record: MessageRecord): TrackedMessage {
    let message = this.cache.get(record);
    if (!message) {
      message = JSON.parse(toNdjsonLine(record)) as TrackedMessage;
      this.cache.set(record, message);
      this.records.set(message, record);
    }
    return message;
  }
}

function isMessage(entry: TimelineEntry): entry is Extract<TimelineEntry, { kind: 'message' }> {
  return entry.kind === 'message';
}

/** Captures the tracking calls of every page of `context`; options as the fixture's (a plan path is relative to the working directory). */
export async function captureTracking(
  context: BrowserContext,
  options: TrackInspectorOptions = {},
): Promise<TrackingCapture> {
  return TrackingCapture.start(context, await readyOptions(options, process.cwd()));
}
