/** The whole panel rendered into `root` on a snapshot from a fake background; act() flushes renders and effects. Needs vi.useFakeTimers(). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { PanelContext } from '../../src/panel/store/context';
import { App } from '../../src/panel/views/App';
import type { TimelineEntry } from '../../src/protocol';
import type { ValidationSettings } from '../../src/validation-settings';
import { connectedPanel, LIVE_VALIDATION, passPublishInterval } from './fixtures';

export async function mountPanel(
  root: HTMLElement,
  entries: TimelineEntry[],
  validation: ValidationSettings = LIVE_VALIDATION,
) {
  const { background, store } = connectedPanel();
  await act(() => {
    render(
      <PanelContext.Provider value={store}>
        <App />
      </PanelContext.Provider>,
      root,
    );
  });
  await act(() => {
    background.emit({ kind: 'snapshot', tabId: 1, entries, dropped: 0, validation });
    passPublishInterval();
  });
  return { store, background };
}
