/**
 * The one place that reads and writes the user's settings and plan file in storage.local, and
 * follows their changes: the background, the panel and the options page all go through here.
 */
import browser from 'webextension-polyfill';
import { normalisePlanFile, PLAN_KEY, type PlanFile } from './plan-file';
import { DEFAULT_SETTINGS, normaliseUserSettings, SETTINGS_KEY, type UserSettings } from './user-settings';

/** Everything the user chose: the settings, and the plan file (null without one). */
export interface StoredSettings {
  readonly user: UserSettings;
  readonly planFile: PlanFile | null;
}

export const DEFAULT_STORED_SETTINGS: StoredSettings = { user: DEFAULT_SETTINGS, planFile: null };

export async function readStoredSettings(): Promise<StoredSettings> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, PLAN_KEY]);
  return { user: normaliseUserSettings(stored[SETTINGS_KEY]), planFile: normalisePlanFile(stored[PLAN_KEY]) };
}

export function saveUserSettings(user: UserSettings): Promise<void> {
  return browser.storage.local.set({ [SETTINGS_KEY]: user });
}

/** Rejects when storage.local is full (Chrome: 10 MB for everything the extension keeps there). */
export function savePlanFile(planFile: PlanFile): Promise<void> {
  return browser.storage.local.set({ [PLAN_KEY]: planFile });
}

export function removePlanFile(): Promise<void> {
  return browser.storage.local.remove(PLAN_KEY);
}

/** Calls `listener` with what changed whenever the settings or the plan file change. */
export function onStoredSettingsChanged(listener: (change: Partial<StoredSettings>) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || PLAN_KEY in changes)) return;
    listener({
      ...(SETTINGS_KEY in changes ? { user: normaliseUserSettings(changes[SETTINGS_KEY]?.newValue) } : {}),
      ...(PLAN_KEY in changes ? { planFile: normalisePlanFile(changes[PLAN_KEY]?.newValue) } : {}),
    });
  });
}
