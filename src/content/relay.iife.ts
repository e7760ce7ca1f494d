/**
 * Isolated-world half of the page hook (Chromium only): hands the bodies and beacons the page hook
 * reports to the background at once, inside the event, so a beacon sent in `pagehide` still arrives.
 * The detail is a JSON string because objects do not cross from the MAIN world. Untrusted: the
 * background only uses it to fill the body of a request its webRequest listener saw.
 *
 * A report is re-sent until the background acknowledges it: a message that reaches a service
 * worker as it is being stopped is lost with it (the promise then rejects), and the next attempt
 * wakes a new one. The background drops repeats by id.
 */
import {
  isPageRoutesMessage,
  PROTOCOL_VERSION,
  type PageBodyMessage,
  type PageRoutesMessage,
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

function send(message: PageBodyMessage | PageRoutesMessage, attempt = 0): void {
  chrome.runtime.sendMessage(message).then(
    (acknowledged: unknown) => acknowledged === true || retry(message, attempt),
    () => retry(message, attempt), // the worker went away, or the extension is reloading
  );
}

function retry(message: PageBodyMessage | PageRoutesMessage, attempt: number): void {
  const delay = RETRY_DELAYS_MS[attempt];
  if (delay !== undefined) setTimeout(() => send(message, attempt + 1), delay);
}

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
    send({ kind: 'page-body', version: PROTOCOL_VERSION, id: reportId(), url, method, body, beacon, blob, sentAt });
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
    if (isPageRoutesMessage(message)) send(message);
  },
  true,
);
