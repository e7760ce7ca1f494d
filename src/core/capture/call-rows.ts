/**
 * A call's rows: its messages decoded, validated and linted (one linter per tab: duplicates and drift are linted
 * within one capture), as first recorded, and rebuilt when the page's report of the call is found to be another.
 */
import type { RequestBody } from '../body';
import { callRecords } from '../call-records';
import { recogniseCall } from '../endpoints';
import { createLinter, type Linter } from '../lint';
import type { RequestInfo } from '../record';
import type { Rejoined } from './bodyless-joins';
import type { HeldReport } from './held-report';
import type { CaptureHost, SeenCall } from './capture-host';
import type { EntryBuilder } from './timeline-entry';

export class CallRows {
  private readonly linters = new Map<number, Linter>();

  constructor(private readonly host: Pick<CaptureHost, 'timeline' | 'hosts' | 'mode' | 'missingBodyReason'>) {}

  /** The rows of a call; `awaitingBody`: the browser hid its body and the page has not reported it yet. */
  build(seen: SeenCall, body: RequestBody, request: RequestInfo, awaitingBody = false): EntryBuilder[] {
    const { tabId, requestId, page, reportId } = seen;
    const { strict, checker, privacy } = this.host.mode();
    const origin = { capturedAt: seen.at, tabId, ...page, request };
    const records = callRecords(seen.call, body, origin, { strict, checker, privacy, linter: this.linter(tabId) });
    return records.map((record) => (seq) => ({
      kind: 'message',
      seq,
      requestId,
      record,
      ...(awaitingBody ? { awaitingBody: true as const } : {}),
      ...(reportId !== undefined && { reportId }),
    }));
  }

  /**
   * A recorded call's rows show the page's report now found to be its own: decoded anew with the report's body, or
   * with none (a report that could not read it; `report` null: the call awaits its report again).
   */
  show({ call, report }: Rejoined): void {
    const { timeline, missingBodyReason: reason } = this.host;
    const [first] = timeline.entriesOf(call.tabId, call.requestId);
    const tracking = recogniseCall(call.method, call.url, this.host.hosts());
    if (!first || !tracking) return;
    const { pageUrl, topUrl, request } = first.record;
    const seen: SeenCall = { ...call, call: tracking, page: topUrl !== undefined ? { pageUrl, topUrl } : { pageUrl } };
    const text = report?.body ?? null;
    const body: RequestBody = text === null ? { kind: 'missing', reason } : { kind: 'text', text };
    const entries = this.build(report ? reportedCall(seen, report) : seen, body, request, report === null);
    timeline.replaceRequest(call.tabId, call.requestId, entries);
  }

  /** A fresh linter for the tab's next rows (its timeline was cleared, or it closed). */
  resetLinter(tabId: number): void {
    this.linters.delete(tabId);
  }

  private linter(tabId: number): Linter {
    let linter = this.linters.get(tabId);
    if (!linter) this.linters.set(tabId, (linter = createLinter()));
    return linter;
  }
}

/** A call as its page's report names it: the page it was sent from, where the report says, and the report. */
export function reportedCall(seen: SeenCall, report: HeldReport): SeenCall {
  const { page, reportId } = report;
  return { ...seen, ...(page && { page }), ...(reportId !== undefined && { reportId }) };
}
