/**
 * The user's validation settings (Strict mode, the tracking plan) as the panel needs them for files
 * it imports: read when it opens, then followed as the options page changes them. Live rows do not
 * need this: each snapshot says what the background validated them with.
 */
import browser from 'webextension-polyfill';
import { normaliseSettings, SETTINGS_KEY } from '../settings';
import { normaliseStoredPlan, PLAN_KEY } from '../stored-plan';
import { validationModeOf, type ValidationMode } from '../validation-settings';

export async function readUserMode(onChange: (mode: ValidationMode) => void): Promise<ValidationMode> {
  let stored = await browser.storage.local.get([SETTINGS_KEY, PLAN_KEY]);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes || PLAN_KEY in changes)) return;
    stored = { ...stored, ...Object.fromEntries(Object.entries(changes).map(([key, change]) => [key, change.newValue])) };
    onChange(modeOf(stored));
  });
  return modeOf(stored);
}

function modeOf(stored: Record<string, unknown>): ValidationMode {
  return validationModeOf(normaliseSettings(stored[SETTINGS_KEY]), normaliseStoredPlan(stored[PLAN_KEY]));
}
