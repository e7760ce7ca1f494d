/**
 * Isolated-world half of the page hook (Chromium only): hands the bodies the page hook reports to
 * the background at once, inside the event, so a beacon sent in `pagehide` still arrives.
 * The detail is a JSON string because objects do not cross from the MAIN world. Untrusted: the
 * background only uses it to fill the body of a request its webRequest listener saw.
 */
import type { PageBodyMessage } from '../protocol';

document.addEventListener(
  'track-inspector:page-body',
  (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    let parsed: { url?: unknown; method?: unknown; body?: unknown; sentAt?: unknown };
    try {
      parsed = JSON.parse(detail) as typeof parsed;
    } catch {
      return;
    }
    const { url, method, body, sentAt } = parsed;
    if (typeof url !== 'string' || typeof method !== 'string' || typeof body !== 'string' || typeof sentAt !== 'number') return;
    const message: PageBodyMessage = { kind: 'page-body', version: 1, url, method, body, sentAt };
    chrome.runtime.sendMessage(message).catch(() => undefined); // the extension may be reloading
  },
  true,
);
