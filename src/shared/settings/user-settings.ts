/** What the user set in the options page (kept in storage.local): read by every side, written by the options page. */
import { parseHostPattern, type HostPattern } from '../../core/endpoints';
import { isPiiMode, type PiiMode } from '../../core/privacy/privacy-guard';

export interface UserSettings {
  /** Extra hosts to treat as tracking endpoints, as the user typed them (`proxy.example.com/collect`). */
  readonly customHosts: readonly string[];
  /** Messages kept per tab before the oldest are dropped. */
  readonly bufferSize: number;
  /** Validate payloads exactly as sent (a null userId is an error, not read as absent). */
  readonly strict: boolean;
  /** What a track event missing from the tracking plan is: a warning, or an error. */
  readonly unplanned: 'warn' | 'error';
  /** The privacy guard: its findings are warnings, errors, or not looked for (core/privacy/privacy-guard.ts). */
  readonly pii: PiiMode;
  /**
   * Where personal data belongs, as the user typed it: one allow rule a line (core/privacy/allow-rules.ts), `#`
   * comments kept. A line that does not parse is kept too, so the options page can show it with why; it is not applied.
   */
  readonly piiAllow: readonly string[];
}

export const DEFAULT_SETTINGS: UserSettings = {
  customHosts: [],
  bufferSize: 10_000,
  strict: false,
  unplanned: 'warn',
  pii: 'warn',
  piiAllow: [],
};
export const SETTINGS_KEY = 'settings';
export const BUFFER_SIZE_RANGE = { min: 100, max: 100_000 } as const;

/** Whatever storage holds (possibly nothing, possibly garbage) -> valid settings. */
export function normaliseUserSettings(raw: unknown): UserSettings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string') : [];
  const size =
    typeof value['bufferSize'] === 'number' && Number.isFinite(value['bufferSize'])
      ? Math.round(value['bufferSize'])
      : DEFAULT_SETTINGS.bufferSize;
  return {
    customHosts: strings(value['customHosts']),
    bufferSize: Math.min(BUFFER_SIZE_RANGE.max, Math.max(BUFFER_SIZE_RANGE.min, size)),
    strict: value['strict'] === true,
    unplanned: value['unplanned'] === 'error' ? 'error' : 'warn',
    // Settings saved before the guard had options have neither: the guard runs as it did then.
    pii: isPiiMode(value['pii']) ? value['pii'] : DEFAULT_SETTINGS.pii,
    piiAllow: strings(value['piiAllow']),
  };
}

/** Parsed once per settings object, not once per request. */
const parsedHosts = new WeakMap<UserSettings, readonly HostPattern[]>();

/** The user's hosts that parse (the options page refuses the others; storage may hold anything). */
export function hostPatterns(settings: UserSettings): readonly HostPattern[] {
  let patterns = parsedHosts.get(settings);
  if (!patterns) {
    patterns = settings.customHosts.map(parseHostPattern).filter((p): p is HostPattern => !('error' in p));
    parsedHosts.set(settings, patterns);
  }
  return patterns;
}
