/**
 * The JavaScript heaps of one extension's pages and service worker (Chromium, over CDP), sampled while the calls
 * stream: which context holds the process's peak. V8 lets garbage pile up until its next full collection, so a
 * heap's allocated size at its peak says where the process's own memory went, its used size what was still held.
 */
import type { Browser, CDPSession } from 'puppeteer-core';

interface HeapPeak {
  readonly used: number;
  readonly total: number;
  /** Blink's own garbage-collected heap (DOM objects, and what the bindings keep). */
  readonly embedder: number;
}

const MB = 1048576;

/** What a target is, in a word: the worker, or its page's file name (panel.html, devtools.html). */
const roleOf = (url: string) => (url.endsWith('.js') || url.endsWith('.ts') ? 'service worker' : url.split('/').pop());

export async function watchJsHeaps(browser: Browser, extensionId: string) {
  const sessions: [string, CDPSession][] = [];
  for (const target of browser.targets().filter((t) => t.url().startsWith(`chrome-extension://${extensionId}/`))) {
    const session = await target.createCDPSession().catch(() => null); // a target that went away meanwhile
    if (session) sessions.push([roleOf(target.url()) ?? target.url(), session]);
  }
  const peaks = new Map<string, HeapPeak>();
  const sample = () =>
    sessions.map(async ([role, session]) => {
      const heap = await session.send('Runtime.getHeapUsage').catch(() => null);
      if (!heap) return;
      const peak = peaks.get(role) ?? { used: 0, total: 0, embedder: 0 };
      peaks.set(role, {
        used: Math.max(peak.used, heap.usedSize),
        total: Math.max(peak.total, heap.totalSize),
        embedder: Math.max(peak.embedder, heap.embedderHeapUsedSize),
      });
    });
  const timer = setInterval(() => void Promise.all(sample()), 250);
  return {
    /** Stops sampling: one line of each context's peaks. */
    async stop(): Promise<string> {
      clearInterval(timer);
      await Promise.all(sessions.map(([, session]) => session.detach().catch(() => undefined)));
      const mb = (bytes: number) => (bytes / MB).toFixed(0);
      const parts = [...peaks].map(
        ([role, { used, total, embedder }]) => `${role} ${mb(total)} (${mb(used)} used; Blink's ${mb(embedder)})`,
      );
      return `   JavaScript heaps at their peaks, MB allocated (used): ${parts.join(', ') || 'none sampled'}`;
    },
  };
}
