/** User settings (options page, storage.local): read by the background, written by the options page. */
import { parseHostPattern, type HostPattern } from './core/endpoints';

export interface Settings {
  /** Extra hosts to treat as tracking endpoints, as the user typed them (`proxy.example.com/collect`). */
  readonly customHosts: readonly string[];
  /** Messages kept per tab before the oldest are dropped. */
  readonly bufferSize: number;
  /** Validate payloads exactly as sent (a null userId is an error). */
  readonly strict: boolean;
  /** What a track event missing from the tracking plan is: a warning, or an error. */
  readonly unplanned: 'warn' | 'error';
}

export const DEFAULT_SETTINGS: Settings = { customHosts: [], bufferSize: 10_000, strict: false, unplanned: 'warn' };
export const SETTINGS_KEY = 'settings';
export const BUFFER_SIZE_RANGE = { min: 100, max: 100_000 } as const;

/** Whatever storage holds (possibly nothing, possibly garbage) -> valid settings. */
export function normaliseSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const hosts = Array.isArray(value['customHosts'])
    ? value['customHosts'].filter((h): h is string => typeof h === 'string')
    : [];
  const size =
    typeof value['bufferSize'] === 'number' && Number.isFinite(value['bufferSize'])
      ? Math.round(value['bufferSize'])
      : DEFAULT_SETTINGS.bufferSize;
  return {
    customHosts: hosts,
    bufferSize: Math.min(BUFFER_SIZE_RANGE.max, Math.max(BUFFER_SIZE_RANGE.min, size)),
    strict: value['strict'] === true,
    unplanned: value['unplanned'] === 'error' ? 'error' : 'warn',
  };
}

export function hostPatterns(settings: Settings): HostPattern[] {
  return settings.customHosts.map(parseHostPattern).filter((p): p is HostPattern => !('error' in p));
}
