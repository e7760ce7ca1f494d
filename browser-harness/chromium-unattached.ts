/**
 * Debian's Chromium with the built extension, driven by puppeteer-core with no debugger attached to
 * the extension's service worker, so Chromium stops it by itself after ~30 s idle, as it does for
 * users. (Playwright stays attached to every service worker, and an attached worker never idles out.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Protocol } from 'puppeteer-core';
import { EXTENSION_PAGE, type BrowserUnderTest, type PageLike } from './browser';
import { isExtensionWorker, launchPuppeteerChromium } from './puppeteer-chromium';
import { readTimeline } from './timeline';

export interface UnattachedChromium extends BrowserUnderTest {
  /** Resolves once Chromium reports the extension's worker stopped; throws after `timeoutMs`. */
  waitForWorkerStopped(timeoutMs: number): Promise<void>;
}

export async function launchUnattachedChromium({ tlsPort }: { readonly tlsPort: number }): Promise<UnattachedChromium> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-chromium-unattached-'));
  const browser = await launchPuppeteerChromium({ userDataDir, tlsPort });
  try {
    // Puppeteer detaches from a service worker as soon as Chromium auto-attaches it (whatever any
    // targetFilter says), unless asked for its `worker()`, which attaches for good and is never
    // called here: only the target's URL is read.
    const workerTarget = await browser.waitForTarget(isExtensionWorker, { timeout: 20_000 });
    const scriptURL = workerTarget.url();
    const extensionId = new URL(scriptURL).host;

    let extensionPage: Page | null = null;
    const extension = async (): Promise<Page> => {
      if (!extensionPage || extensionPage.isClosed()) {
        extensionPage = await browser.newPage();
        await extensionPage.goto(`chrome-extension://${extensionId}${EXTENSION_PAGE}`);
      }
      return extensionPage;
    };
    // Chromium's own account of the worker, watched from an ordinary page: the ServiceWorker
    // domain observes without attaching, so watching does not keep the worker alive.
    const watcherPage = await browser.newPage();
    const watcher = await watcherPage.createCDPSession();
    let status: Protocol.ServiceWorker.ServiceWorkerVersionRunningStatus | null = null;
    const statusChanged = new Set<() => void>();
    watcher.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL !== scriptURL) continue;
        status = version.runningStatus;
        for (const notify of statusChanged) notify();
      }
    });
    await watcher.send('ServiceWorker.enable'); // reports the current state of every version first

    const handle: UnattachedChromium = {
      name: 'chromium',
      async newPage() {
        return (await browser.newPage()) as unknown as PageLike;
      },
      async inExtension(fn, arg) {
        return ((await extension()) as unknown as PageLike).evaluate(fn, arg);
      },
      stopBackground() {
        return Promise.reject(
          new Error(
            'not supported: this browser leaves stopping the service worker to Chromium (waitForWorkerStopped)',
          ),
        );
      },
      waitForWorkerStopped(timeoutMs) {
        return new Promise<void>((resolve, reject) => {
          const check = () => {
            if (status !== 'stopped') return;
            settle();
            resolve();
          };
          const timer = setTimeout(() => {
            settle();
            reject(
              new Error(
                `the extension's service worker was not stopped by Chromium within ${timeoutMs} ms (last status: ${status ?? 'never reported'})`,
              ),
            );
          }, timeoutMs);
          const settle = () => {
            clearTimeout(timer);
            statusChanged.delete(check);
          };
          statusChanged.add(check);
          check();
        });
      },
      async close() {
        await browser.close().catch(() => undefined);
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
    // Pages opened before the worker has run its top level would go unseen: a panel's hello
    // answered with a snapshot proves its listeners are registered and its store is loaded.
    await readTimeline(handle, -1);
    return handle;
  } catch (error) {
    await browser.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
