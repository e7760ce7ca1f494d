/**
 * The capture pipeline, independent of its host: request events, page body reports and document
 * facts (plain data, events.ts) -> validated records in a timeline. Every tracking call of a tab
 * becomes one entry per message (a batch splits), including calls whose body only the page could
 * report, and calls whose body nobody could see (the row says why). The extension's background
 * feeds it from webRequest; a test host can feed it from its own browser API.
 */
import { textOrNull, type RequestBody } from '../body';
import { recogniseCall } from '../endpoints';
import { BodyJoiner, type Rejoined, type Timers } from './body-join';
import { CallRows, reportedCall } from './call-rows';
import { CLOSED_TAB_GRACE_MS, type CaptureHost, type SeenCall } from './capture-host';
import type { CallSeen } from './capture-timeline';
import { ClosedTabs } from './closed-tabs';
import type { DocumentInfo } from './document-book';
import type { PageBody, PageCall, RequestCompleted, RequestFailed, RequestStarted, ResponseStarted } from './events';
import { isBeaconType, type Outcome } from './outcome';
import { PageCalls } from './page-calls';
import { PageNamedSends, type PageRoutes } from './page-named-sends';
import { RecentCalls } from './recent-calls';
import { RequestOutcomes } from './request-outcomes';
import type { SenderPage } from './sender-pages';
import type { EntryBuilder } from './timeline-entry';

export class CapturePipeline {
  private readonly outcomes = new RequestOutcomes();
  /** Calls whose sending document is being looked up (Chromium, a document the book missed). */
  private readonly resolving = new Set<string>();
  private readonly joiner: BodyJoiner;
  private readonly recent = new RecentCalls();
  private readonly pageNames = new PageNamedSends();
  private readonly timers: Timers;
  private readonly pageCalls: PageCalls;
  private readonly closedTabs = new ClosedTabs();
  private readonly rows: CallRows;

  constructor(private readonly host: CaptureHost) {
    this.timers = host.timers ?? globalThis;
    this.rows = new CallRows(host);
    const { pageReports } = host;
    this.joiner = new BodyJoiner(
      this.timers,
      pageReports ? { reportsEveryCall: true, heldMs: pageReports.graceMs } : {},
    );
    this.pageCalls = new PageCalls({
      host,
      joiner: this.joiner,
      outcomes: this.outcomes,
      entries: (seen, body, request) => this.rows.build(seen, body, request),
      append: (tabId, build) => this.append(tabId, build),
      showReports: (rejoined) => this.show(rejoined),
    });
  }

  /** Settles at once, except while Chromium's sending document is looked up (a promise then). */
  requestStarted(event: RequestStarted): void | Promise<void> {
    // Not attributable to a tab (a service worker's own fetches), or to one that closed.
    if (event.tabId < 0 || this.closedTabs.has(event.tabId)) return;
    const call = recogniseCall(event.method, event.url, this.host.hosts());
    // A redirect repeats onBeforeRequest with the same requestId: one call, one set of rows.
    const { requestId, tabId } = event;
    if (!call || this.resolving.has(requestId) || this.pageCalls.joined(requestId)) return;
    if (this.host.timeline.requestOf(tabId, requestId)) return;
    const expectsReport = this.host.pageReports !== undefined || (this.host.pageBeacons && isBeaconType(event.type));
    // The page's own name for it, when the page hook reported its send first (a route change in its task).
    const { documentId, url, method, timeStamp: at } = event;
    const named = documentId === undefined ? undefined : this.pageNames.claim(documentId, url, method, at);
    const seen = (page: SenderPage): SeenCall => {
      return {
        requestId,
        tabId,
        url,
        method,
        at,
        call,
        page: named === undefined ? page : { ...page, pageUrl: named },
      };
    };
    if (documentId !== undefined) {
      this.recent.remember(
        { documentId, frameId: event.frameId, requestId, tabId, url, method, at },
        named !== undefined,
      );
    }
    const page = this.host.senders.senderOf(event);
    if (!(page instanceof Promise)) return this.called(seen(page), event.body, expectsReport === true);
    this.resolving.add(requestId);
    // Returned so a failure reaches the caller's handler instead of vanishing.
    return page.then((found) => {
      this.resolving.delete(requestId);
      this.called(seen(found), event.body, expectsReport === true);
    });
  }

