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
 */
import type { CallSeen } from './capture-timeline';
import type { PageBody } from './events';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
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
  private readonly withBody: Held<CallSeen & { readonly body: string }>[] = [];
  private readonly bodies: Held<PageBody>[] = [];

  constructor(private readonly timers: Timers = globalThis) {}

  /**
   * webRequest had the body: it only consumes the page's copy of that same body, so the copy cannot
   * pair with another call. A page body that differs is not this call's (two sends to one URL).
   */
  callWithBody(call: CallSeen, text: () => string | null): void {
    if (!this.bodies.length) return; // nothing to pair with: the usual case
    const sent = text();
    if (sent === null || this.take(this.bodies, call, (b) => b.body === sent)) return;
    this.hold(this.withBody, { ...call, body: sent }, JOIN_WINDOW_MS);
  }

  /** A call webRequest gave no body: the page's report of it when that came first, else null. */
  callWithoutBody(call: CallSeen): string | null {
    return this.take(this.bodies, call)?.body ?? null;
  }

  /**
   * A body the page reported. Returns the awaiting call it completes (one recorded before the report
   * came), or null when it is held for its call. `settled` resolves once the body found its call or
   * has waited JOIN_WINDOW_MS: the relay's acknowledgement (a relay whose message was lost with a
   * killed worker sends it again).
   */
  pageBody(body: PageBody, awaiting: readonly CallSeen[]): { call: CallSeen | null; settled: Promise<void> } {
    const call = nearest(awaiting, body, JOIN_WINDOW_MS);
    if (call) return { call, settled: Promise.resolve() };
    if (this.take(this.withBody, body, (c) => c.body === body.body)) return { call: null, settled: Promise.resolve() };
    if (this.bodies.length >= MAX_HELD_BODIES) {
      const [oldest] = this.bodies.splice(0, 1);
      if (oldest) {
        this.timers.clearTimeout(oldest.timer);
        oldest.taken();
      }
    }
    const settled = new Promise<void>((resolve) => {
      const acknowledge = this.timers.setTimeout(resolve, JOIN_WINDOW_MS);
      this.hold(this.bodies, body, HELD_BODY_MS, () => {
        this.timers.clearTimeout(acknowledge);
        resolve();
      });
    });
    return { call: null, settled };
  }

  /** Page bodies still waiting for their call. */
  heldCount(): number {
    return this.bodies.length;
  }

  private hold<T extends Keyed>(list: Held<T>[], item: T, ms: number, taken: () => void = () => undefined): void {
    const timer = this.timers.setTimeout(() => {
      const index = list.findIndex((p) => p.item === item);
      if (index >= 0) list.splice(index, 1);
    }, ms);
    list.push({ item, timer, taken });
  }

  /** Removes and returns the nearest-in-time held item for the same tab, URL and method. */
  private take<T extends Keyed>(list: Held<T>[], key: Keyed, accept: (item: T) => boolean = () => true): T | null {
    const found = nearest(list.map((held) => held.item).filter(accept), key, JOIN_WINDOW_MS);
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
