/**
 * Firefox's extension process, read from /proc (Linux), for bench:panel --firefox. Firefox runs every extension's
 * pages (the background page, the DevTools panel's page) in one child process that it names "WebExtensions": that
 * process is told apart by its name, among the children of the browser bench:panel launched (found as the Firefox
 * that appeared with a new profile folder, since other Firefox instances may run beside it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Pids } from './extension-process';

const read = (file: string): string | null => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process ended while we looked
  }
};

const processes = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name));

/** Firefox parent processes whose profile folder's name contains `profileMark`. */
export function firefoxParents(profileMark: string): string[] {
  return processes().filter((pid) => {
    const cmdline = read(`/proc/${pid}/cmdline`);
    return cmdline !== null && cmdline.includes(profileMark) && !cmdline.includes('-contentproc');
  });
}

function parentOf(pid: string): string | null {
  const stat = read(`/proc/${pid}/stat`);
  // Fields after the parenthesised name: state, then ppid.
  return stat === null ? null : (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? null);
}

/** The WebExtensions processes among `browserPid`'s descendants, read afresh at each call. */
export function firefoxExtensionPids(browserPid: string): Pids {
  return () =>
    processes().filter((pid) => {
      if (read(`/proc/${pid}/comm`)?.trim() !== 'WebExtensions') return false;
      for (let up = parentOf(pid); up !== null && up !== '0' && up !== '1'; up = parentOf(up))
        if (up === browserPid) return true;
      return false;
    });
}