  /** A body the page reported; resolves once it is used or has waited its turn (the relay's acknowledgement). */
  pageBody(body: PageBody): Promise<void> {
    // The page hook reports every Blob it sees sent (uploads too): only tracking calls' are kept.
    if (this.used(body) || !recogniseCall(body.method, body.url, this.host.hosts())) return Promise.resolve();
    // A Blob's body, which the request never shows: it pairs only among requests that came without one.
    const { rejoined, settled } = this.joiner.pageBody({ ...body, bodyVisible: false }, this.awaiting(body.tabId));
    this.show(rejoined);
    return settled;
  }

  /**
   * The page reported a call it sent (hosts with `pageReports`, or `pageBeacons` for a beacon): it fills
   * the body of the request the browser showed, or, when the browser shows none within the grace
   * period, becomes the call itself (page-calls.ts). Settles once it found its request or was recorded.
   */
  pageCall(report: PageCall): Promise<void> {
    return this.used(report) ? Promise.resolve() : this.pageCalls.report(report);
  }

  /**
   * Chromium's page hook: the sends of a task that changed the route, each with the URL the page showed when it
   * made it. The page's order names those calls, whatever the browser's timing (page-named-sends.ts).
   */
  pageRoutes(report: PageRoutes): void {
    const sends = report.sends.filter((send) => recogniseCall(send.method, send.url, this.host.hosts()));
    if (sends.length) this.pageNames.reported({ ...report, sends }, this.recent, this.host);
  }

  /** Reports still waiting for their request: a host that stops waits for them to settle. */
  heldReports(): number {
    return this.joiner.heldCount();
  }

  responseStarted(event: ResponseStarted): void {
    if (event.tabId >= 0) this.outcomes.headers(event);
  }

  requestCompleted(event: RequestCompleted): void {
    this.settle(event, this.outcomes.completed(event));
  }

  requestFailed(event: RequestFailed): void {
    this.settle(event, this.outcomes.failed(event));
  }

  /** A top-frame navigation starts: a marker in the tab's timeline. */
  navigationStarted(tabId: number, url: string, at: number): void {
    if (tabId < 0) return;
    this.host.senders.loaded(tabId, url);
    this.append(tabId, [(seq) => ({ kind: 'navigation', seq, url, at })]);
  }

  /** Chromium: a document committed in a tab's frame (webNavigation.onCommitted). */
  documentCommitted(documentId: string, info: DocumentInfo, frameId: number): void {
    this.host.senders.documentCommitted(documentId, info, frameId);
    // A document's first calls can be handled before its commit, when looking it up failed too
    // (an iframe that sends as it loads): they are named again now that the book knows it.
    this.recent.reattribute(documentId, -Infinity, this.host);
  }

  /**
   * Chromium: a single-page app changed its route (history.pushState, a #fragment) at `at`.
   * Chromium may hand over the calls sent just after it before this event: those are re-attributed.
   */
  documentRouted(documentId: string, info: DocumentInfo, frameId: number, at: number): void {
    this.host.senders.documentRouted(documentId, info, frameId, at);
    this.recent.reattribute(documentId, at, this.host);
  }

  tabUrlChanged(tabId: number, url: string): void {
    this.host.senders.urlChanged(tabId, url);
  }

  /** The tabs open when the host starts: their URLs are the last resort for a call's page. */
  tabsOpen(open: readonly { readonly id?: number; readonly url?: string }[]): void {
    const { senders } = this.host;
    for (const tab of open) {
      if (tab.id !== undefined && tab.url && !senders.knows(tab.id)) senders.loaded(tab.id, tab.url);
    }
  }

