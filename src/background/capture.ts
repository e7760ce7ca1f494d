/**
 * webRequest events -> core -> store. Every tracking call of a tab becomes one entry per message
 * (a batch splits), including calls whose body only the page relay could see, and calls whose body
 * nobody could see (the row says why).
 */
import type { WebRequest } from 'webextension-polyfill';
import { bodyToText, type RequestBody } from '../core/body';
import { recogniseCall, type HostPattern, type TrackingCall } from '../core/endpoints';
import { callRecords } from '../core/call-records';
import { createLinter, type Linter } from '../core/lint';
import type { RequestInfo } from '../core/record';
import { missingBodyReason } from '../platform';
import { hostPatterns, type Settings } from '../settings';
import type { ValidationMode } from '../validation-settings';
import { BodyJoiner, type CallSeen, type PageBody } from './body-join';
import { completedOutcome, errorOutcome, PENDING, type Outcome } from './outcome';
import { requestBodyOf } from './request-body';
import type { BackgroundStore } from './background-store';
import type { SenderPage, Tabs } from './tabs';

const EARLY_OUTCOMES_KEPT = 500;

interface SeenCall extends CallSeen {
  readonly call: TrackingCall;
  readonly page: SenderPage;
  /** Chromium: the sending document, kept so a route change reported late can re-attribute the call. */
  readonly documentId?: string;
  readonly frameId?: number;
}

/** Recent calls per Chromium document, and how many documents, for late route changes (bounded). */
const RECENT_CALLS_PER_DOCUMENT = 100;
const RECENT_DOCUMENTS = 100;

export class Capture {
  private readonly linters = new Map<number, Linter>();
  private readonly headerStatus = new Map<string, number>();
  /**
   * Outcomes that arrived before their call's messages existed: a sender still being looked up, or
   * a completion Chromium delivered ahead of its onBeforeRequest while waking the worker (seen).
   */
  private readonly earlyOutcomes = new Map<string, Outcome>();
  /** Calls whose sending document is being looked up (Chromium, a document the book missed). */
  private readonly resolving = new Set<string>();
  private readonly joiner = new BodyJoiner();
  private hostsFor: { settings: Settings; patterns: HostPattern[] } | null = null;
  private readonly recentByDocument = new Map<string, SeenCall[]>();

  constructor(
    private readonly store: BackgroundStore,
    private readonly tabs: Tabs,
    private readonly settings: () => Settings,
    /** What messages are validated with (Strict mode, the tracking plan): current at each call. */
    private readonly mode: () => ValidationMode,
  ) {
    tabs.onForget((tabId) => this.linters.delete(tabId));
    tabs.onRouted((documentId, since) => this.reattribute(documentId, since));
  }

  /** A fresh linter for the tab: duplicates and drift are linted within one capture. */
  resetLinter(tabId: number): void {
    this.linters.delete(tabId);
  }

  /** Settles at once, except while Chromium's sending document is looked up (a promise then). */
  beforeRequest(details: WebRequest.OnBeforeRequestDetailsType): void | Promise<void> {
    if (details.tabId < 0) return; // not attributable to a tab (a service worker's own fetches)
    if (details.type === 'main_frame') {
      this.tabs.navigationStarted(details.tabId, details.url, details.timeStamp);
      return;
    }
    const call = recogniseCall(details.method, details.url, this.hosts());
    // A redirect repeats onBeforeRequest with the same requestId: one call, one set of rows.
    if (!call || this.resolving.has(details.requestId) || this.store.requestOf(details.tabId, details.requestId))
      return;
    const body = requestBodyOf(details);
    const { documentId } = details as typeof details & { documentId?: string };
    const seen = (page: SenderPage): SeenCall => ({
      ...(documentId !== undefined ? { documentId } : {}),
      frameId: details.frameId,
      requestId: details.requestId,
      tabId: details.tabId,
      url: details.url,
      method: details.method,
      at: details.timeStamp,
      call,
      page,
    });
    const page = this.tabs.senderOf(details);
    if (!(page instanceof Promise)) {
      this.called(seen(page), body);
      return;
    }
    this.resolving.add(details.requestId);
    // Returned so a failure reaches the caller's handler instead of vanishing.
    return page.then((found) => {
      this.resolving.delete(details.requestId);
      this.called(seen(found), body);
    });
  }

  /** A body the page relay reported; resolves once it is used or has waited its turn (the relay's acknowledgement). */
  pageBody(body: PageBody): Promise<void> {
    // The page hook reports every Blob it sees sent (uploads too): only tracking calls' are kept.
    if (!recogniseCall(body.method, body.url, this.hosts())) return Promise.resolve();
    const { call, settled } = this.joiner.pageBody(body, this.store.awaitingCalls(body.tabId));
    if (call) this.fillBody(call, body.body);
    return settled;
  }

  headersReceived(details: WebRequest.OnHeadersReceivedDetailsType): void {
    if (details.tabId >= 0) this.headerStatus.set(details.requestId, details.statusCode);
  }

  completed(details: WebRequest.OnCompletedDetailsType): void {
    this.headerStatus.delete(details.requestId);
    this.settle(details, completedOutcome(details.statusCode));
  }

