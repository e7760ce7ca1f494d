/**
 * Which route a call was sent from, in the page's own order (Chromium's page hook). A browser times a
 * single-page app's route change itself, and starts the requests of a task only after the task: so a
 * call sent in the same tick as `history.pushState`, before or after it, cannot be placed by time.
 * The page hook can: for a task with a route change, it reports each send with the URL the page
 * showed when it was made. A report names the call it describes, whichever reaches the background
 * first: a call already recorded is named again (RecentCalls.nameByPage), a later one takes its name
 * here.
 */
import type { CaptureTimeline } from './capture-timeline';
import type { RecentCalls } from './recent-calls';
import type { SenderPages } from './sender-pages';

export interface NamedSend {
  readonly url: string;
  readonly method: string;
  /** The URL the page showed when it made the send. */
  readonly pageUrl: string;
  /** Date.now() in the page when it made the send: its request is seen at that time or later. */
  readonly sentAt: number;
}

export interface PageRoutes {
  readonly tabId: number;
  readonly documentId: string;
  readonly sends: readonly NamedSend[];
}

/**
 * The page's clock and webRequest's timeStamp are the same wall clock, read in different processes: a
 * request is never seen before it was sent, give or take the clocks' rounding.
 */
export const CLOCK_SLACK_MS = 2;
/** A send whose request has not come by then never will (it was not a tracking call the filters hold). */
const PENDING_MS = 10_000;
const PENDING_PER_DOCUMENT = 100;

interface Where {
  readonly senders: SenderPages;
  readonly timeline: CaptureTimeline;
}

export class PageNamedSends {
  private readonly pending = new Map<string, NamedSend[]>();

  /** A report came: each send names its recorded call, or waits for it. */
  reported(report: PageRoutes, recent: RecentCalls, where: Where): void {
    const newest = Math.max(...report.sends.map((send) => send.sentAt));
    const waiting = (this.pending.get(report.documentId) ?? []).filter((send) => send.sentAt > newest - PENDING_MS);
    for (const send of report.sends) {
      if (!recent.nameByPage(report.documentId, send, where)) waiting.push(send);
    }
    if (waiting.length) this.pending.set(report.documentId, waiting.slice(-PENDING_PER_DOCUMENT));
    else this.pending.delete(report.documentId);
  }

  /** The page's name for a call about to be recorded, when its send was reported first. */
  claim(documentId: string, url: string, method: string, at: number): string | undefined {
    const waiting = this.pending.get(documentId);
    const index = waiting?.findIndex((send) => sentBefore(send, url, method, at)) ?? -1;
    if (!waiting || index < 0) return undefined;
    const [send] = waiting.splice(index, 1);
    if (!waiting.length) this.pending.delete(documentId);
    return send?.pageUrl;
  }
}

/** Could this send be the request seen at `at` to `url`? */
export function sentBefore(send: NamedSend, url: string, method: string, at: number): boolean {
  return send.url === url && send.method === method && send.sentAt <= at + CLOCK_SLACK_MS;
}