  /**
   * Forgets the stored timelines of tabs not open now (closed while the host was stopped), and all of
   * them in a new browser session: tab ids restart with the browser, and an earlier session's timeline
   * must not reach a new tab.
   */
  forgetTabsNotOpen(openIds: readonly number[], sameSession: boolean): void {
    for (const tabId of this.host.timeline.tabIds()) {
      if (!sameSession) this.forgetTab(tabId);
      else if (!openIds.includes(tabId)) this.closed(tabId); // closed while the host was stopped
    }
  }

  /** The tab closed: its timeline goes once its last beacon has had time to arrive, and stays gone. */
  tabClosed(tabId: number): void {
    this.timers.setTimeout(() => this.closed(tabId), CLOSED_TAB_GRACE_MS);
  }

  /** Forgets a tab at once: its timeline, its documents, its linter. */
  forgetTab(tabId: number): void {
    this.host.timeline.removeTab(tabId);
    this.host.senders.forget(tabId);
    this.rows.resetLinter(tabId);
  }

  /** A fresh linter for the tab (its timeline was cleared): duplicates and drift are linted within one capture. */
  resetLinter(tabId: number): void {
    this.rows.resetLinter(tabId);
  }

  private called(seen: SeenCall, body: RequestBody | null, expectsReport: boolean): void {
    if (expectsReport && this.pageCalls.claimedByRecorded(seen, body)) return;
    if (body) {
      const reported = this.joiner.callWithBody(seen, () => textOrNull(body), expectsReport);
      this.record(reported ? reportedCall(seen, reported) : seen, body);
      return;
    }
    const { report: reported, rejoined } = this.joiner.callWithoutBody(seen, this.awaiting(seen.tabId));
    this.show(rejoined);
    const named = reported ? reportedCall(seen, reported) : seen;
    const missing = { kind: 'missing', reason: this.host.missingBodyReason } as const;
    if (reported?.body != null) this.record(named, { kind: 'text', text: reported.body });
    else this.record(named, missing, reported === null); // a report without a body: nothing more will come
  }

  /** Recorded calls' rows show the reports now found to be their own (or await theirs again). */
  private show(rejoined: readonly Rejoined[]): void {
    for (const change of rejoined) this.rows.show(change);
  }

  /** Calls recorded before their body came, that a page's report may complete. */
  private awaiting(tabId: number): readonly CallSeen[] {
    return this.host.timeline.awaitingCalls(tabId);
  }

  /**
   * Whether a page report is to be dropped at once: its tab closed, or it is a copy of one whose rows are in the
   * timeline (the relay sends a report again when a stopped worker never acknowledged it).
   */
  private used(report: { readonly tabId: number; readonly reportId?: string }): boolean {
    const { tabId, reportId } = report;
    return this.closedTabs.has(tabId) || (reportId !== undefined && this.host.timeline.hasReport(tabId, reportId));
  }

  private settle(event: { tabId: number; requestId: string; method: string; url: string }, outcome: Outcome): void {
    const { tabId } = event;
    if (tabId < 0) return;
    const requestId = this.pageCalls.rowsOf(event.requestId, true);
    const request = this.host.timeline.requestOf(tabId, requestId);
    if (request) this.host.timeline.updateRequest(tabId, requestId, { ...request, ...outcome });
    else if (this.resolving.has(requestId) || recogniseCall(event.method, event.url, this.host.hosts())) {
      this.outcomes.holdEarly(requestId, outcome);
    }
  }

  /** Forgets a closed tab, and drops what arrives for it later. */
  private closed(tabId: number): void {
    this.closedTabs.add(tabId);
    this.forgetTab(tabId);
  }

  /** Appends a tab's rows, unless the tab closed: a late arrival must not start its timeline again. */
  private append(tabId: number, build: readonly EntryBuilder[]): void {
    if (!this.closedTabs.has(tabId)) this.host.timeline.append(tabId, build);
  }

  private record(seen: SeenCall, body: RequestBody, awaitingBody = false): void {
    const request = { url: seen.url, method: seen.method, ...this.outcomes.takeEarly(seen.requestId) };
    this.append(seen.tabId, this.rows.build(seen, body, request, awaitingBody));
  }
}
