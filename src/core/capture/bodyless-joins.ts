/**
 * Joins between calls the browser showed without their body and the page's reports of those bodies, right
 * whatever order the halves arrive in. Each arrival pairs everything near it again (send-time-pairs.ts): the
 * reports still waiting, the calls still awaiting a body, and the joins made in this life, kept HELD_BODY_MS for
 * this. A join the arrival shows wrong is undone: its call shows the right report, or awaits one again, and its
 * report waits for its own call. So two Blob beacons to one URL handed over out of order still end as two rows,
 * each with its own body and outcome.
 */
import type { CallSeen } from './capture-timeline';
import { HELD_BODY_MS, JOIN_WINDOW_MS, MAX_HELD_BODIES, sameTarget, type HeldReport, type Keyed } from './held-report';
import { HeldList, type Timers } from './held-list';
import { pairsBySendTime } from './send-time-pairs';

/** A call already recorded whose rows are to show another report's body, or await one again (`report` null). */
export interface Rejoined {
  readonly call: CallSeen;
  readonly report: HeldReport | null;
}

interface Join {
  readonly call: CallSeen;
  readonly report: HeldReport;
}

/** How far around an arrival joins are reconsidered: the halves of a pair are at most JOIN_WINDOW_MS apart. */
const REJOIN_SPAN_MS = 2 * JOIN_WINDOW_MS;

export class BodylessJoins {
  private readonly joins: HeldList<Join>;
  /** The order reports arrived in: two the page sent in the same millisecond pair in that order. */
  private readonly arrival = new WeakMap<HeldReport, number>();
  private arrived = 0;

  constructor(
    timers: Timers,
    /** The reports waiting for their call (the joiner's): a join takes from them. */
    private readonly waiting: HeldList<HeldReport>,
    /** Makes a report wait for its call again (its join was undone). */
    private readonly waitAgain: (report: HeldReport) => void,
  ) {
    this.joins = new HeldList(timers);
  }

  /** A call the browser showed without its body: the report that is its own, if any, and what changes besides. */
  call(call: CallSeen, awaiting: readonly CallSeen[]): { report: HeldReport | null; rejoined: Rejoined[] } {
    if (!this.waiting.length && !this.joins.length) return { report: null, rejoined: [] }; // the usual case
    const { pairs, rejoined } = this.pairAround(call, awaiting, { call });
    return { report: pairs.get(call) ?? null, rejoined };
  }

  /** A report the browser does not show the body of: whether a recorded call took it, and the rows that change. */
  report(report: HeldReport, awaiting: readonly CallSeen[]): { joined: boolean; rejoined: Rejoined[] } {
    this.arrival.set(report, ++this.arrived);
    const { pairs, rejoined } = this.pairAround(report, awaiting, { report });
    return { joined: [...pairs.values()].includes(report), rejoined };
  }

  private pairAround(around: Keyed, awaiting: readonly CallSeen[], added: { call?: CallSeen; report?: HeldReport }) {
    const near = (item: Keyed) => sameTarget(item, around) && Math.abs(item.at - around.at) <= REJOIN_SPAN_MS;
    const joins = this.joins.items().filter((join) => near(join.call) || near(join.report));
    const joinedCalls = new Map(joins.map((join) => [join.call.requestId, join.report]));
    const waiting = this.waiting.items().filter((report) => report.bodyVisible !== true && near(report));
    const calls = [
      ...awaiting.filter((call) => near(call) && !joinedCalls.has(call.requestId)),
      ...joins.map((join) => join.call),
      ...(added.call ? [added.call] : []),
    ];
    const reports = [...waiting, ...joins.map((join) => join.report), ...(added.report ? [added.report] : [])];
    reports.sort((a, b) => (this.arrival.get(a) ?? 0) - (this.arrival.get(b) ?? 0));
    const pairs = pairsBySendTime(reports, calls.sort(startedBefore), JOIN_WINDOW_MS);

    const rejoined: Rejoined[] = [];
    for (const call of calls) {
      const report = pairs.get(call) ?? null;
      if (call !== added.call && report !== (joinedCalls.get(call.requestId) ?? null)) rejoined.push({ call, report });
    }
    const paired = new Set(pairs.values());
    for (const join of joins) this.joins.take(join);
    for (const report of waiting) if (paired.has(report)) this.waiting.take(report);
    for (const join of joins) if (!paired.has(join.report)) this.waitAgain(join.report);
    for (const [call, report] of pairs) this.keep({ call, report });
    return { pairs, rejoined };
  }

  private keep(join: Join): void {
    const [oldest] = this.joins.items();
    if (this.joins.length >= MAX_HELD_BODIES && oldest) this.joins.take(oldest); // its rows stay as they are
    this.joins.hold(join, HELD_BODY_MS);
  }
}

/** The order the browser started two requests in, where their ids tell it (Chromium's and Firefox's count up). */
function startedBefore(a: CallSeen, b: CallSeen): number {
  const count = (call: CallSeen) => Number(/\d+$/.exec(call.requestId)?.[0]);
  const [first, second] = [count(a), count(b)];
  return Number.isFinite(first) && Number.isFinite(second) ? first - second : 0;
}
