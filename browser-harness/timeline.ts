/**
 * Reads a tab's timeline exactly as a panel does: over the real port protocol, from an extension
 * page. Each read connects afresh, so it also proves the backfill a (re)connecting panel gets.
 */
import type { MessageEntry, TimelineEntry } from '../src/core/capture/timeline-entry';
import { messageLabel } from '../src/core/label';
import type { MessageRecord } from '../src/core/record';
import { PROTOCOL_VERSION } from '../src/shared/protocol';
import { poll, type BrowserUnderTest } from './browser';

export type Message = MessageEntry;

export async function tabIdOf(browser: BrowserUnderTest, url: string): Promise<number> {
  return poll(
    () =>
      browser.inExtension(async (wanted) => {
        // Firefox's `chrome` lacks promises in places; `browser` is the standard namespace there.
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = await api.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id ?? -1;
      }, url),
    (id) => id >= 0,
    `a tab showing ${url}`,
  );
}

export async function readTimeline(browser: BrowserUnderTest, tabId: number): Promise<TimelineEntry[]> {
  // Returned as JSON text: WebDriver BiDi serialises an object met twice (the request a batch's
  // messages share) as a reference that puppeteer turns into undefined.
  const json = await browser.inExtension(
    ({ tab, version }) =>
      new Promise<string>((resolve, reject) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const bySeq = new Map<number, TimelineEntry>();
        let quiet: ReturnType<typeof setTimeout> | undefined;
        let port: chrome.runtime.Port | undefined;
        let done = false;
        const finish = () => {
          done = true;
          port?.disconnect();
          const time = (e: TimelineEntry) => (e.kind === 'message' ? e.record.capturedAt : e.at);
          resolve(JSON.stringify([...bySeq.values()].sort((a, b) => time(a) - time(b) || a.seq - b.seq)));
        };
        const failed = setTimeout(() => {
          done = true;
          reject(new Error('no snapshot within 10 s'));
        }, 10_000);
        const connect = () => {
          const current = api.runtime.connect({ name: 'track-inspector/panel' });
          port = current;
          current.onMessage.addListener(
            (message: {
              kind: string;
              entries?: TimelineEntry[];
              removed?: number[];
              updates?: { seq: number; request: MessageRecord['request'] }[];
            }) => {
              clearTimeout(failed);
              if (message.kind === 'snapshot') bySeq.clear();
              for (const seq of message.removed ?? []) bySeq.delete(seq);
              for (const entry of message.entries ?? []) bySeq.set(entry.seq, entry);
              for (const update of message.updates ?? []) {
                const entry = bySeq.get(update.seq);
                if (entry?.kind === 'message')
                  bySeq.set(update.seq, { ...entry, record: { ...entry.record, request: update.request } });
              }
              clearTimeout(quiet);
              quiet = setTimeout(finish, 300);
            },
          );
          // As the panel does (transport.ts): a background that goes away closes the port (Firefox's
          // event page reloads itself for a host added while it runs); connect again for a fresh snapshot.
          current.onDisconnect.addListener(() => {
            if (done) return;
            clearTimeout(quiet);
            setTimeout(connect, 100);
          });
          current.postMessage({ kind: 'hello', version, tabId: tab });
        };
        connect();
      }),
    { tab: tabId, version: PROTOCOL_VERSION },
  );
  return JSON.parse(json) as TimelineEntry[];
}

export function messagesOf(entries: readonly TimelineEntry[]): Message[] {
  return entries.filter((entry): entry is Message => entry.kind === 'message');
}

/** The name a row shows: event, page name, identify userId, group id. */
export function labelOf(message: Message): string {
  return (
    messageLabel(message.record.type, message.record.payload) ??
    `(${message.record.undecodable?.reason ?? message.record.type})`
  );
}

/** Polls until every label is present with a settled HTTP outcome; returns the messages. */
export async function waitForLabels(
  browser: BrowserUnderTest,
  tabId: number,
  labels: readonly string[],
  { timeoutMs = 20_000, outcome = true }: { timeoutMs?: number; outcome?: boolean } = {},
): Promise<Message[]> {
  const settled = (m: Message) => !outcome || m.record.request.status !== null || m.record.request.error !== null;
  const summary = (entries: TimelineEntry[]) =>
    messagesOf(entries).map((m) => `${labelOf(m)} [${m.record.request.status ?? m.record.request.error ?? 'pending'}]`);
  const entries = await poll(
    () => readTimeline(browser, tabId),
    (entries) => {
      const messages = messagesOf(entries);
      return labels.every((label) => messages.some((m) => labelOf(m) === label && settled(m)));
    },
    `rows ${labels.join(', ')}`,
    timeoutMs,
  ).catch(async (error: Error) => {
    const rows = summary(await readTimeline(browser, tabId));
    throw new Error(
      `${error.message.split('; last:')[0]}\nmissing: ${labels.filter((l) => !rows.some((r) => r.startsWith(`${l} [`))).join(', ')}\nrows: ${rows.join('; ')}`,
    );
  });
  return messagesOf(entries);
}
