/**
 * The user's settings as the panel needs them for files it imports (Strict mode, the tracking plan,
 * extra tracking hosts for HAR files): read when it opens, then followed as the options page
 * changes them. Live rows do not need this: each snapshot says what they were validated with.
 */
import browser from 'webextension-polyfill';
import type { HostPattern } from '../core/endpoints';
import { hostPatterns, normaliseSettings, SETTINGS_KEY } from '../settings';
import { normaliseStoredPlan, PLAN_KEY } from '../stored-plan';
import { validationModeOf, type ValidationMode } from '../validation-settings';

export interface PanelUserSettings {
  readonly mode: ValidationMode;
  readonly hosts: readonly HostPattern[];
}

export async function readUserSettings(onChange: (settings: PanelUserSettings) => void): Promise<PanelUserSettings> {
  let stored = await browser.storage.local.get([SETTINGS_KEY, PLAN_KEY]);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || PLAN_KEY in changes)) return;
    stored = {
      ...stored,
      ...Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])),
    };
    onChange(read(stored));
  });
  return read(stored);
}

function read(stored: Record<string, unknown>): PanelUserSettings {
  const settings = normaliseSettings(stored[SETTINGS_KEY]);
  return { mode: validationModeOf(settings, normaliseStoredPlan(stored[PLAN_KEY])), hosts: hostPatterns(settings) };
}
