/**
 * Chromium's extension process (the panel's page and the service worker run there), read from
 * /proc (Linux): its pids, resident memory, and its threads' CPU time, a figure that does not depend
 * on how busy other threads keep the machine's cores (on a machine with few cores, wall-clock stalls
 * mostly measure waiting for a core). Each extension has a process of its own: `Pids` says whose is
 * measured (bench:panel loads a second extension, the floor, beside ours).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** One thread's CPU so far: user + system time, in ms (10 ms steps). */
function threadCpuMs(pid: string, tid: string): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** A thread's name as Linux keeps it (15 characters of it). */
export function threadName(pid: string, tid: string): string {
  return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
}

/** The pids of Chromium's extension processes (started with --extension-process). */
export function extensionPids(): string[] {
  return readdirSync('/proc').filter((name) => {
    try {
      return /^\d+$/.test(name) && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('--extension-process');
    } catch {
      return false; // the process ended while we looked
    }
  });
}

/**
 * The resident memory of the extension processes, MB, and its parts: `anon` is the process's own
 * (heaps), `file` the pages of files it maps (Chromium's binary, fonts, ICU data), shared with every
 * Chromium process, `shmem` shared memory (buffers passed between processes).
 */
export interface Resident {
  readonly rss: number;
  readonly anon: number;
  readonly file: number;
  readonly shmem: number;
}

export const residentParts = ({ anon, file, shmem }: Resident) =>
  `${anon.toFixed(0)} MB its own (anonymous), ${file.toFixed(0)} MB Chromium's files mapped (its binary, fonts; shared with every Chromium process), ${shmem.toFixed(0)} MB shared memory`;

/** Which extension processes to measure, read afresh at each sample (a process can end, another start). */
export type Pids = () => readonly string[];

export function extensionResident(pids: Pids = extensionPids): Resident {
  const kb = { rss: 0, anon: 0, file: 0, shmem: 0 };
  for (const pid of pids()) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      kb.rss += field('VmRSS');
      kb.anon += field('RssAnon');
      kb.file += field('RssFile');
      kb.shmem += field('RssShmem');
    } catch {
      /* the process ended while we looked */
    }
  }
  return { rss: kb.rss / 1024, anon: kb.anon / 1024, file: kb.file / 1024, shmem: kb.shmem / 1024 };
}

interface ThreadsCpu extends Record<'panel' | 'worker' | 'other', number> {
  /** The other threads' CPU ms by thread name (Linux keeps 15 characters of it): who they are. */
  readonly others: Map<string, number>;
}

/** The extension processes' threads: CPU ms so far, by role. */
export function extensionThreadsCpu(pids: Pids = extensionPids): ThreadsCpu {
  const cpu = { panel: 0, worker: 0, other: 0, others: new Map<string, number>() };
  for (const pid of pids()) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const ms = threadCpuMs(pid, tid);
        const name = threadName(pid, tid);
        // The renderer's main thread (tid = pid) runs the panel's page; the worker has its own thread.
        if (tid === pid) cpu.panel += ms;
        else if (name.startsWith('ServiceWorker')) cpu.worker += ms;
        else {
          cpu.other += ms;
          cpu.others.set(name, (cpu.others.get(name) ?? 0) + ms);
        }
      }
    } catch {
      /* the process or thread ended while we looked */
    }
  }
  return cpu;
}

/**
 * Gives every thread of the extension processes the nice value `nice` (Chromium runs its own UI
 * thread at -8). Returns false when the system refuses (a negative value needs root or CAP_SYS_NICE).
 */
export function reniceExtension(nice: number): boolean {
  try {
    for (const pid of extensionPids())
      for (const tid of readdirSync(`/proc/${pid}/task`)) setPriority(Number(tid), nice);
    return true;
  } catch {
    return false;
  }
}

/**
 * Watches the extension process from now on: its peak resident memory (sampled every 100 ms), the peak of its
 * own (anonymous) part, which need not come in the same sample, and its threads' CPU time.
 */
export function watchExtensionProcess(pids: Pids = extensionPids) {
  const [start, cpuAtStart] = [extensionResident(pids), extensionThreadsCpu(pids)];
  let [peak, peakAnon] = [start, start.anon];
  const sampler = setInterval(() => {
    const now = extensionResident(pids);
    if (now.rss > peak.rss) peak = now;
    peakAnon = Math.max(peakAnon, now.anon);
  }, 100);
  return {
    /** Stops sampling: the memory before and at the peak, and the CPU ms each role used since the start. */
    stop() {
      clearInterval(sampler);
      const cpuNow = extensionThreadsCpu(pids);
      const others = [...cpuNow.others].map(([name, ms]) => [name, ms - (cpuAtStart.others.get(name) ?? 0)] as const);
      const cpu = {
        panel: cpuNow.panel - cpuAtStart.panel,
        worker: cpuNow.worker - cpuAtStart.worker,
        other: cpuNow.other - cpuAtStart.other,
        others: others.filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]),
      };
      return { start, peak, peakAnon, cpu };
    },
  };
}

/** What bench:panel prints of a watch: memory (and what a garbage collection left of it) and CPU per call. */
export function processReport(
  { start, peak, cpu }: ReturnType<ReturnType<typeof watchExtensionProcess>['stop']>,
  afterGc: Resident,
  calls: number,
): string[] {
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const perCall = (ms: number) => ((1000 * ms) / calls).toFixed(0);
  return [
    `   extension process peak memory: ${peak.rss.toFixed(0)} MB RSS (goal < 200 MB): ${residentParts(peak)}; ${start.rss.toFixed(0)} MB before the calls: ${residentParts(start)}`,
    `   after a garbage collection in the extension's pages and worker: ${afterGc.rss.toFixed(0)} MB RSS, ${afterGc.anon.toFixed(0)} MB of it the process's own`,
    `   CPU time of the extension's threads meanwhile: panel's page ${seconds(cpu.panel)} s, service worker ${seconds(cpu.worker)} s, other threads ${seconds(cpu.other)} s (${perCall(cpu.panel)}, ${perCall(cpu.worker)} and ${perCall(cpu.other)} µs per call)`,
    `   the other threads, µs per call: ${
      cpu.others
        .slice(0, 6)
        .map(([name, ms]) => `${name} ${perCall(ms)}`)
        .join(', ') || 'none'
    }`,
  ];
}
