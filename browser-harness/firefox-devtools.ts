/**
 * The Track panel inside real Firefox DevTools (Debian's Firefox ESR, puppeteer-core 24 over BiDi).
 *
 * Firefox lets no automation protocol reach a DevTools panel, so: with --remote-allow-system-access
 * BiDi can `script.evaluate` in the privileged browser.xhtml window ("chrome" scope). From there we
 * open the toolbox (gDevTools.showToolboxForTab), select the extension's tool (label 'Track'), and
 * load a message-manager frame script into the panel's <browser>: it is a remote
 * <browser remoteType="extension"> that chrome JS cannot touch directly and BiDi does not list.
 * The frame script runs the test's function in a sandbox over the panel window and posts JSON back;
 * clicks and typing go through EventUtils.js (the copy BiDi's input.performActions uses): trusted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import type { PageLike } from './browser';
import { pacDataUrl } from './firefox';
import { FIREFOX, installedPath } from './installed';
import type { LaunchPanelBrowser, PanelHandle, PanelLaunchOptions } from './panel';
import { CHROME_HELPER } from './firefox-devtools-scripts';

const EXTENSION_DIR = path.resolve('dist/firefox');
const PANEL_PATH = '/src/panel/panel.html';
const CALL_TIMEOUT_MS = 15_000;
const OPEN_TIMEOUT_MS = 30_000;
const DOWNLOAD_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Firefox prefs of a panel test, beyond puppeteer's (which already turn off updates, safe browsing, telemetry). */
function prefs({ collector, theme, downloadDir }: PanelLaunchOptions): Record<string, unknown> {
  return {
    // The tracking hosts through the collector's CONNECT proxy, as in the capture tests.
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': pacDataUrl(collector.webPort),
    'network.proxy.failover_direct': false,
    // Export NDJSON lands straight in downloadDir: no "what should Firefox do with this file?" dialog.
    'browser.download.folderList': 2, // 2: browser.download.dir
    'browser.download.dir': downloadDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/x-ndjson,application/octet-stream',
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false, // the downloads popup would cover the toolbox
    'devtools.theme': theme,
    'devtools.toolbox.footer.height': 500, // px of the toolbox docked at the bottom
    // Headless paints classic scrollbars as a white 12px gutter without a thumb, even in the dark
    // theme: overlay scrollbars (the GTK and macOS default) keep screenshots as a desktop shows them.
    'ui.useOverlayScrollbars': 1,
  };
}

type BidiConnection = { send(method: string, params: object): Promise<{ result: unknown }> };
type EvaluateResult =
  { type: 'success'; result: { value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };
type Download = { path: string; succeeded: boolean; error: string | null };

/** Evaluates `expression` (awaiting a promise) in browser.xhtml and returns its primitive value. */
async function chromeEvaluator(browser: Browser): Promise<(expression: string) => Promise<unknown>> {
  // Not in puppeteer's public types, but BidiBrowser exposes its BiDi connection as `connection`.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree as { contexts: { context: string; url: string }[] }).contexts.find(
    (c) => c.url === 'chrome://browser/content/browser.xhtml',
  );
  if (!context) throw new Error('no chrome browser.xhtml context (Firefox needs --remote-allow-system-access)');
  return async (expression) => {
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context: context.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const r = result as EvaluateResult;
    // BiDi gives only "Error: <message>" of what was thrown (no stack).
    if (r.type === 'exception') throw new Error(`Firefox: ${r.exceptionDetails.text.replace(/^Error: /, '')}`);
    return r.result.value;
  };
}

