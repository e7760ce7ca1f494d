/**
 * What a host reports to the capture pipeline, as plain data: the requests a browser showed it,
 * the bodies the page reported, and facts about tabs and documents. The field names are
 * webRequest's (the extension's host passes its events through nearly as they are); any other
 * host (a Playwright fixture) fills the same fields from its own API.
 */
import type { RequestBody } from '../body';

/** Who sent a request, as far as the host can tell; each browser fills its own half. */
export interface RequestSource {
  /** The tab (or page) it came from; negative when it belongs to none (a service worker's fetch). */
  readonly tabId: number;
  readonly frameId: number;
  /** Chromium: the sending document, and the origin that started the request. */
  readonly documentId?: string;
  readonly initiator?: string;
  /** Firefox (and hosts that know it): the sending document's URL, and its ancestors up to the top page (last). */
  readonly documentUrl?: string;
  readonly frameAncestors?: readonly { readonly url: string }[];
  readonly originUrl?: string;
  /** When the request was sent (ms since the epoch): a single-page app's URL depends on it. */
  readonly timeStamp?: number;
}

/** A request leaves the page (webRequest's onBeforeRequest); top-frame navigations are reported apart. */
export interface RequestStarted extends RequestSource {
  readonly requestId: string;
  readonly url: string;
  readonly method: string;
  readonly timeStamp: number;
  /** The body as the browser exposed it; null when it exposed none (Chromium hides Blobs). */
  readonly body: RequestBody | null;
  /** The resource type as webRequest names it (`ping` is Chromium's beacon, `beacon` Firefox's), where the host knows it. */
  readonly type?: string;
}

/** The response's headers arrived (only a beacon's status needs them: outcome.ts). */
export interface ResponseStarted {
  readonly requestId: string;
  readonly tabId: number;
  readonly statusCode: number;
}

export interface RequestCompleted {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
  readonly method: string;
  readonly statusCode: number;
}

export interface RequestFailed {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
  readonly method: string;
  /** The browser's own words (`net::ERR_BLOCKED_BY_CLIENT`, `NS_ERROR_FAILURE`). */
  readonly error: string;
  /** The resource type as webRequest names it: a beacon's failure reads differently (outcome.ts). */
  readonly type: string;
}

/** A body the page itself reported sending (the page hook sees what the browser may hide). */
export interface PageBody {
  readonly tabId: number;
  readonly url: string;
  readonly method: string;
  readonly body: string;
  /** When the page sent it (Date.now() in the page). */
  readonly at: number;
  /** The report's own id, where the host's reports may come twice: see PageCall.reportId. */
  readonly reportId?: string;
}

/**
 * A call the page itself reported sending (the Playwright fixture's page reporter reports each
 * beacon, keepalive fetch and non-string body it sees; the extension's Chrome page hook each beacon):
 * it names its document like a request does.
 */
export interface PageCall extends RequestSource {
  readonly url: string;
  readonly method: string;
  /** The body as the page sent it; null when the page could not read it at once. */
  readonly body: RequestBody | null;
  /**
   * The request the browser shows the host carries this body too (the extension in Chromium: not a Blob; the
   * Playwright fixture in Chromium: a string, bytes or a form of strings; in Firefox, where Playwright shows no
   * body: never). Each host says: a report of a body the request shows joins only a request that came with that
   * body, and reports of hidden bodies pair among requests that came without one, by send time (body-join.ts).
   */
  readonly bodyVisible: boolean;
  /** When the page sent it (Date.now() in the page). */
  readonly at: number;
  /**
   * The report's own id, where the host's reports may come twice (the extension's relay sends a report again when a
   * stopped worker never acknowledged it): the rows it fills or becomes keep it, and a copy adds nothing.
   */
  readonly reportId?: string;
}
