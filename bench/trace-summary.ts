/**
 * What the longest tasks of one thread in a Chromium trace spend their time on: the trace events
 * inside each (GC, layout, style, message deserialisation, script) by self time, and the sampled
 * JavaScript functions by self time; and the same over a whole run. Used by `bench:panel --trace` on
 * the Track panel's main thread.
 */
import type { TraceEvent } from './chromium-trace';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

/** The main thread of the renderer that ran scripts from `urlPart`. */
export function threadRunning(events: readonly TraceEvent[], urlPart: string): { pid: number; tid: number } | null {
  const hit = events.find(
    (e) =>
      (e.name === 'FunctionCall' || e.name === 'EvaluateScript') &&
      String((e.args?.['data'] as { url?: string })?.url ?? '').includes(urlPart),
  );
  return hit ? { pid: hit.pid, tid: hit.tid } : null;
}

/** The thread of process `pid` named `name` (Chromium names its threads in the trace's metadata). */
export function threadNamed(
  events: readonly TraceEvent[],
  pid: number,
  name: string,
): { pid: number; tid: number } | null {
  const hit = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.pid === pid &&
      (e.args as { name?: string } | undefined)?.name === name,
  );
  return hit ? { pid, tid: hit.tid } : null;
}

export function longestTasks(
  events: readonly TraceEvent[],
  thread: { pid: number; tid: number },
  count: number,
): TraceEvent[] {
  return events
    .filter(
      (e) =>
        e.pid === thread.pid &&
        e.tid === thread.tid &&
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
    )
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, count);
}

/** The whole of a thread's trace as one span: for what the thread spent its CPU on over a run, not in one task. */
export function wholeThread(events: readonly TraceEvent[], thread: { pid: number; tid: number }): TraceEvent {
  let [start, end] = [Infinity, -Infinity]; // a loop: a thread can have more events than a spread takes arguments
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid || e.ph !== 'X') continue;
    start = Math.min(start, e.ts);
    end = Math.max(end, e.ts + (e.dur ?? 0));
  }
  return { name: 'whole thread', cat: '', ph: 'X', pid: thread.pid, tid: thread.tid, ts: start, dur: end - start + 1 };
}

/**
 * Self time (ms) of each event name nested in `task`, on its thread: wall time (`dur`), or the time
 * the thread was on a CPU (`tdur`), which does not count the waits for a core.
 */
export function eventSelfTimes(
  events: readonly TraceEvent[],
  task: TraceEvent,
  clock: 'dur' | 'tdur' = 'dur',
): [string, number][] {
  const length = (e: TraceEvent) => (clock === 'dur' ? (e.dur ?? 0) : (e.tdur ?? 0));
  const end = task.ts + (task.dur ?? 0);
  const inside = events
    .filter(
      (e) =>
        e.pid === task.pid &&
        e.tid === task.tid &&
        e.ph === 'X' &&
        e !== task &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= end,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const event of inside) {
    while (stack.length && (stack.at(-1) as TraceEvent).ts + ((stack.at(-1) as TraceEvent).dur ?? 0) <= event.ts)
      stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - length(event) / 1000);
    self.set(event.name, (self.get(event.name) ?? 0) + length(event) / 1000);
    stack.push(event);
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

/** Sampled JavaScript self time (ms) by function within `task` (needs the v8 cpu_profiler category). */
export function sampledFunctions(events: readonly TraceEvent[], task: TraceEvent): [string, number][] {
  const nodes = new Map<string, ProfileNode>();
  const samples: { ts: number; node: string }[] = [];
  const clock = new Map<string, number>();
  // A thread's profile starts with a Profile event on that thread; its chunks come from V8's sampler
  // thread, linked by id.
  const idOf = (e: TraceEvent) => String((e as unknown as { id?: string }).id ?? '');
  const ids = new Set(events.filter((e) => e.name === 'Profile' && e.pid === task.pid && e.tid === task.tid).map(idOf));
  for (const e of events) {
    if (e.pid !== task.pid || !ids.has(idOf(e))) continue;
    const id = idOf(e);
    const data = e.args?.['data'] as
      | { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
      | undefined;
    if (e.name === 'Profile' && data?.startTime !== undefined) clock.set(id, data.startTime);
    if (e.name !== 'ProfileChunk' || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(`${id}:${node.id}`, node);
    let at = clock.get(id) ?? 0;
    (data.cpuProfile?.samples ?? []).forEach((sample, i) => {
      at += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts: at, node: `${id}:${sample}` });
    });
    clock.set(id, at);
  }
  const end = task.ts + (task.dur ?? 0);
  const within = samples.filter((s) => s.ts >= task.ts && s.ts <= end);
  const interval = within.length > 1 ? (end - task.ts) / within.length / 1000 : 0;
  const self = new Map<string, number>();
  for (const { node } of within) {
    const frame = nodes.get(node)?.callFrame;
    const name = frame
      ? `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').split('/').at(-1) ?? ''}:${frame.lineNumber + 1}`
      : '(unknown)';
    self.set(name, (self.get(name) ?? 0) + interval);
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

/**
 * CPU time (ms) each thread spent while `task` ran, from the top-level tasks overlapping it: when a
 * task's wall time is far above its own CPU time, this says who had the cores.
 */
export function busyThreadsDuring(events: readonly TraceEvent[], task: TraceEvent): [string, number][] {
  const names = new Map<string, string>();
  const processes = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    const name = String((e.args as { name?: string } | undefined)?.name ?? '');
    if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, name);
    if (e.name === 'process_name') processes.set(e.pid, name);
    if (e.name === 'process_labels')
      processes.set(
        e.pid,
        `${processes.get(e.pid) ?? ''} ${String((e.args as { labels?: string })?.labels ?? '')}`.trim(),
      );
  }
  // A renderer is named by the origin of the first script it ran: the page, DevTools' own front end, the extension.
  for (const e of events) {
    const url = String((e.args?.['data'] as { url?: string } | undefined)?.url ?? '');
    const label = processes.get(e.pid) ?? '';
    if (
      (e.name === 'FunctionCall' || e.name === 'EvaluateScript') &&
      /^(https?|devtools|chrome-extension):/.test(url) &&
      !label.includes('(')
    ) {
      processes.set(e.pid, `${label} (${url.split('/').slice(0, 3).join('/')})`);
    }
  }
  const start = task.ts;
  const end = task.ts + (task.dur ?? 0);
  const busy = new Map<string, number>();
  for (const e of events) {
    if (
      e.ph !== 'X' ||
      e.tdur === undefined ||
      (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') ||
      e.ts >= end ||
      e.ts + (e.dur ?? 0) <= start
    )
      continue;
    const overlap = (Math.min(end, e.ts + (e.dur ?? 0)) - Math.max(start, e.ts)) / Math.max(1, e.dur ?? 0);
    const key = `${processes.get(e.pid) ?? e.pid}/${names.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    busy.set(key, (busy.get(key) ?? 0) + (e.tdur * overlap) / 1000);
  }
  return [...busy].sort((a, b) => b[1] - a[1]);
}
