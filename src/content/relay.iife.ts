/**
 * Isolated-world half of the page hook (Chromium only): hands the bodies and beacons the page hook
 * reports to the background at once, inside the event, so a beacon sent in `pagehide` still arrives.
 * The detail is a JSON string because objects do not cross from the MAIN world. Untrusted: the
 * background only uses it to fill the body of a request its webRequest listener saw.
 *
 * A report is re-sent until the background acknowledges it: a message that reaches a service
 * worker as it is being stopped is lost with it (the promise then rejects), and the next attempt
 * wakes a new one. The background drops repeats by id.
 *
 * A page that goes away cannot re-send, and Chromium drops the messages it sent that still wait for
 * a stopped worker to start (seen in the e2e suite: Blob beacons sent while the worker was stopped,
 * then the tab navigated; none of their reports arrived, none was rejected). So as the page is hidden
 * (`pagehide`: this listener, added at document_start, runs before the page's own), every report not
 * yet acknowledged, and every report made from then on, is also written to `storage.local`, which
 * the browser stores whatever becomes of the page and whose change wakes the worker. It carries the
 * sender the background named in an earlier acknowledgement: a page with none yet (its first report
 * sent as it goes, to a stopped worker) can still lose it.
 */
import {
  isPageRoutesMessage,
  isReportAck,
  PENDING_REPORT_PREFIX,
  PROTOCOL_VERSION,
  type PageBodyMessage,
  type PageRoutesMessage,
  type PendingReport,
} from '../shared/protocol';

const RETRY_DELAYS_MS = [100, 400, 1600];

/**
 * Unique enough to drop repeats. Not crypto.randomUUID(): it exists only in secure contexts, and apps are served over
 * plain http too.
 */
function reportId(): string {
  const random = new Uint32Array(2);
  crypto.getRandomValues(random);
  return `${Date.now().toString(36)}-${random[0]?.toString(36) ?? ''}${random[1]?.toString(36) ?? ''}`;
}

type Report = PageBodyMessage | PageRoutesMessage;

/** Reports sent and not yet acknowledged, by id. */
const unacknowledged = new Map<string, Report>();
/** Where the background says this document's reports come from (its last acknowledgement). */
let sender: PendingReport['sender'] | null = null;
/** The page is being hidden (pagehide, until a pageshow brings it back from the back/forward cache). */
let leaving = false;

function report(message: Report): void {
  unacknowledged.set(message.id, message);
  send(message);
  if (leaving) handOver(message);
}

function send(message: Report, attempt = 0): void {
  chrome.runtime.sendMessage(message).then(
    (acknowledged: unknown) => {
      if (!isReportAck(acknowledged)) return retry(message, attempt);
      const { tabId, frameId, documentId } = acknowledged;
      sender = documentId === undefined ? { tabId, frameId } : { tabId, frameId, documentId };
      unacknowledged.delete(message.id);
    },
    () => retry(message, attempt), // the worker went away, or the extension is reloading
  );
}

function retry(message: Report, attempt: number): void {
  const delay = RETRY_DELAYS_MS[attempt];
  if (delay !== undefined) setTimeout(() => send(message, attempt + 1), delay);
}

/** Writes the report where the background finds it after this page is gone (a copy: the background drops repeats). */
function handOver(message: Report): void {
  if (!sender) return;
  const pending: PendingReport = { report: message, sender };
  chrome.storage.local.set({ [PENDING_REPORT_PREFIX + message.id]: pending }).catch(() => undefined);
}

addEventListener(
  'pagehide',
  () => {
    leaving = true;
    unacknowledged.forEach(handOver);
  },
  true,
);
addEventListener('pageshow', () => (leaving = false), true);

document.addEventListener(
  'track-inspector:page-body',
  (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let parsed: { url?: unknown; method?: unknown; body?: unknown; beacon?: unknown; blob?: unknown; sentAt?: unknown };
    try {
      parsed = JSON.parse(detail) as typeof parsed;
    } catch {
      return;
    }
    const { url, method, body, beacon, blob, sentAt } = parsed;
    if (typeof url !== 'string' || typeof method !== 'string' || typeof sentAt !== 'number') return;
    if (typeof beacon !== 'boolean' || typeof blob !== 'boolean') return;
    if (!(typeof body === 'string' || (body === null && beacon))) return;
    report({ kind: 'page-body', version: PROTOCOL_VERSION, id: reportId(), url, method, body, beacon, blob, sentAt });
  },
  true,
);

document.addEventListener(
  'track-inspector:page-routes',
  (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let sends: unknown;
    try {
      sends = JSON.parse(detail);
    } catch {
      return;
    }
    const message = { kind: 'page-routes', version: PROTOCOL_VERSION, id: reportId(), sends };
    if (isPageRoutesMessage(message)) report(message);
  },
  true,
);
