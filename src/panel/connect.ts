/** A panel store wired to its tab's background: what the background sends is applied, Clear goes back. */
import { applyMessage } from './store/apply-message';
import { createPanelStore, type PanelStore } from './store/panel-store';
import type { Transport } from './transport';
import type { PanelSettings } from './panel-settings';

/** `transport` is null when no tab is inspected: the panel then only opens imported files. */
export function connectPanelStore(transport: Transport | null, user: PanelSettings): PanelStore {
  const store = createPanelStore({ user, clearLiveTab: () => transport?.send({ kind: 'clear', before: Date.now() }) });
  transport?.listen((message) => applyMessage(store, message));
  return store;
}
