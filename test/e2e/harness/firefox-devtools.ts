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
import { TRACK_HOSTS } from './collector';
import { FIREFOX_PATH } from './firefox';
import type { LaunchPanelBrowser, PanelHandle, PanelLaunchOptions } from './panel';

const EXTENSION_DIR = path.resolve('dist/firefox');
const PANEL_PATH = '/src/panel/panel.html';
const CALL_TIMEOUT_MS = 15_000;
const OPEN_TIMEOUT_MS = 30_000;
const DOWNLOAD_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Firefox prefs of a panel test, beyond puppeteer's (which already turn off updates, safe browsing, telemetry). */
function prefs({ collector, theme, downloadDir }: PanelLaunchOptions): Record<string, unknown> {
  // The tracking hosts through the collector's CONNECT proxy: the PAC recipe of firefox.ts (not exported there).
  const pac = `function FindProxyForURL(url, host) {
  return ${JSON.stringify(TRACK_HOSTS)}.indexOf(host) !== -1 ? "PROXY 127.0.0.1:${collector.webPort}" : "DIRECT";
}`;
  return {
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pac).toString('base64')}`,
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

// Message-manager frame script, in the panel's content process (`content` = panel window).
const FRAME_SCRIPT = String.raw`
const sandboxes = new WeakMap();
function sandbox() {
  let sb = sandboxes.get(content);
  // No Xrays: the test's function sees the page's own objects (browser.devtools, expandos) and is
  // not subject to the extension CSP (eval would be).
  if (!sb) sandboxes.set(content, (sb = Cu.Sandbox(content, { sandboxPrototype: content, wantXrays: false, sameZoneAs: content })));
  return sb;
}
let eventUtils = null;
function eu() {
  if (eventUtils?.window === content) return eventUtils;
  eventUtils = { window: content, parent: content, _EU_Ci: Ci, _EU_Cc: Cc };
  Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', eventUtils);
  return eventUtils;
}
function find(selector) {
  const el = content.document.querySelector(selector);
  if (!el) throw new Error('no element matches ' + selector);
  return el;
}
const ops = {
  async eval(payload) {
    const sb = sandbox();
    sb.__tiArg = 'arg' in payload ? Cu.cloneInto(payload.arg, sb) : undefined; // JSON drops an undefined arg
    const value = await Cu.evalInSandbox('(' + payload.src + ')(__tiArg)', sb);
    return value === undefined ? null : JSON.stringify(value);
  },
  click({ selector }) {
    const el = find(selector);
    el.scrollIntoView({ block: 'center', inline: 'center' });
    eu().synthesizeMouseAtCenter(el, {}, content);
  },
  type({ selector, text }) {
    find(selector).focus();
    eu().sendString(text, content);
  },
  // What Marionette's element.sendKeys does for <input type=file>: a File with a real path, then
  // input + change (mozSetFileArray fires neither). Events dispatched by system code are trusted.
  async chooseFile({ selector, filePath }) {
    const input = find(selector);
    input.mozSetFileArray([await File.createFromFileName(filePath)]);
    input.dispatchEvent(new content.Event('input', { bubbles: true }));
    input.dispatchEvent(new content.Event('change', { bubbles: true }));
  },
};
addMessageListener('TrackInspector:call', ({ data: { id, op, payload } }) => {
  Promise.resolve()
    .then(() => ops[op](payload))
    .then(
      (value) => sendAsyncMessage('TrackInspector:result', { id, ok: true, value: value ?? null }),
      (e) => sendAsyncMessage('TrackInspector:result', { id, ok: false, error: e instanceof Error && e.name === 'Error' ? e.message : String(e) }),
    );
});
`;

// Installed once in browser.xhtml as window.__trackInspector (chrome scope).
const CHROME_HELPER = `(() => {
  if (window.__trackInspector) return;
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const { NavigableManager } = ChromeUtils.importESModule('chrome://remote/content/shared/NavigableManager.sys.mjs');
  const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
  const FRAME_SCRIPT_URL = 'data:application/javascript,' + encodeURIComponent(${JSON.stringify(FRAME_SCRIPT)});
  const panels = new Map(); // BiDi context id -> { toolbox, toolId }
  const pending = new Map();
  const loaded = new WeakSet();
  let seq = 0;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  function tabOf(contextId) {
    for (const win of Services.wm.getEnumerator('navigator:browser'))
      for (const tab of win.gBrowser.tabs) if (NavigableManager.getIdForBrowser(tab.linkedBrowser) === contextId) return { win, tab };
    throw new Error('no tab for BiDi context ' + contextId);
  }
  function panelOf(contextId) {
    if (!panels.has(contextId)) throw new Error('the Track panel of this tab is not open');
    return panels.get(contextId);
  }
  function onResult({ data }) {
    const p = pending.get(data.id);
    if (!p) return;
    pending.delete(data.id);
    data.ok ? p.resolve(data.value) : p.reject(new Error(data.error));
  }
  window.__trackInspector = {
    async open(contextId, title, timeout) {
      const { win, tab } = tabOf(contextId);
      win.gBrowser.selectedTab = tab;
      const toolbox = await gDevTools.showToolboxForTab(tab, { toolId: 'webconsole' });
      let def; // the extension registers its panel from its devtools_page, some time after the toolbox opens
      for (const end = Date.now() + timeout; !(def = toolbox.getAdditionalTools().find((d) => d.label === title)); await sleep(100))
        if (Date.now() > end) throw new Error('panel "' + title + '" never registered; tools: ' + toolbox.getAdditionalTools().map((d) => d.label));
      await toolbox.selectTool(def.id);
      panels.set(contextId, { toolbox, toolId: def.id });
    },
    call(contextId, op, payload, timeout) {
      const { toolbox, toolId } = panelOf(contextId);
      const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + toolId);
      const b = frame?.contentDocument?.querySelector('browser');
      // The panel <browser> first shows about:blank in a web process, then switches to the extension
      // process with a new message manager: a message sent before the switch is silently lost.
      if (!b?.currentURI?.spec.startsWith('moz-extension:')) return Promise.reject(new Error('panel document not loaded yet'));
      const mm = b.messageManager;
      if (!loaded.has(mm)) {
        loaded.add(mm);
        mm.addMessageListener('TrackInspector:result', onResult);
        mm.loadFrameScript(FRAME_SCRIPT_URL, true);
      }
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        setTimeout(() => pending.delete(id) && reject(new Error('panel ' + op + ' timed out after ' + timeout + ' ms')), timeout);
        mm.sendAsyncMessage('TrackInspector:call', { id, op, payload });
      });
    },
    async screenshot(contextId) {
      const el = panelOf(contextId).toolbox.win.browsingContext.embedderElement; // the docked toolbox
      const win = el.ownerDocument.defaultView;
      const r = el.getBoundingClientRect();
      // drawSnapshot composites out-of-process browsers (the panel) too, unlike drawWindow.
      const bmp = await win.browsingContext.currentWindowGlobal.drawSnapshot(new win.DOMRect(r.x, r.y, r.width, r.height), win.devicePixelRatio, 'white');
      const canvas = Object.assign(win.document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas'), { width: bmp.width, height: bmp.height });
      canvas.getContext('2d').drawImage(bmp, 0, 0);
      bmp.close();
      return canvas.toDataURL('image/png');
    },
    async downloads() {
      const list = await Downloads.getList(Downloads.ALL);
      return JSON.stringify((await list.getAll()).map((d) => ({ path: d.target.path, succeeded: d.succeeded, error: d.error ? String(d.error.message || d.error) : null })));
    },
  };
})()`;

type BidiConnection = { send(method: string, params: object): Promise<{ result: unknown }> };
type EvaluateResult = { type: 'success'; result: { value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } };
type Download = { path: string; succeeded: boolean; error: string | null };

/** Evaluates `expression` (awaiting a promise) in browser.xhtml and returns its primitive value. */
async function chromeEvaluator(browser: Browser): Promise<(expression: string) => Promise<unknown>> {
  // Not in puppeteer's public types, but BidiBrowser exposes its BiDi connection as `connection`.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree as { contexts: { context: string; url: string }[] }).contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!context) throw new Error('no chrome browser.xhtml context (Firefox needs --remote-allow-system-access)');
  return async (expression) => {
    const { result } = await connection.send('script.evaluate', { expression, target: { context: context.context }, awaitPromise: true, resultOwnership: 'none' });
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
    executablePath: FIREFOX_PATH,
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
      chromeEval(`window.__trackInspector.call(${context}, ${JSON.stringify(op)}, ${JSON.stringify(payload)}, ${CALL_TIMEOUT_MS})`);
    async function evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
      const json = await call('eval', { src: String(fn), arg });
      return (typeof json === 'string' ? JSON.parse(json) : undefined) as R;
    }
    // The panel <browser> starts at about:blank and then loads the moz-extension:// page.
    for (const end = Date.now() + OPEN_TIMEOUT_MS; ; await sleep(100)) {
      const ready = await evaluate((p) => location.pathname === p && document.readyState === 'complete', PANEL_PATH).catch((e: unknown) => e);
      if (ready === true) break;
      if (Date.now() > end) throw new Error(`the Track panel never loaded: ${String(ready)}`);
    }

    return {
      evaluate,
      click: async (selector) => void (await call('click', { selector })),
      type: async (selector, text) => void (await call('type', { selector, text })),
      chooseFile: async (selector, filePath) => void (await call('chooseFile', { selector, filePath: path.resolve(filePath) })),
      async waitForDownload(name) {
        for (const end = Date.now() + DOWNLOAD_TIMEOUT_MS; ; await sleep(150)) {
          const all = JSON.parse(String(await chromeEval('window.__trackInspector.downloads()'))) as Download[];
          const found = all.filter((d) => name.test(path.basename(d.path)) && !returned.has(d.path));
          const failed = found.find((d) => d.error);
          if (failed) throw new Error(`download ${failed.path} failed: ${failed.error}`);
          const done = found.find((d) => d.succeeded);
          if (done) {
            if (path.dirname(done.path) !== path.resolve(downloadDir)) throw new Error(`download saved to ${done.path}, not into ${downloadDir}`);
            returned.add(done.path);
            return done.path;
          }
          if (Date.now() > end) throw new Error(`no download matching ${name} completed; downloads: ${JSON.stringify(all)}`);
        }
      },
      async screenshot(filePath) {
        const url = String(await chromeEval(`window.__trackInspector.screenshot(${context})`));
        writeFileSync(filePath, Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
      },
      themeName: () => evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.devtools.panels.themeName, undefined),
    };
  }

  return {
    name: 'firefox',
    newPage: async () => (await browser.newPage()) as unknown as PageLike,
    openTrackPanel,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};
