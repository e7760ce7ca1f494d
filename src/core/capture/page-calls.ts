/**
 * Calls the page itself reported sending (hosts with `pageReports`: every call; with `pageBeacons`: every
 * beacon). A report fills the body of the request the browser showed; a report no request claims within
 * the grace period becomes the call itself, saying the browser did not show it; and that request, shown
 * late after all (a stopped worker was starting), joins those rows instead of adding its own. A report
 * that repeats a call already in the timeline (the relay re-sends a report whose acknowledgement a
 * stopped worker never gave) adds nothing.
 */
import { textOrNull, type RequestBody } from '../body';
import { decodeBody } from '../decode';
import { recogniseCall, type TrackingCall } from '../endpoints';
import type { RequestInfo } from '../record';
import { JOIN_WINDOW_MS, type BodyJoiner, type Rejoined } from './body-join';
import type { CaptureTimeline } from './capture-timeline';
import type { PageCall } from './events';
import { UNSEEN } from './outcome';
import type { CaptureHost, SeenCall } from './capture-host';
import type { RequestOutcomes } from './request-outcomes';
import type { SenderPage } from './sender-pages';
import type { EntryBuilder } from './timeline-entry';

/** What the pipeline lends: its joiner and outcomes, and how it builds and corrects a call's rows. */
export interface PageCallsHost {
  readonly host: CaptureHost;
  readonly joiner: BodyJoiner;
  readonly outcomes: RequestOutcomes;
  entries(seen: SeenCall, body: RequestBody, request: RequestInfo): EntryBuilder[];
  /** Appends a tab's rows (none for a tab that closed). */
  append(tabId: number, build: readonly EntryBuilder[]): void;
  /** Recorded calls' rows show the report now found to be their own (body-join.ts). */
  showReports(rejoined: readonly Rejoined[]): void;
}

export class PageCalls {
  private reportedCalls = 0;
  /** A request that came after its page report was recorded alone -> the id of those rows (its outcome goes there). */
  private readonly recordedAs = new Map<string, string>();

  constructor(private readonly pipeline: PageCallsHost) {}

  /** Settles once the report found its request or was recorded (the extension's relay re-sends it until then). */
  report(report: PageCall): Promise<void> {
    const { host, joiner } = this.pipeline;
    const call = recogniseCall(report.method, report.url, host.hosts());
    const graceMs = host.pageReports?.graceMs ?? host.pageBeacons?.graceMs;
    if (!call || report.tabId < 0 || graceMs === undefined) return Promise.resolve();
    const text = report.body ? textOrNull(report.body) : null;
    const { tabId, url, method, at } = report;
    const unclaimed = () => void this.recordAlone(report, call, text);
    // The page names itself at send time: where the host can say so at once, the call takes that page.
    const named = host.senders.senderOf({ ...report, timeStamp: at });
    const page = named instanceof Promise ? undefined : named;
    const { bodyVisible, reportId } = report;
    const held = {
      ...{ tabId, url, method, at, body: text, unclaimed, heldMs: graceMs },
      ...(page && { page }),
      ...(bodyVisible !== undefined && { bodyVisible }),
      ...(reportId !== undefined && { reportId }),
    };
    const joined = joiner.pageBody(held, host.timeline.awaitingCalls(tabId));
    this.pipeline.showReports(joined.rejoined);
    return joined.settled;
  }

  /**
   * Whether this request's rows are those its report was recorded as: they take its outcome, and its body
   * where the report had none.
   */
  claimedByRecorded(seen: SeenCall, body: RequestBody | null): boolean {
    const { host, joiner, outcomes } = this.pipeline;
    const { tabId, requestId } = seen;
    const rowsId = joiner.claimRecorded(seen, body ? textOrNull(body) : null);
    const [first] = rowsId === null ? [] : host.timeline.entriesOf(tabId, rowsId);
    if (rowsId === null || !first) return false;
    this.recordedAs.set(requestId, rowsId);
    const request = { url: seen.url, method: seen.method, ...outcomes.takeEarly(requestId) };
    if (body && first.record.undecodable) {
      const { record, reportId } = first;
      const { pageUrl, topUrl } = record;
      const page: SenderPage = topUrl !== undefined ? { pageUrl, topUrl } : { pageUrl };
      const rows = { ...seen, requestId: rowsId, page, ...(reportId !== undefined && { reportId }) };
      host.timeline.replaceRequest(tabId, rowsId, this.pipeline.entries(rows, body, request));
    } else host.timeline.updateRequest(tabId, rowsId, request);
    return true;
  }

  /** Whether a request id is one that joined rows recorded from its report (a redirect repeats it). */
  joined(requestId: string): boolean {
    return this.recordedAs.has(requestId);
  }

  /** The id of the rows a request's outcome goes to; forgotten once it has one (`settled`). */
  rowsOf(requestId: string, settled: boolean): string {
    const rows = this.recordedAs.get(requestId) ?? requestId;
    if (settled) this.recordedAs.delete(requestId);
    return rows;
  }

  private recordAlone(report: PageCall, call: TrackingCall, text: string | null): void | Promise<void> {
    const { host, joiner } = this.pipeline;
    const { tabId, url, method, at, reportId } = report;
    if (text !== null && alreadyRecorded(host.timeline, report, call, text)) return;
    const requestId = `page-report-${++this.reportedCalls}`;
    const body = report.body ?? { kind: 'missing', reason: host.missingBodyReason };
    const record = (page: SenderPage) => {
      const request = { url, method, ...UNSEEN };
      const seen = { requestId, tabId, url, method, at, call, page, ...(reportId !== undefined && { reportId }) };
      this.pipeline.append(tabId, this.pipeline.entries(seen, body, request));
      joiner.recordedAlone({ tabId, url, method, at, body: text, requestId });
    };
    const page = host.senders.senderOf({ ...report, timeStamp: at });
    return page instanceof Promise ? page.then(record) : record(page);
  }
}

/**
 * Whether the timeline already holds this report's messages, sent to the same URL at about the same time: a
 * report of a body the request showed too (a string beacon), re-sent to a restarted worker whose predecessor had
 * joined it to that request. Only rows built from a report keep its id; this one's are the request's own.
 */
function alreadyRecorded(timeline: CaptureTimeline, report: PageCall, call: TrackingCall, text: string): boolean {
  const decoded = decodeBody({ kind: 'text', text }, call.callType);
  if (!decoded.ok || decoded.messages.length === 0) return false;
  const near = timeline.messagesNear(report.tabId, report.url, report.at, JOIN_WINDOW_MS);
  const shown = new Set(near.map((entry) => JSON.stringify(entry.record.payload)));
  return decoded.messages.every((message) => shown.has(JSON.stringify(message.payload)));
}
