/**
 * webRequest events -> core -> store. Every tracking call of a tab becomes one entry per message
 * (a batch splits), including calls whose body only the page relay could see, and calls whose body
 * nobody could see (the row says why).
 */
import type { WebRequest } from 'webextension-polyfill';
import { recogniseCall, type HostPattern, type TrackingCall } from '../core/endpoints';
import { inspectCall } from '../core/inspect';
import { createLinter, type Linter } from '../core/lint';
import type { RequestInfo } from '../core/record';
import { missingBodyReason } from '../platform';
import { hostPatterns, type Settings } from '../settings';
import { bodyToText, type RequestBody } from '../core/body';
import { BodyJoiner, type CallSeen, type PageBody } from './body-join';
import { completedOutcome, errorOutcome, type Outcome } from './outcome';
import { requestBodyOf } from './request-body';
import type { CaptureStore } from './store';

/** How long a bodyless call waits for the page relay, and a relayed body for its call. */
export const JOIN_WINDOW_MS = 2000;
const EARLY_OUTCOMES_KEPT = 500;

interface PendingCall extends CallSeen {
  readonly call: TrackingCall;
  readonly pageUrl: string;
}

export class Capture {
  private readonly linters = new Map<number, Linter>();
  private readonly pageUrls = new Map<number, string>();
  private readonly headerStatus = new Map<string, number>();
  /**
   * Outcomes that arrived before their call's messages existed: a body still being joined, or a
   * completion Chromium delivered ahead of its onBeforeRequest while waking the worker (seen).
   */
  private readonly earlyOutcomes = new Map<string, Outcome>();
  private readonly pending = new Map<string, PendingCall>();
  readonly joiner = new BodyJoiner(JOIN_WINDOW_MS, (call, body) => this.bodyJoined(call.requestId, body));

  constructor(
    private readonly store: CaptureStore,
    private readonly settings: () => Settings,
  ) {}

  private hostsFor: { settings: Settings; patterns: HostPattern[] } | null = null;

  /** The user's hosts, parsed once per settings change rather than once per request. */
  private hosts(): HostPattern[] {
    const settings = this.settings();
    if (this.hostsFor?.settings !== settings) this.hostsFor = { settings, patterns: hostPatterns(settings) };
    return this.hostsFor.patterns;
  }

  setPageUrl(tabId: number, url: string): void {
    this.pageUrls.set(tabId, url);
  }

  forgetTab(tabId: number): void {
    this.linters.delete(tabId);
    this.pageUrls.delete(tabId);
  }

  /** A fresh linter for the tab: duplicates and drift are judged within one capture. */
  resetLinter(tabId: number): void {
    this.linters.delete(tabId);
  }

  beforeRequest(details: WebRequest.OnBeforeRequestDetailsType): void {
    if (details.tabId < 0) return; // not attributable to a tab (a service worker's own fetches)
    if (details.type === 'main_frame') {
      this.setPageUrl(details.tabId, details.url);
      this.store.append(details.tabId, (seq) => ({ kind: 'navigation', seq, url: details.url, at: details.timeStamp }));
      return;
    }
    const call = recogniseCall(details.method, details.url, this.hosts());
    // A redirect repeats onBeforeRequest with the same requestId: one call, one set of rows.
    if (!call || this.pending.has(details.requestId) || this.store.requestOf(details.tabId, details.requestId)) return;
    const seen: PendingCall = {
      requestId: details.requestId,
      tabId: details.tabId,
      url: details.url,
      method: details.method,
      at: details.timeStamp,
      call,
      pageUrl: this.pageUrls.get(details.tabId) ?? details.documentUrl ?? details.originUrl ?? '',
    };
    const body = requestBodyOf(details);
    if (body) {
      this.joiner.callWithBody(seen, () => textOf(body));
      this.record(seen, body);
    } else {
      this.pending.set(seen.requestId, seen);
      this.joiner.callWithoutBody(seen);
    }
  }

  pageBody(body: PageBody): void {
    this.joiner.pageBody(body);
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

  private bodyJoined(requestId: string, body: string | null): void {
    const seen = this.pending.get(requestId);
    if (!seen) return;
    this.pending.delete(requestId);
    this.record(seen, body === null ? { kind: 'missing', reason: missingBodyReason() } : { kind: 'text', text: body });
  }

  private settle(details: { tabId: number; requestId: string; method: string; url: string }, outcome: Outcome): void {
    const { tabId, requestId } = details;
    if (tabId < 0) return;
    const request = this.store.requestOf(tabId, requestId);
    if (request) {
      this.store.updateRequest(tabId, requestId, { ...request, ...outcome });
    } else if (this.pending.has(requestId) || recogniseCall(details.method, details.url, this.hosts())) {
      this.earlyOutcomes.set(requestId, outcome);
      // Bounded: an outcome whose call never shows up (not a tracking body after all) must not pile up.
      if (this.earlyOutcomes.size > EARLY_OUTCOMES_KEPT) this.earlyOutcomes.delete(this.earlyOutcomes.keys().next().value as string);
    }
  }

  private record(seen: PendingCall, body: RequestBody): void {
    const { tabId, requestId } = seen;
    const outcome = this.earlyOutcomes.get(requestId) ?? { status: null, error: null };
    this.earlyOutcomes.delete(requestId);
    const request: RequestInfo = { url: seen.url, method: seen.method, ...outcome };
    const messages = inspectCall(seen.call, body, { strict: this.settings().strict, linter: this.linter(tabId), capturedAt: seen.at });
    this.store.append(
      tabId,
      messages.map((message) => (seq: number) => ({
        kind: 'message' as const,
        seq,
        requestId,
        record: { capturedAt: seen.at, tabId, pageUrl: seen.pageUrl, request, sender: seen.call.sender, ...message },
      })),
    );
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
