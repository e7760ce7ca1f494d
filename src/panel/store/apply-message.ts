/**
 * What a message from the background does to the panel's state, as preact-devtools' applyEvent:
 * the live timeline follows the tab's, and another protocol version is flagged, not shown as nothing.
 */
import type { BackgroundMessage } from '../../shared/protocol';
import type { PanelStore } from './panel-store';

export function applyMessage(store: PanelStore, message: BackgroundMessage): void {
  const { live } = store;
  switch (message.kind) {
    case 'snapshot': // replaces what the panel held: a reconnected port neither loses nor doubles rows
      store.liveSnapshot(message.entries, message.dropped, message.validation);
      break;
    case 'snapshot-continued':
      live.insert(message.entries);
      break;
    case 'added':
      live.insert(message.entries);
      live.setDropped(message.dropped);
      for (const entry of message.entries) if (entry.kind === 'navigation') store.navigated(entry);
      break;
    case 'updated':
      for (const { seq, request } of message.updates) live.updateRequest(seq, request);
      break;
    case 'replaced':
      live.remove(message.removed);
      live.insert(message.entries);
      live.setDropped(message.dropped);
      break;
    case 'version-mismatch':
      store.protocolMismatch.value = true;
      break;
  }
}
