/**
 * Firefox: the URL filters of the user's hosts, mirrored in the event page's localStorage, the one
 * store its first turn can read synchronously (storage.local answers only after it). See
 * USER_HOSTS_FROM_START in shared/capabilities.ts.
 */
const KEY = 'track-inspector:user-host-filters';

/** The filters last written, [] before any; null when the page has no localStorage (then nothing is mirrored). */
export function readMirror(): string[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((filter): filter is string => typeof filter === 'string') : [];
  } catch {
    return null;
  }
}

/** True when the mirror now holds `filters` (a restart would otherwise start with stale ones). */
export function writeMirror(filters: readonly string[]): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(filters));
  } catch {
    return false;
  }
  return JSON.stringify(readMirror()) === JSON.stringify(filters);
}
