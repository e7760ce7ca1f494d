/**
 * The nice values Chromium's busiest threads run at, read from /proc (Linux): what bench:panel's stall depends on.
 * Chromium raises its browser process's UI and IO threads to nice -8 where the system lets it (root, or
 * CAP_SYS_NICE). At -8 a thread weighs about six times a nice-0 thread in the scheduler, and on 2 cores the panel's
 * thread then waits behind the browser's. An ordinary user's Chromium can lower no thread's nice value: its browser
 * threads stay at 0, and the extension's main thread, set to 5 before the panel opened, stays at 5
 * (docs/benchmarks.md, issue 22's fourth round).
 */
import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { threadName } from './extension-process';

/** The nice value of each thread of `pid` named as given (the first found), or null when none is. */
function niceOf(pid: string, names: readonly string[]): (number | null)[] {
  const found = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      // The main thread is named after the binary: "chromium".
      const role = tid === pid ? 'main' : threadName(pid, tid);
      if (names.includes(role) && !found.has(role)) found.set(role, getPriority(Number(tid)));
    }
  } catch {
    /* the process ended while we looked */
  }
  return names.map((name) => found.get(name) ?? null);
}

const shown = (nice: number | null | undefined) => (nice == null ? 'not found' : String(nice));

/** One line: the browser's UI and IO threads' nice values beside the extension process's main and worker threads'. */
export function priorityLine(browserPid: number | undefined, extensionPid: string | undefined): string {
  const [ui, io] = browserPid === undefined ? [null, null] : niceOf(String(browserPid), ['main', 'Chrome_IOThread']);
  const [panel, worker] = extensionPid === undefined ? [null, null] : niceOf(extensionPid, ['main', 'ServiceWorker t']);
  return (
    `   threads' nice values: the browser's UI thread ${shown(ui)}, IO thread ${shown(io)}; the extension's main ` +
    `thread (the panel) ${shown(panel)}, its service worker ${shown(worker)} (Chromium lowers its threads' nice values only where the system lets it: as root, not as an ordinary user)`
  );
}
