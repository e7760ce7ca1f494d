/** Opens the Track panel for a tab as an ordinary page, for those who prefer a separate window. */
import { useEffect, useState } from 'preact/hooks';
import browser, { type Tabs } from 'webextension-polyfill';

export function TabLinks() {
  const [tabs, setTabs] = useState<Tabs.Tab[]>([]);
  useEffect(() => {
    void browser.tabs
      .query({})
      .then((all) => setTabs(all.filter((tab) => tab.id !== undefined && /^https?:/.test(tab.url ?? ''))));
  }, []);
  const panelUrl = (tabId: number) => browser.runtime.getURL(`src/panel/panel.html?tabId=${tabId}`);
  return (
    <section>
      <h2>Open the Track panel in its own window</h2>
      <p class="hint">The same panel as in DevTools, for one tab.</p>
      {tabs.length === 0 ? (
        <p class="hint">No web page is open.</p>
      ) : (
        <ul class="tabs">
          {tabs.map((tab) => (
            <li key={tab.id}>
              <a href={panelUrl(tab.id as number)} target="_blank" rel="noopener">
                {tab.title || tab.url}
              </a>{' '}
              <span class="hint">{tab.url}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
