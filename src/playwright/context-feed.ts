/**
 * Feeds one browser context to the capture pipeline: Playwright's request events and the page
 * reporter's reports (page-channel.ts), as the pipeline's plain events, strictly in the order they
 * came (a body parsed asynchronously must not overtake its outcome).
 */
import type { BrowserContext, Page, Request, Response } from '@playwright/test';
import type { CapturePipeline } from '../core/capture/pipeline';
import { KNOWN_ENDPOINTS, type HostPattern } from '../core/endpoints';
import { BINDING, PageChannel } from './page-channel';
import type { ReporterConfig } from './page-reporter';
import { frameOf, PlaywrightIds, requestBody, sourceOf } from './playwright-events';

/** The page reporter's bundled source (scripts/build-playwright.mjs). */
declare const __PAGE_REPORTER_SOURCE__: string;

export class ContextFeed {
  private readonly ids = new PlaywrightIds();
  // Not waited for: pageCall settles only once its request came or the grace passed, and the queue must go on.
  private readonly channel = new PageChannel(this.ids, (call) => this.handle(() => void this.pipeline.pageCall(call)));
  private readonly answered = new WeakSet<Request>();
  /** When a document last went away (a page closed, a navigation started): stop() lingers after it. */
  private lastDocumentGone = -Infinity;
  private queue = Promise.resolve();
  private failure: Error | null = null;
  private stopped = false;

  constructor(
    private readonly context: BrowserContext,
    private readonly pipeline: CapturePipeline,
    private readonly hosts: readonly HostPattern[],
  ) {}

  /** The reporter in every frame from now on, and the listeners, in place before this resolves. */
  async start(): Promise<void> {
    const reportUrl = await this.channel.open(this.context);
    const hosts = [...KNOWN_ENDPOINTS, ...this.hosts];
    // Chromium shows Playwright every string body: only what it hides needs the page's report (a binding round
    // trip per call is most of the fixture's cost). Other engines show Playwright no body at all.
    const every = this.context.browser()?.browserType().name() !== 'chromium';
    const config: ReporterConfig = { binding: BINDING, reportUrl, hosts, every };
    // The bundle declares one var, kept inside this function: the page gets no global of ours but the binding.
    const call = `TrackInspectorReporter.reportPageCalls(${JSON.stringify(config)});`;
    await this.context.addInitScript({ content: `(() => {\n${__PAGE_REPORTER_SOURCE__}\n${call}\n})();` });
    this.context.on('page', this.onPage);
    for (const page of this.context.pages()) this.onPage(page);
    this.context.on('request', this.onRequest);
    this.context.on('response', this.onResponse);
    this.context.on('requestfailed', this.onFailed);
  }

  /**
   * Stops listening; throws what handling met. A document gone less than `lingerMs` ago (a page closed or
   * navigated away) may still have its last reports on their way as beacons: those are waited for.
   */
  async stop(lingerMs: number): Promise<void> {
    if (!this.stopped) {
      this.context.off('page', this.onPage);
      this.context.off('request', this.onRequest);
      this.context.off('response', this.onResponse);
      this.context.off('requestfailed', this.onFailed);
      const linger = this.lastDocumentGone + lingerMs - Date.now();
      if (linger > 0) await new Promise((resolve) => setTimeout(resolve, linger));
      this.stopped = true;
      await this.channel.close();
    }
    await this.queue;
    if (this.failure) throw this.failure;
  }

  private handle(work: () => unknown): void {
    if (this.stopped) return;
    this.queue = this.queue.then(work).then(
      () => undefined,
      (error: unknown) => void (this.failure ??= error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** Numbers pages in the order they open. A closed page's messages stay: the test may still ask for them. */
  private readonly onPage = (page: Page): void => {
    this.ids.tabOf(page);
    page.once('close', () => (this.lastDocumentGone = Date.now()));
  };

  private readonly onRequest = (request: Request): void => {
    const frame = frameOf(request);
    if (!frame) return; // a service worker's own request belongs to no page, as in the extension
    const source = sourceOf(frame, this.ids);
    const at = source.timeStamp ?? Date.now();
    if (request.isNavigationRequest()) this.lastDocumentGone = Date.now(); // an iframe's document goes too
    if (request.isNavigationRequest() && !frame.parentFrame()) {
      this.handle(() => this.pipeline.navigationStarted(source.tabId, request.url(), at));
      return;
    }
    const started = {
      ...source,
      requestId: this.ids.requestIdOf(request),
      url: request.url(),
      method: request.method(),
    };
    this.handle(async () =>
      this.pipeline.requestStarted({ ...started, timeStamp: at, body: await requestBody(request) }),
    );
  };

  /**
   * The status settles the call when it arrives: Playwright never fires `requestfinished` for a response
   * the page does not read that cannot be cached (`no-store`), which is how collectors answer.
   */
  private readonly onResponse = (response: Response): void => {
    const request = response.request();
    const event = this.settledEvent(request);
    this.answered.add(request);
    if (event) this.handle(() => this.pipeline.requestCompleted({ ...event, statusCode: response.status() }));
  };

  private readonly onFailed = (request: Request): void => {
    // Failing after its status (the body's download was cut): the server answered, the status stands.
    if (this.answered.has(request)) return;
    const event = this.settledEvent(request);
    const error = request.failure()?.errorText ?? 'failed';
    if (event) this.handle(() => this.pipeline.requestFailed({ ...event, error, type: request.resourceType() }));
  };

  private settledEvent(request: Request) {
    const frame = frameOf(request);
    if (!frame) return null;
    const { ids } = this;
    return {
      requestId: ids.requestIdOf(request),
      tabId: ids.tabOf(frame.page()),
      url: request.url(),
      method: request.method(),
    };
  }
}
