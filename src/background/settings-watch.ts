/** The user's settings and tracking plan as the background sees them: loaded once, then kept current as the user edits them. */
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, normaliseSettings, SETTINGS_KEY, type Settings } from '../settings';
import { normaliseStoredPlan, PLAN_KEY, type StoredPlan } from '../stored-plan';

export interface UserSettings {
  readonly settings: Settings;
  readonly plan: StoredPlan | null;
}

export interface SettingsWatch {
  readonly ready: Promise<UserSettings>;
  current(): UserSettings;
  onChange(listener: (next: UserSettings, previous: UserSettings) => void): void;
}

export function watchSettings(): SettingsWatch {
  let current: UserSettings = { settings: DEFAULT_SETTINGS, plan: null };
  const listeners: ((next: UserSettings, previous: UserSettings) => void)[] = [];
  // Registered synchronously with the other top-level listeners; effective at once, no reload.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || PLAN_KEY in changes)) return;
    const previous = current;
    current = {
      settings: SETTINGS_KEY in changes ? normaliseSettings(changes[SETTINGS_KEY]?.newValue) : current.settings,
      plan: PLAN_KEY in changes ? normaliseStoredPlan(changes[PLAN_KEY]?.newValue) : current.plan,
    };
    for (const listener of listeners) listener(current, previous);
  });
  const ready = browser.storage.local.get([SETTINGS_KEY, PLAN_KEY]).then(
    (stored) => {
      current = { settings: normaliseSettings(stored[SETTINGS_KEY]), plan: normaliseStoredPlan(stored[PLAN_KEY]) };
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
