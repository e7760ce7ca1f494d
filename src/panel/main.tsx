/**
 * Boots the Track panel: in DevTools for the inspected tab, or as an ordinary extension page with
 * `?tabId=N` (tests, and users who prefer a separate window).
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { watchDevtoolsTheme } from './devtools-theme';
import { watchSettings } from '../shared/settings/settings-watch';
import { connectPanelStore } from './connect';
import { panelSettingsOf } from './panel-settings';
import { PanelContext } from './store/context';
import type { PanelStore } from './store/panel-store';
import { connectToBackground } from './transport';
import { App } from './views/App';
import './panel.css';

function inspectedTabId(): number | null {
  const fromDevtools = (browser as { devtools?: { inspectedWindow?: { tabId?: number } } }).devtools?.inspectedWindow
    ?.tabId;
  if (typeof fromDevtools === 'number') return fromDevtools;
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(fromQuery) && fromQuery >= 0 ? fromQuery : null;
}

async function boot(root: HTMLElement): Promise<void> {
  watchDevtoolsTheme((theme) => (document.documentElement.dataset['theme'] = theme));
  const tabId = inspectedTabId();
  let store: PanelStore | null = null;
  const settings = watchSettings();
  settings.onChange((next) => store?.userSettingsChanged(panelSettingsOf(next)));
  const user = panelSettingsOf(await settings.ready);
  store = connectPanelStore(tabId === null ? null : connectToBackground(tabId), user);
  render(
    <PanelContext.Provider value={store}>
      <App />
    </PanelContext.Provider>,
    root,
  );
}

const root = document.getElementById('app');
if (root) void boot(root);
