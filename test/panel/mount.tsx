/** The whole panel, rendered into a root element on a snapshot from a fake background. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, vi } from 'vitest';
import { PanelContext } from '../../src/panel/store/context';
import { App } from '../../src/panel/views/App';
import type { TimelineEntry } from '../../src/core/capture/timeline-entry';
import type { ValidationSummary } from '../../src/shared/protocol';
import type { ValidationMode } from '../../src/shared/settings/validation-mode';
import { connectedPanel, passPublishInterval, snapshot } from './fixtures';

/**
 * The element the panel is rendered into, in the document for each test of the file (or `describe`) that asks for
 * it, with fake timers (the panel publishes rows on an interval); after each test the panel is unmounted.
 */
export function panelRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.useRealTimers();
  });
  return root;
}

/**
 * Renders the panel into `root` (see panelRoot) and sends it a snapshot of `entries`; act() flushes renders. `userMode`
 * is what the panel read of the user's settings (with a plan, the one it opens for Coverage).
 */
export async function mountPanel(
  root: HTMLElement,
  entries: TimelineEntry[],
  validation?: ValidationSummary,
  userMode?: ValidationMode,
) {
  const { background, store } = connectedPanel(userMode);
  await act(() => {
    render(
      <PanelContext.Provider value={store}>
        <App />
      </PanelContext.Provider>,
      root,
    );
  });
  await act(() => {
    background.emit(snapshot(entries, validation));
    passPublishInterval();
  });
  return { store, background };
}
