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
}

export async function launchChromium(options: ChromiumOptions): Promise<BrowserUnderTest & { context: BrowserContext }> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: installedPath(CHROMIUM),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', ...(options.disableBackForwardCache === false ? ['--disable-back-forward-cache'] : [])],
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`, ...chromiumFlags(options.tlsPort, TRACK_HOSTS)],
  });
  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  const worker = context.serviceWorkers().find((w) => isOurs(w.url())) ?? (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 20_000 }));
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
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
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
        await cdp.send('Target.closeTarget', { targetId: target.targetId });
        // Playwright's Worker "close" never fires for this; poll the target list instead.
        const deadline = Date.now() + 5000;
        while ((await workerTargets(cdp)).length) {
          if (Date.now() > deadline) throw new Error('service worker still running 5 s after Target.closeTarget');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
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
