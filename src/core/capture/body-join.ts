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
 * - a report that comes first is held for HELD_BODY_MS, long past any wake-up, for its call.
 *
 * A host whose page reports every call it sends (the Playwright fixture's reporter: the browser may
 * not show a `pagehide` beacon at all) joins with `reportsEveryCall`: each report pairs with one call
 * (by body where both can be read, else by send time), and a report no call claims within its
 * grace period is handed back as a call of its own (`unclaimed`). The extension's page hook reports
 * every beacon the same way (Edge shows extensions no `ping` request at all): a call that may have
 * such a report is held for it (`expectsReport`), and a report recorded as a call of its own is
 * still claimed by its request if that comes later (`recordedAlone`, `claimRecorded`): one row.
 */
import type { CallSeen } from './capture-timeline';
import type { SenderPage } from './sender-pages';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A page's report as the joiner holds it; `body` is null when it cannot be compared (unread, or not text). */
export interface HeldReport extends Keyed {
  readonly body: string | null;
  /** Called when no call claimed the report in time (hosts whose page reports every call). */
  readonly unclaimed?: () => void;
  /** The page as the report names it at send time, where the host knows it (the call then takes it). */
  readonly page?: SenderPage;
  /** How long it waits for its call before `unclaimed` (a report of a call, not only of a body); else JoinOptions.heldMs. */
  readonly heldMs?: number;
  /**
   * The browser shows this body to the host too (a string beacon, not a Blob): the report belongs to a call that
   * came with its body, never to one recorded without (a Blob beacon to the same URL a moment later).
   */
  readonly bodyVisible?: boolean;
  /** The report's own id (events.ts, PageCall.reportId): the rows it fills or becomes keep it. */
  readonly reportId?: string;
}

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

interface Held<T> {
  readonly item: T;
  readonly timer: unknown;
  readonly taken: () => void;
}

/** How far apart in send time a call and its page body may be. */
export const JOIN_WINDOW_MS = 2000;
/** How long a page body waits for its call, in arrival time. */
export const HELD_BODY_MS = 30_000;
/** Page bodies held at most (a page sending beacons faster than their calls arrive is cut here, oldest first). */
export const MAX_HELD_BODIES = 200;

type Keyed = Pick<CallSeen, 'tabId' | 'url' | 'method' | 'at'>;

export class BodyJoiner {
  private readonly withBody: Held<CallSeen & { readonly body: string | null }>[] = [];
  private readonly bodies: Held<HeldReport>[] = [];
  private readonly recorded: Held<RecordedReport>[] = [];
  private readonly options: JoinOptions;

  constructor(
    private readonly timers: Timers = globalThis,
    options: Partial<JoinOptions> = {},
  ) {
    this.options = { reportsEveryCall: false, heldMs: HELD_BODY_MS, ...options };
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
    const report = this.take(this.bodies, call, sent);
    // A beacon's report may come long after it while a stopped worker starts: held as long as reports are.
    if (!report)
      this.hold(this.withBody, { ...call, body: sent }, expectsReport ? this.options.heldMs : JOIN_WINDOW_MS);
    return report;
  }

  /** A call webRequest gave no body: the page's report of it when that came first (its body, or null). */
  callWithoutBody(call: CallSeen): HeldReport | null {
    return this.take(this.bodies, call, null, (report) => report.bodyVisible !== true);
  }

  /**
   * A body the page reported. Returns the awaiting call it completes (one recorded before the report
   * came), or null when it is held for its call. `settled` resolves once the body found its call or
   * has waited JOIN_WINDOW_MS: the relay's acknowledgement (a relay whose message was lost with a
   * killed worker sends it again).
   */
  pageBody(body: HeldReport, awaiting: readonly CallSeen[]): { call: CallSeen | null; settled: Promise<void> } {
    const call = body.bodyVisible ? null : nearest(awaiting, body, JOIN_WINDOW_MS);
    if (call) return { call, settled: Promise.resolve() };
    if (this.take(this.withBody, body, body.body)) return { call: null, settled: Promise.resolve() };
    if (this.bodies.length >= MAX_HELD_BODIES) {
      const [oldest] = this.bodies.splice(0, 1);
      if (oldest) {
        this.timers.clearTimeout(oldest.timer);
        oldest.taken();
        oldest.item.unclaimed?.();
      }
    }
    const settled = new Promise<void>((resolve) => {
      const acknowledge = this.timers.setTimeout(resolve, JOIN_WINDOW_MS);
      const taken = () => {
        this.timers.clearTimeout(acknowledge);
        resolve();
      };
      this.hold(this.bodies, body, body.heldMs ?? this.options.heldMs, taken, () => {
        taken();
        body.unclaimed?.();
      });
    });
    return { call: null, settled };
  }

  /** A report `unclaimed` made a call of its own: its request, arriving later after all, is still its call. */
  recordedAlone(report: RecordedReport): void {
    this.hold(this.recorded, report, HELD_BODY_MS);
  }

  /** The id of the rows a report of this call was recorded as (recordedAlone), or null: then the call is new. */
  claimRecorded(call: CallSeen, body: string | null): string | null {
    if (!this.recorded.length) return null;
    return this.take(this.recorded, call, body)?.requestId ?? null;
  }

  /** Page bodies still waiting for their call. */
  heldCount(): number {
    return this.bodies.length;
  }

  private hold<T extends Keyed>(
    list: Held<T>[],
    item: T,
    ms: number,
    taken: () => void = () => undefined,
    expired: () => void = () => undefined,
  ): void {
    const timer = this.timers.setTimeout(() => {
      const index = list.findIndex((p) => p.item === item);
      if (index >= 0) list.splice(index, 1);
      expired();
    }, ms);
    list.push({ item, timer, taken });
  }

  /**
   * Removes and returns the held item for the same tab, URL and method nearest in send time: one with
   * the same body first; when `body` is null (a call without one), any. A report whose body the page
   * could not read (only reports of calls have none) pairs by time alone: every such report has its call.
   */
  private take<T extends Keyed & { readonly body: string | null }>(
    list: Held<T>[],
    key: Keyed,
    body: string | null,
    eligible: (item: T) => boolean = () => true,
  ): T | null {
    const items = list.map((held) => held.item).filter(eligible);
    const same =
      body === null
        ? null
        : nearest(
            items.filter((item) => item.body === body),
            key,
            JOIN_WINDOW_MS,
          );
    const unread = items.filter((item) => item.body === null);
    const found = same ?? nearest(body === null ? items : unread, key, JOIN_WINDOW_MS);
    if (!found) return null;
    const index = list.findIndex((held) => held.item === found);
    const [held] = list.splice(index, 1);
    if (!held) return null;
    this.timers.clearTimeout(held.timer);
    held.taken();
    return held.item;
  }
}

/** The item for the same tab, URL and method whose send time is nearest `key`'s, within `windowMs`. */
export function nearest<T extends Keyed>(items: readonly T[], key: Keyed, windowMs: number): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const item of items) {
    if (item.tabId !== key.tabId || item.url !== key.url || item.method.toUpperCase() !== key.method.toUpperCase())
      continue;
    const distance = Math.abs(item.at - key.at);
    if (distance <= windowMs && distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}
