/**
 * Joins bodies reported by the page relay to the webRequest records they belong to.
 * Why: Chromium's webRequest gives extensions no Blob bodies (`requestBody.error` "Unknown error."),
 * and sendBeacon(url, blob) is how many SDKs send during unload. The page relay sees the body; the
 * background trusts it only to fill the body of a request webRequest saw (same tab, URL and method,
 * nearest in send time, one-to-one), never to create a row, and only where webRequest had no body.
 *
 * The two halves travel separately (the report over runtime messaging, the request through the
 * network stack) and either may reach the worker first, or much later: while Chromium starts a
 * stopped worker, events wait for it, and the calls that wake it can be delivered seconds after the
 * report. So nothing here expires by arrival time:
 * - a call that comes first is recorded at once, as awaiting its body (a row that a worker killed
 *   meanwhile cannot lose), and a report that comes later fills it in, matched by send time;
 * - a report that comes first is held for HELD_BODY_MS, long past any wake-up, for its call;
 * - which report is whose call does not depend on that order (bodyless-joins.ts): a join a later
 *   arrival shows wrong is undone, and the calls whose rows change are handed back (`rejoined`).
 *
 * A host whose page reports every call it sends (the Playwright fixture's reporter: the browser may
 * not show a `pagehide` beacon at all) joins with `reportsEveryCall`: each report pairs with one call
 * (by body where both can be read, else by send time), and a report no call claims within its
 * grace period is handed back as a call of its own (`unclaimed`). The extension's page hook reports
 * every beacon the same way (Edge shows extensions no `ping` request at all): a call that may have
 * such a report is held for it (`expectsReport`), and a report recorded as a call of its own is
 * still claimed by its request if that comes later (`recordedAlone`, `claimRecorded`): one row.
 */
import { BodylessJoins, type Rejoined } from './bodyless-joins';
import type { CallSeen } from './capture-timeline';
import { HELD_BODY_MS, JOIN_WINDOW_MS, MAX_HELD_BODIES, nearest, type HeldReport, type Keyed } from './held-report';
import { HeldList, type Timers } from './held-list';

export { HELD_BODY_MS, JOIN_WINDOW_MS, MAX_HELD_BODIES, type HeldReport } from './held-report';
export type { Rejoined } from './bodyless-joins';
export type { Timers } from './held-list';

/** A report recorded as a call of its own (`unclaimed`), under the request id its rows got. */
export interface RecordedReport extends Keyed {
  readonly body: string | null;
  readonly requestId: string;
}

export interface JoinOptions {
  /** The page reports every call, not only bodies the browser hides: see the header. */
  readonly reportsEveryCall: boolean;
  /** How long a report waits for its call, in arrival time. */
  readonly heldMs: number;
}

type WithBody = CallSeen & { readonly body: string | null };
/** A Blob's report never belongs to a call the browser showed with a body (HeldReport.bodyVisible). */
const fitsCallWithBody = (report: HeldReport): boolean => report.bodyVisible !== false;
/** A report whose body the browser shows too never belongs to a call it showed without one. */
const fitsCallWithoutBody = (report: HeldReport): boolean => report.bodyVisible !== true;

export class BodyJoiner {
  private readonly withBody: HeldList<WithBody>;
  private readonly bodies: HeldList<HeldReport>;
  private readonly recorded: HeldList<RecordedReport>;
  private readonly bodyless: BodylessJoins;
  private readonly options: JoinOptions;

  constructor(
    private readonly timers: Timers = globalThis,
    options: Partial<JoinOptions> = {},
  ) {
    this.options = { reportsEveryCall: false, heldMs: HELD_BODY_MS, ...options };
    this.withBody = new HeldList(timers);
    this.bodies = new HeldList(timers);
    this.recorded = new HeldList(timers);
    this.bodyless = new BodylessJoins(timers, this.bodies, (report) => this.wait(report));
  }

  /**
   * webRequest had the body: it only consumes the page's copy of that same body, so the copy cannot
   * pair with another call. A page body that differs is not this call's (two sends to one URL).
   */
  callWithBody(call: CallSeen, text: () => string | null, expectsReport = false): HeldReport | null {
    const pairs = this.options.reportsEveryCall || expectsReport;
    if (!this.bodies.length && !pairs) return null; // nothing to pair with: the usual case
    const sent = text();
    if (sent === null && !pairs) return null;
    const report = this.take(this.bodies, call, sent, fitsCallWithBody);
    // A beacon's report may come long after it while a stopped worker starts: held as long as reports are.
    if (!report) this.withBody.hold({ ...call, body: sent }, expectsReport ? this.options.heldMs : JOIN_WINDOW_MS);
    return report;
  }

