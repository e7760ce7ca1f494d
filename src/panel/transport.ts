/**
 * The panel's seam to the background: `{listen, send}` over a runtime port for one tab. When the
 * port drops (Chrome stopped the service worker) it reconnects and says hello again; the snapshot
 * that answers replaces what the panel held, so nothing is lost or doubled.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { PANEL_PORT_NAME, PROTOCOL_VERSION, type BackgroundMessage, type PanelMessage } from '../shared/protocol';

export interface Transport {
  listen(listener: (message: BackgroundMessage) => void): void;
  send(message: PanelMessage): void;
}

const RECONNECT_DELAY_MS = 100;

export function connectToBackground(tabId: number): Transport {
  const listeners: ((message: BackgroundMessage) => void)[] = [];
  let port: Runtime.Port | null = null;

  function connect(): void {
    const current = browser.runtime.connect({ name: PANEL_PORT_NAME });
    port = current;
    current.onMessage.addListener((message: unknown) => {
      for (const listener of listeners) listener(message as BackgroundMessage);
    });
    current.onDisconnect.addListener(() => {
      if (port === current) port = null;
      setTimeout(connect, RECONNECT_DELAY_MS);
    });
    current.postMessage({ kind: 'hello', version: PROTOCOL_VERSION, tabId } satisfies PanelMessage);
  }
  connect();

  return {
    listen: (listener) => listeners.push(listener),
    send(message) {
      port?.postMessage(message);
    },
  };
}
