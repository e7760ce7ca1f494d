/** What a capture test needs from a browser, whichever drives it (playwright-core or puppeteer-core). */

export interface PageLike {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

export interface BrowserUnderTest {
  readonly name: 'chromium' | 'firefox';
  newPage(): Promise<PageLike>;
  /** Runs `fn` in an extension page, with the extension's APIs (a panel's view of the world). */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Stops the background (Chromium: the service worker, as Chrome does when it idles). */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

export const EXTENSION_PAGE = '/src/options/options.html';

/**
 * Resolves once the extension's service worker has registered its webRequest listeners. A worker's
 * first evaluate answers as soon as its context exists, before its module has been evaluated
 * (`chrome` can still be undefined then): a page loaded at that point goes unseen, its navigation
 * marker included, and a suite fails by chance.
 */
export async function untilBackgroundListens(
  evaluateInWorker: (check: () => boolean) => Promise<boolean>,
): Promise<void> {
  const listening = () =>
    Boolean((globalThis as unknown as { chrome?: typeof chrome }).chrome?.webRequest?.onBeforeRequest?.hasListeners());
  for (
    const deadline = Date.now() + 20_000;
    !(await evaluateInWorker(listening));
    await new Promise((resolve) => setTimeout(resolve, 20))
  ) {
    if (Date.now() > deadline)
      throw new Error("the extension's service worker registered no webRequest listener within 20 s");
  }
}

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