  /**
   * A call webRequest gave no body (`awaiting`: the calls recorded before theirs came): the page's report of it
   * when that came first (its body, or null), and the recorded calls whose report this arrival changes.
   */
  callWithoutBody(call: CallSeen, awaiting: readonly CallSeen[]): { report: HeldReport | null; rejoined: Rejoined[] } {
    return this.bodyless.call(call, awaiting);
  }

  /**
   * A body the page reported: the recorded calls whose rows change (the one it completes, a call recorded before
   * the report came, and any whose join it shows wrong). `settled` resolves once the body found its call or has
   * waited JOIN_WINDOW_MS: the relay's acknowledgement (a relay whose message was lost with a killed worker sends
   * it again).
   */
  pageBody(report: HeldReport, awaiting: readonly CallSeen[]): { rejoined: Rejoined[]; settled: Promise<void> } {
    const done = (rejoined: Rejoined[] = []) => ({ rejoined, settled: Promise.resolve() });
    // The page's copy of a body the browser showed too: that call's, whatever else is near.
    const sameBody = (call: WithBody) => report.body !== null && call.body === report.body;
    if (fitsCallWithBody(report) && this.take(this.withBody, report, report.body, sameBody)) return done();
    let rejoined: Rejoined[] = [];
    if (fitsCallWithoutBody(report)) {
      const joins = this.bodyless.report(report, awaiting);
      if (joins.joined) return done(joins.rejoined);
      rejoined = joins.rejoined;
    }
    if (fitsCallWithBody(report) && this.take(this.withBody, report, report.body)) return done(rejoined);
    const settled = new Promise<void>((resolve) => {
      const acknowledge = this.timers.setTimeout(resolve, JOIN_WINDOW_MS);
      this.wait(report, () => {
        this.timers.clearTimeout(acknowledge);
        resolve();
      });
    });
    return { rejoined, settled };
  }

  /** A report `unclaimed` made a call of its own: its request, arriving later after all, is still its call. */
  recordedAlone(report: RecordedReport): void {
    this.recorded.hold(report, HELD_BODY_MS);
  }

  /**
   * The id of the rows a report of this call was recorded as (recordedAlone), or null: then the call is new. By
   * send time alone, a report still waiting that is nearer to this call is its own, not the recorded one.
   */
  claimRecorded(call: CallSeen, body: string | null): string | null {
    if (!this.recorded.length) return null;
    const found = this.find(this.recorded.items(), call, body);
    if (!found) return null;
    if (found.body === null || body === null) {
      const fits = body === null ? fitsCallWithoutBody : fitsCallWithBody;
      const waiting = nearest(this.bodies.items().filter(fits), call, JOIN_WINDOW_MS);
      if (waiting && Math.abs(waiting.at - call.at) < Math.abs(found.at - call.at)) return null;
    }
    this.recorded.take(found);
    return found.requestId;
  }

  /** Page bodies still waiting for their call. */
  heldCount(): number {
    return this.bodies.length;
  }

  /** Holds a report for its call (the oldest goes beyond MAX_HELD_BODIES); `taken` runs when it goes either way. */
  private wait(report: HeldReport, taken: () => void = () => undefined): void {
    const [oldest] = this.bodies.items();
    if (this.bodies.length >= MAX_HELD_BODIES && oldest && this.bodies.take(oldest)) oldest.unclaimed?.();
    this.bodies.hold(report, report.heldMs ?? this.options.heldMs, taken, () => {
      taken();
      report.unclaimed?.();
    });
  }

  /** Removes and returns the item `find` names. */
  private take<T extends Keyed & { readonly body: string | null }>(
    list: HeldList<T>,
    key: Keyed,
    body: string | null,
    eligible: (item: T) => boolean = () => true,
  ): T | null {
    const found = this.find(list.items().filter(eligible), key, body);
    return found && list.take(found) ? found : null;
  }

  /**
   * The item for the same tab, URL and method nearest in send time: one with the same body first; when `body` is
   * null (a call without one), any. A report whose body the page could not read (only reports of calls have none)
   * pairs by time alone: every such report has its call.
   */
  private find<T extends Keyed & { readonly body: string | null }>(
    items: readonly T[],
    key: Keyed,
    body: string | null,
  ): T | null {
    const same =
      body === null
        ? null
        : nearest(
            items.filter((item) => item.body === body),
            key,
            JOIN_WINDOW_MS,
          );
    const unread = items.filter((item) => item.body === null);
    return same ?? nearest(body === null ? items : unread, key, JOIN_WINDOW_MS);
  }
}
