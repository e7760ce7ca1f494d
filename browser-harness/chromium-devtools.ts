/**
 * The Track panel in Chromium's real DevTools, driven by puppeteer-core 24 over CDP
 * (playwright-core cannot open DevTools). Recipe proven on Debian's chromium 156.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, ElementHandle, Frame, Page } from 'puppeteer-core';
import { isExtensionWorker, launchPuppeteerChromium } from './puppeteer-chromium';
import { untilBackgroundListens, type PageLike } from './browser';
import type { PanelBrowser, PanelHandle, PanelLaunchOptions } from './panel';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PANEL_PATH = '/src/panel/panel.html';

export interface ChromiumPanelBrowser extends PanelBrowser {
  /** The puppeteer Browser behind it: what bench:panel reaches Chromium's CDP through (traces, memory dumps). */
  readonly puppeteer: Browser;
}

export const launchChromiumPanel = async ({
  collector,
  theme,
  downloadDir,
  extensionDir,
}: PanelLaunchOptions & { readonly extensionDir?: string }): Promise<ChromiumPanelBrowser> => {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-chromium-devtools-'));
  // DevTools reads its settings from the profile; each value is itself JSON. Undocked, DevTools
  // fills its own window so the Track tab is not pushed into the ">>" overflow menu.
  mkdirSync(path.join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({
      devtools: {
        preferences: { currentDockState: '"undocked"', 'ui-theme': theme === 'dark' ? '"dark"' : '"default"' },
      },
    }),
  );
  const browser = await launchPuppeteerChromium({
    userDataDir,
    tlsPort: collector.tlsPort,
    extraArgs: ['--window-size=1280,800'],
    ...(extensionDir !== undefined && { extensionDir }),
  });
  // Pages opened before the extension's worker has run its top level would go unseen.
  const workerTarget = await browser.waitForTarget(isExtensionWorker, { timeout: 20_000 });
  const worker = await workerTarget.worker();
  if (!worker) throw new Error('the extension service worker target has no worker');
  await untilBackgroundListens((check) => worker.evaluate(check));
  mkdirSync(downloadDir, { recursive: true });
  const session = await browser.target().createCDPSession();
  await session.send('Browser.setDownloadBehavior', {
    behavior: 'allow',
    downloadPath: path.resolve(downloadDir),
    eventsEnabled: true,
  });

  return {
    name: 'chromium',
    newPage: async () => (await browser.newPage()) as unknown as PageLike,
    async openExtensionPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page as unknown as PageLike;
    },
    openTrackPanel: (page) => openTrackPanel(page as unknown as Page, downloadDir),
    puppeteer: browser,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};

async function openTrackPanel(page: Page, downloadDir: string): Promise<PanelHandle> {
  const devtools = await page.openDevTools();
  // The tab appears once the extension's devtools page has called panels.create (seconds).
  await devtools.locator('::-p-aria(Track[role="tab"])').setTimeout(30_000).click();
  const find = () => devtools.frames().find((f) => !f.isDetached() && f.url().endsWith(PANEL_PATH));
  let found: Frame | undefined;
  for (const deadline = Date.now() + 30_000; !(found = find()); await sleep(100)) {
    if (Date.now() > deadline) throw new Error('the Track panel frame did not appear in DevTools');
  }
  let frame: Frame = found;
  const current = (): Frame => (frame.isDetached() ? (frame = find() ?? frame) : frame);
  const element = async (selector: string): Promise<ElementHandle> => {
    const handle = await current().$(selector);
    if (!handle) throw new Error(`nothing in the panel matches ${selector}`);
    return handle;
  };

  return {
    // Puppeteer types the argument through its handle wrappers; the tests pass plain JSON values.
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) =>
      current().evaluate(fn as (a: unknown) => unknown, arg) as Promise<R>,
    click: async (selector) => (await element(selector)).click(),
    type: async (selector, text) => (await element(selector)).type(text),
    chooseFile: async (selector, filePath) =>
      ((await element(selector)) as ElementHandle<HTMLInputElement>).uploadFile(filePath),
    async waitForDownload(name) {
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(100)) {
        const done = readdirSync(downloadDir).find(
          (file) => name.test(file) && !existsSync(path.join(downloadDir, `${file}.crdownload`)),
        );
        if (done) return path.join(downloadDir, done);
      }
      throw new Error(`no download matching ${name} in ${downloadDir}`);
    },
    async screenshot(filePath) {
      await devtools.screenshot({ path: filePath });
    },
    themeName: () =>
      current().evaluate(
        () =>
          (globalThis as unknown as { chrome: { devtools?: { panels?: { themeName?: string } } } }).chrome.devtools
            ?.panels?.themeName,
      ),
  };
}
