/**
 * Joins bodies reported by the page relay to the webRequest records they belong to.
 * Why: Chromium's webRequest gives extensions no Blob bodies (`requestBody.error` "Unknown error."),
 * and sendBeacon(url, blob) is how many SDKs send during unload. The page relay sees the body; the
 * background trusts it only to fill the body of a request webRequest saw (same tab, URL and method,
 * nearest in time, one-to-one), never to create a row, and only where webRequest had no body.
 */

export interface CallSeen {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
  readonly method: string;
  /** ms since epoch. */
  readonly at: number;
}

export interface PageBody {
  readonly tabId: number;
  readonly url: string;
  readonly method: string;
  readonly body: string;
  readonly at: number;
}

interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Pending<T> {
  readonly item: T;
  readonly timer: unknown;
}

export class BodyJoiner {
  private readonly bodyless: Pending<CallSeen>[] = [];
  private readonly withBody: Pending<CallSeen & { readonly body: string }>[] = [];
  private readonly bodies: Pending<PageBody>[] = [];

  constructor(
    private readonly windowMs: number,
    /** Called once per bodyless call: with the page's body, or null when none came in time. */
    private readonly resolved: (call: CallSeen, body: string | null) => void,
    private readonly timers: Timers = globalThis,
  ) {}

  /**
   * webRequest had the body: it only consumes the page's copy of that same body, so the copy cannot
   * pair with another call. A page body that differs is not this call's (two sends to one URL).
   */
  callWithBody(call: CallSeen, text: () => string | null): void {
    if (!this.bodies.length && !this.bodyless.length) return; // nothing to pair with: the usual case
    const sent = text();
    if (sent === null || this.take(this.bodies, call, (b) => b.body === sent)) return;
    this.hold(this.withBody, { ...call, body: sent }, () => undefined);
  }

  callWithoutBody(call: CallSeen): void {
    const body = this.take(this.bodies, call);
    if (body) {
      this.resolved(call, body.body);
      return;
    }
    this.hold(this.bodyless, call, () => this.resolved(call, null));
  }

  pageBody(body: PageBody): void {
    const call = this.take(this.bodyless, body);
    if (call) {
      this.resolved(call, body.body);
      return;
    }
    if (this.take(this.withBody, body, (call) => call.body === body.body)) return;
    this.hold(this.bodies, body, () => undefined);
  }

  /** True while a call of this tab still waits for its body (a closing tab must wait too). */
  waiting(tabId: number): boolean {
    return this.bodyless.some((p) => p.item.tabId === tabId);
  }

  private hold<T extends { tabId: number; url: string; method: string; at: number }>(list: Pending<T>[], item: T, expire: () => void): void {
    const timer = this.timers.setTimeout(() => {
      const index = list.findIndex((p) => p.item === item);
      if (index < 0) return;
      list.splice(index, 1);
      expire();
    }, this.windowMs);
    list.push({ item, timer });
  }

  /** Removes and returns the nearest-in-time pending item for the same tab, URL and method. */
  private take<T extends { tabId: number; url: string; method: string; at: number }>(
    list: Pending<T>[],
    key: { tabId: number; url: string; method: string; at: number },
    accept: (item: T) => boolean = () => true,
  ): T | null {
    let best = -1;
    let bestDistance = Infinity;
    list.forEach((p, i) => {
      if (p.item.tabId !== key.tabId || p.item.url !== key.url || p.item.method.toUpperCase() !== key.method.toUpperCase()) return;
      if (!accept(p.item)) return;
      const distance = Math.abs(p.item.at - key.at);
      if (distance <= this.windowMs && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    });
    if (best < 0) return null;
    const [taken] = list.splice(best, 1);
    if (!taken) return null;
    this.timers.clearTimeout(taken.timer);
    return taken.item;
  }
}
