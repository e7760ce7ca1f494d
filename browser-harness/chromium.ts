/** Debian's Chromium with the built extension, driven by playwright-core (no browser download). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { TRACK_HOSTS } from './collector';
import { EXTENSION_PAGE, untilBackgroundListens, type BrowserUnderTest, type PageLike } from './browser';
import { CHROMIUM, chromiumFlags, installedPath } from './installed';

const EXTENSION_DIR = path.resolve('dist/chrome');

export interface ChromiumOptions {
  readonly tlsPort: number;
  /** Playwright passes --disable-back-forward-cache by default; false keeps the bfcache on. */
  readonly disableBackForwardCache?: boolean;
  /** The unpacked extension to load: dist/chrome unless a bench builds its own. */
  readonly extensionDir?: string;
}

export async function launchChromium(
  options: ChromiumOptions,
): Promise<BrowserUnderTest & { context: BrowserContext }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-chromium-'));
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: installedPath(CHROMIUM),
    headless: true,
    ignoreDefaultArgs: [
      '--disable-extensions',
      ...(options.disableBackForwardCache === false ? ['--disable-back-forward-cache'] : []),
    ],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...chromiumFlags(options.tlsPort, TRACK_HOSTS),
    ],
  });
  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find((w) => isOurs(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  await untilBackgroundListens((check) => worker.evaluate(check));

  let extensionPage: Page | null = null;
  async function extension(): Promise<Page> {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}${EXTENSION_PAGE}`);
    }
    return extensionPage;
  }

  async function workerTargets(cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>) {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { type: string; url: string; targetId: string }[];
    };
    return targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`),
    );
  }

  return {
    name: 'chromium',
    context,
    async newPage() {
      return await context.newPage();
    },
    async inExtension(fn, arg) {
      return ((await extension()) as unknown as PageLike).evaluate(fn, arg);
    },
    async stopBackground() {
      const page = await extension();
      const cdp = await context.newCDPSession(page);
      try {
        const [target] = await workerTargets(cdp);
        if (!target) throw new Error('the extension service worker is not running');
        // Chromium's own account of the worker says when it has stopped. Polling the target list
        // instead failed by chance: calls the page sends meanwhile restart the worker at once
        // (as the same target), so the list may never be seen without it.
        let closing = false;
        const stopped = new Promise<void>((resolve) => {
          cdp.on(
            'ServiceWorker.workerVersionUpdated',
            ({ versions }: { versions: { scriptURL: string; runningStatus: string }[] }) => {
              if (
                closing &&
                versions.some(
                  (v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped',
                )
              )
                resolve();
            },
          );
        });
        await cdp.send('ServiceWorker.enable');
        closing = true;
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
        let timer: ReturnType<typeof setTimeout> | undefined;
        const late = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () =>
              reject(new Error('Chromium did not report the service worker stopped within 5 s of Target.closeTarget')),
            5000,
          );
        });
        await Promise.race([stopped, late]).finally(() => clearTimeout(timer));
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