  errorOccurred(details: WebRequest.OnErrorOccurredDetailsType): void {
    const status = this.headerStatus.get(details.requestId);
    this.headerStatus.delete(details.requestId);
    this.settle(details, errorOutcome(details.error, details.type, status));
  }

  /**
   * A single-page app's route change reported after calls sent since it: those calls name the new
   * route. Their rows are replaced as they are (no second inspection), with the page corrected.
   */
  private reattribute(documentId: string, since: number): void {
    for (const call of this.recentByDocument.get(documentId) ?? []) {
      if (call.at < since) continue;
      const page = this.tabs.senderOf({
        tabId: call.tabId,
        frameId: call.frameId ?? 0,
        documentId,
        timeStamp: call.at,
      });
      if (page instanceof Promise) continue; // the document is in the book: never a lookup
      const entries = this.store.entriesOf(call.tabId, call.requestId);
      if (!entries.some((entry) => entry.record.pageUrl !== page.pageUrl || entry.record.topUrl !== page.topUrl))
        continue;
      this.store.replaceRequest(
        call.tabId,
        call.requestId,
        entries.map((entry) => (seq: number) => {
          const { topUrl: _old, ...record } = entry.record;
          return { ...entry, seq, record: { ...record, ...page } };
        }),
      );
    }
  }

  private remember(seen: SeenCall): void {
    if (seen.documentId === undefined) return;
    const calls = this.recentByDocument.get(seen.documentId) ?? [];
    this.recentByDocument.delete(seen.documentId); // re-inserted last: the map's order is recency
    this.recentByDocument.set(seen.documentId, [...calls.slice(-(RECENT_CALLS_PER_DOCUMENT - 1)), seen]);
    for (const oldest of this.recentByDocument.keys()) {
      if (this.recentByDocument.size <= RECENT_DOCUMENTS) break;
      this.recentByDocument.delete(oldest);
    }
  }

  private called(seen: SeenCall, body: RequestBody | null): void {
    this.remember(seen);
    if (body) {
      this.joiner.callWithBody(seen, () => textOf(body));
      this.record(seen, body);
      return;
    }
    const reported = this.joiner.callWithoutBody(seen);
    if (reported !== null) this.record(seen, { kind: 'text', text: reported });
    else this.record(seen, { kind: 'missing', reason: missingBodyReason() }, true);
  }

  /** The page reported the body of a call recorded without one: its rows are decoded anew. */
  private fillBody(call: CallSeen, text: string): void {
    const [first] = this.store.entriesOf(call.tabId, call.requestId);
    const tracking = recogniseCall(call.method, call.url, this.hosts());
    if (!first || !tracking) return;
    const { record } = first;
    const page: SenderPage =
      record.topUrl !== undefined ? { pageUrl: record.pageUrl, topUrl: record.topUrl } : { pageUrl: record.pageUrl };
    this.store.replaceRequest(
      call.tabId,
      call.requestId,
      this.entries({ ...call, call: tracking, page }, { kind: 'text', text }, record.request),
    );
  }

  private settle(details: { tabId: number; requestId: string; method: string; url: string }, outcome: Outcome): void {
    const { tabId, requestId } = details;
    if (tabId < 0) return;
    const request = this.store.requestOf(tabId, requestId);
    if (request) {
      this.store.updateRequest(tabId, requestId, { ...request, ...outcome });
    } else if (this.resolving.has(requestId) || recogniseCall(details.method, details.url, this.hosts())) {
      this.earlyOutcomes.set(requestId, outcome);
      // Bounded: an outcome whose call never shows up (not a tracking body after all) must not pile up.
      if (this.earlyOutcomes.size > EARLY_OUTCOMES_KEPT)
        this.earlyOutcomes.delete(this.earlyOutcomes.keys().next().value as string);
    }
  }

  private record(seen: SeenCall, body: RequestBody, awaitingBody = false): void {
    const outcome = this.earlyOutcomes.get(seen.requestId) ?? PENDING;
    this.earlyOutcomes.delete(seen.requestId);
    this.store.append(
      seen.tabId,
      this.entries(seen, body, { url: seen.url, method: seen.method, ...outcome }, awaitingBody),
    );
  }

  private entries(seen: SeenCall, body: RequestBody, request: RequestInfo, awaitingBody = false) {
    const { tabId, requestId, page } = seen;
    const { settings, plan } = this.mode();
    const records = callRecords(
      seen.call,
      body,
      { capturedAt: seen.at, tabId, ...page, request },
      { strict: settings.strict, plan, linter: this.linter(tabId) },
    );
    return records.map((record) => (seq: number) => ({
      kind: 'message' as const,
      seq,
      requestId,
      record,
      ...(awaitingBody ? { awaitingBody: true as const } : {}),
    }));
  }

  /** The user's hosts, parsed once per settings change rather than once per request. */
  private hosts(): HostPattern[] {
    const settings = this.settings();
    if (this.hostsFor?.settings !== settings) this.hostsFor = { settings, patterns: hostPatterns(settings) };
    return this.hostsFor.patterns;
  }

  private linter(tabId: number): Linter {
    let linter = this.linters.get(tabId);
    if (!linter) this.linters.set(tabId, (linter = createLinter()));
    return linter;
  }
}

function textOf(body: RequestBody): string | null {
  const text = bodyToText(body);
  return text.ok ? text.text : null;
}
