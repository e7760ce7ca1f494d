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

export async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
