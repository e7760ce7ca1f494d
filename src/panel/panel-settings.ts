/**
 * The user's settings as the panel needs them for files it imports (Strict mode, the tracking plan,
 * extra tracking hosts for HAR files), followed as the options page changes them. Live rows do not
 * need this: each snapshot says what they were validated with.
 */
import type { HostPattern } from '../core/endpoints';
import type { StoredSettings } from '../shared/settings/settings-storage';
import { hostPatterns } from '../shared/settings/user-settings';
import { validationModeOf, type ValidationMode } from '../shared/settings/validation-mode';

export interface PanelSettings {
  readonly mode: ValidationMode;
  readonly hosts: readonly HostPattern[];
}

export function panelSettingsOf({ user, planFile }: StoredSettings): PanelSettings {
  return { mode: validationModeOf(user, planFile), hosts: hostPatterns(user) };
}