export const launchFirefoxPanel: LaunchPanelBrowser = async (options) => {
  const { downloadDir } = options;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ti-firefox-panel-'));
  mkdirSync(downloadDir, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: installedPath(FIREFOX),
    headless: true,
    userDataDir,
    // puppeteer's default 800x600 viewport pins a new tab's <browser> to that size in Firefox's
    // chrome (BiDi setViewport), and headless then paints it over the docked toolbox: follow the window.
    defaultViewport: null,
    acceptInsecureCerts: true, // the collector's self-signed certificate
    args: ['--remote-allow-system-access'], // lets BiDi evaluate in the chrome scope
    // Headless Firefox ignores --window-size; these size its window (the toolbox docks at the bottom).
    env: { ...process.env, MOZ_HEADLESS_WIDTH: '1280', MOZ_HEADLESS_HEIGHT: '800' },
    extraPrefsFirefox: prefs(options),
  });
  await browser.installExtension(EXTENSION_DIR);
  const chromeEval = await chromeEvaluator(browser);
  await chromeEval(CHROME_HELPER);
  const returned = new Set<string>(); // downloads already handed to a test

  async function openTrackPanel(page: PageLike): Promise<PanelHandle> {
    // The BiDi browsing context id of the tab (puppeteer-internal, but stable across 24.x).
    const context = JSON.stringify((page as unknown as { mainFrame(): { _id: string } }).mainFrame()._id);
    await chromeEval(`window.__trackInspector.open(${context}, 'Track', ${OPEN_TIMEOUT_MS})`);
    const call = async (op: string, payload: object): Promise<unknown> =>
      chromeEval(
        `window.__trackInspector.call(${context}, ${JSON.stringify(op)}, ${JSON.stringify(payload)}, ${CALL_TIMEOUT_MS})`,
      );
    async function evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      const json = await call('eval', { src: String(fn), arg });
      return (typeof json === 'string' ? JSON.parse(json) : undefined) as R;
    }
    // The panel <browser> starts at about:blank and then loads the moz-extension:// page.
    for (const end = Date.now() + OPEN_TIMEOUT_MS; ; await sleep(100)) {
      const ready = await evaluate(
        (p) => location.pathname === p && document.readyState === 'complete',
        PANEL_PATH,
      ).catch((e: unknown) => e);
      if (ready === true) break;
      if (Date.now() > end) throw new Error(`the Track panel never loaded: ${String(ready)}`);
    }

    return {
      evaluate,
      click: async (selector) => void (await call('click', { selector })),
      type: async (selector, text) => void (await call('type', { selector, text })),
      chooseFile: async (selector, filePath) =>
        void (await call('chooseFile', { selector, filePath: path.resolve(filePath) })),
      async waitForDownload(name) {
        for (const end = Date.now() + DOWNLOAD_TIMEOUT_MS; ; await sleep(150)) {
          const all = JSON.parse(String(await chromeEval('window.__trackInspector.downloads()'))) as Download[];
          const found = all.filter((d) => name.test(path.basename(d.path)) && !returned.has(d.path));
          const failed = found.find((d) => d.error);
          if (failed) throw new Error(`download ${failed.path} failed: ${failed.error}`);
          const done = found.find((d) => d.succeeded);
          if (done) {
            if (path.dirname(done.path) !== path.resolve(downloadDir))
              throw new Error(`download saved to ${done.path}, not into ${downloadDir}`);
            returned.add(done.path);
            return done.path;
          }
          if (Date.now() > end)
            throw new Error(`no download matching ${name} completed; downloads: ${JSON.stringify(all)}`);
        }
      },
      async screenshot(filePath) {
        const url = String(await chromeEval(`window.__trackInspector.screenshot(${context})`));
        writeFileSync(filePath, Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
      },
      themeName: () =>
        evaluate(
          () => (globalThis as unknown as { browser: typeof chrome }).browser.devtools.panels.themeName,
          undefined,
        ),
    };
  }

  return {
    name: 'firefox',
    newPage: async () => (await browser.newPage()) as unknown as PageLike,
    async openExtensionPage(url) {
      const page = await browser.newPage();
      // page.goto() to moz-extension:// never resolves in puppeteer 24 + Firefox: navigate with BiDi
      // (as firefox.ts does).
      const frame = page.mainFrame() as unknown as {
        browsingContext: { navigate(url: string, wait: string): Promise<unknown> };
      };
      await frame.browsingContext.navigate(url, 'complete');
      return page as unknown as PageLike;
    },
    openTrackPanel,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};
