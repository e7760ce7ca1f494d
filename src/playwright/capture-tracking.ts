/**
 * captureTracking(context): the capture pipeline the extension's background runs, fed by a
 * Playwright browser context instead of webRequest (a second host, not a second copy): its request
 * events, and the page reporter's reports of the calls the browser may hide or not show at all.
 * Every page of the context is captured from its first navigation.
 */
import type { BrowserContext, Page, Request } from '@playwright/test';
import { MemoryTimeline } from '../core/capture/memory-timeline';
import { KNOWN_ENDPOINTS, type HostPattern } from '../core/endpoints';
import { CapturePipeline } from '../core/capture/pipeline';
import { SenderPages } from '../core/capture/sender-pages';
import type { TimelineEntry } from '../core/capture/timeline-entry';
import { toNdjson, toNdjsonLine } from '../core/ndjson';
import type { MessageRecord } from '../core/record';
import type { MatchedCapture } from './matchers';
import type { TrackInspectorOptions } from './options';
import { readyOptions, type ReadyOptions } from './ready-options';
import type { ReporterConfig } from './page-reporter';
import { BINDING, PageChannel } from './page-channel';
import { frameOf, PlaywrightIds, requestBody, sourceOf } from './playwright-events';
import { capturedList, type TrackedMessage } from './tracked-message';
import { waitForChange } from './wait-for-change';

/** How long a page's report waits for Playwright to show its request before it is the call itself. */
export const REPORT_GRACE_MS = 1000;
/** The page reporter's bundled source (scripts/build-playwright.mjs). */
declare const __PAGE_REPORTER_SOURCE__: string;

const MISSING_BODY = 'the body was not visible to Playwright, and the page could not read it';

export class TrackingCapture implements MatchedCapture {
  private readonly listeners = new Set<() => void>();
  private readonly timeline = new MemoryTimeline(Infinity, () => this.listeners.forEach((listener) => listener()));
  private readonly ids = new PlaywrightIds();
  private readonly channel = new PageChannel(this.ids, (call) => this.handle(() => this.pipeline.pageCall(call)));
  private readonly pipeline: CapturePipeline;
  private readonly cache = new WeakMap<MessageRecord, TrackedMessage>();
  /** Playwright's events, handled one after another in the order they came (some need an await). */
  private queue = Promise.resolve();
  private failure: Error | null = null;
  private stopped = false;

  private readonly hosts: readonly HostPattern[];

  private constructor(
    private readonly context: BrowserContext,
    options: ReadyOptions,
  ) {
    this.hosts = options.hosts;
    const mode = { strict: options.strict, checker: options.checker };
    this.pipeline = new CapturePipeline({
      timeline: this.timeline,
      senders: new SenderPages(null),
      hosts: () => options.hosts,
      mode: () => mode,
      missingBodyReason: MISSING_BODY,
      pageReports: { graceMs: REPORT_GRACE_MS },
    });
  }

  /**
   * Starts capturing: the reporter and listeners are in place before this resolves.
   * @internal captureTracking() and the fixture start it.
   */
  static async start(context: BrowserContext, options: ReadyOptions): Promise<TrackingCapture> {
    const capture = new TrackingCapture(context, options);
    await capture.attach();
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
    if (!this.stopped) {
      this.detach();
      // A page closed just now may still have its last beacon's report on its way.
      await new Promise((resolve) => setTimeout(resolve, REPORT_GRACE_MS / 4));
      this.stopped = true;
      await this.channel.close();
    }
    await this.queue;
    while (this.pipeline.heldReports() > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    if (this.failure) throw this.failure;
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

  private async attach(): Promise<void> {
    const reportUrl = await this.channel.open(this.context);
    const config: ReporterConfig = { binding: BINDING, reportUrl, hosts: [...KNOWN_ENDPOINTS, ...this.hosts] };
    // The bundle declares one var, kept inside this function: the page gets no global of ours but the binding.
    const content = `(() => {\n${__PAGE_REPORTER_SOURCE__}\nTrackInspectorReporter.reportPageCalls(${JSON.stringify(config)});\n})();`;
    await this.context.addInitScript({ content });
    this.context.on('page', this.onPage);
    for (const page of this.context.pages()) this.onPage(page);
    this.context.on('request', this.onRequest);
    this.context.on('requestfinished', this.onFinished);
    this.context.on('requestfailed', this.onFailed);
  }

  private detach(): void {
    this.context.off('page', this.onPage);
    this.context.off('request', this.onRequest);
    this.context.off('requestfinished', this.onFinished);
    this.context.off('requestfailed', this.onFailed);
  }

  /** Handles Playwright's events strictly in order: a body parsed asynchronously must not overtake its outcome. */
  private handle(work: () => unknown): void {
    if (this.stopped) return;
    this.queue = this.queue.then(work).then(
      () => undefined,
      (error: unknown) => void (this.failure ??= error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** Numbers pages in the order they open. A closed page's messages stay: the test may still ask for them. */
  private readonly onPage = (page: Page): void => void this.ids.tabOf(page);

  private readonly onRequest = (request: Request): void => {
    const frame = frameOf(request);
    if (!frame) return; // a service worker's own request belongs to no page, as in the extension
    const source = sourceOf(frame, this.ids);
    if (request.isNavigationRequest() && !frame.parentFrame()) {
      this.handle(() => this.pipeline.navigationStarted(source.tabId, request.url(), source.timeStamp ?? Date.now()));
      return;
    }
    const requestId = this.ids.requestIdOf(request);
    const started = {
      ...source,
      requestId,
      url: request.url(),
      method: request.method(),
      timeStamp: source.timeStamp ?? Date.now(),
    };
    this.handle(async () => this.pipeline.requestStarted({ ...started, body: await requestBody(request) }));
  };

  private readonly onFinished = (request: Request): void => {
    const frame = frameOf(request);
    if (!frame) return;
    const event = {
      requestId: this.ids.requestIdOf(request),
      tabId: this.ids.tabOf(frame.page()),
      url: request.url(),
      method: request.method(),
    };
    this.handle(async () => {
      const response = await request.response();
      if (response) this.pipeline.requestCompleted({ ...event, statusCode: response.status() });
    });
  };

  private readonly onFailed = (request: Request): void => {
    const frame = frameOf(request);
    if (!frame) return;
    const event = {
      requestId: this.ids.requestIdOf(request),
      tabId: this.ids.tabOf(frame.page()),
      url: request.url(),
      method: request.method(),
    };
    const error = request.failure()?.errorText ?? 'failed';
    this.handle(() => this.pipeline.requestFailed({ ...event, error, type: request.resourceType() }));
  };
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
