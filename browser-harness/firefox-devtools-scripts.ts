/**
 * Code the Firefox panel harness runs inside Firefox (see firefox-devtools.ts): a message-manager
 * frame script in the panel's process, and a helper installed in the privileged browser window.
 */
// Message-manager frame script, in the panel's content process (`content` = panel window).
export const FRAME_SCRIPT = String.raw`
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
export const CHROME_HELPER = `(() => {
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
