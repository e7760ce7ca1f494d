/** The user's settings and plan file, read once and then kept current as the user edits them. */
import {
  DEFAULT_STORED_SETTINGS,
  onStoredSettingsChanged,
  readStoredSettings,
  type StoredSettings,
} from './settings-storage';

export interface SettingsWatch {
  /** The stored settings once read; the defaults when they cannot be read. */
  readonly ready: Promise<StoredSettings>;
  current(): StoredSettings;
  onChange(listener: (next: StoredSettings, previous: StoredSettings) => void): void;
}

/**
 * In the background, call synchronously in its first turn, with its other listeners: the change
 * listener is registered at once.
 */
export function watchSettings(): SettingsWatch {
  let current = DEFAULT_STORED_SETTINGS;
  const listeners: ((next: StoredSettings, previous: StoredSettings) => void)[] = [];
  onStoredSettingsChanged((change) => {
    const previous = current;
    current = { ...current, ...change };
    for (const listener of listeners) listener(current, previous);
  });
  const ready = readStoredSettings().then(
    (stored) => (current = stored),
    // Capture goes on with the defaults rather than not at all.
    (error: unknown) => {
      console.error('track-inspector: settings could not be read; using the defaults', error);
      return current;
    },
  );
  return { ready, current: () => current, onChange: (listener) => listeners.push(listener) };
}
