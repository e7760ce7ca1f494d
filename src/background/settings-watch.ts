/** Settings as the background sees them: loaded once, then kept current as the user edits them. */
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, normaliseSettings, SETTINGS_KEY, type Settings } from '../settings';

export interface SettingsWatch {
  readonly ready: Promise<Settings>;
  current(): Settings;
  onChange(listener: (next: Settings, previous: Settings) => void): void;
}

export function watchSettings(): SettingsWatch {
  let current = DEFAULT_SETTINGS;
  const listeners: ((next: Settings, previous: Settings) => void)[] = [];
  // Registered synchronously with the other top-level listeners; effective at once, no reload.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const previous = current;
    current = normaliseSettings(changes[SETTINGS_KEY]?.newValue);
    for (const listener of listeners) listener(current, previous);
  });
  const ready = browser.storage.local.get(SETTINGS_KEY).then(
    (stored) => {
      current = normaliseSettings(stored[SETTINGS_KEY]);
      return current;
    },
    // Capture goes on with the defaults rather than not at all.
    (error: unknown) => {
      console.error('track-inspector: settings could not be read; capturing with the defaults', error);
      return current;
    },
  );
  return { ready, current: () => current, onChange: (listener) => listeners.push(listener) };
}
