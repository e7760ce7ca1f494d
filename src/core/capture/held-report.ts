/** A page's report as the capture pipeline holds it for its call, and the limits of joining the two. */
import type { CallSeen } from './capture-timeline';
import type { SenderPage } from './sender-pages';

/** How far apart in send time a call and its page body may be. */
export const JOIN_WINDOW_MS = 2000;
/** How long a page body waits for its call, in arrival time. */
export const HELD_BODY_MS = 30_000;
/** Page bodies held at most (a page sending beacons faster than their calls arrive is cut here, oldest first). */
export const MAX_HELD_BODIES = 200;

/** What a call and a report of it share: the tab, the URL and method, and when each says it was sent. */
export type Keyed = Pick<CallSeen, 'tabId' | 'url' | 'method' | 'at'>;

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
   * Whether the browser shows this body to the host too (a string beacon: true; a Blob: false): a report the browser
   * shows the body of belongs to a call that came with its body, never to one recorded without (a Blob beacon to
   * the same URL a moment later), and a Blob's report never to a call that came with a body.
   */
  readonly bodyVisible?: boolean;
  /** The report's own id (events.ts, PageCall.reportId): the rows it fills or becomes keep it. */
  readonly reportId?: string;
}

/** Whether a report and a call were sent to the same place: tab, URL and method. */
export function sameTarget(a: Keyed, b: Keyed): boolean {
  return a.tabId === b.tabId && a.url === b.url && a.method.toUpperCase() === b.method.toUpperCase();
}

/** The item sent to the same place as `key` whose send time is nearest `key`'s, within `windowMs`. */
export function nearest<T extends Keyed>(items: readonly T[], key: Keyed, windowMs: number): T | null {
  let best: T | null = null;
  let bestDistance = Infinity;
  for (const item of items) {
    const distance = Math.abs(item.at - key.at);
    if (sameTarget(item, key) && distance <= windowMs && distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}
