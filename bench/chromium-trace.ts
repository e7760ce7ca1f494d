/**
 * A Chromium performance trace of the whole browser (every process), as the Performance panel
 * records one: what bench:panel --trace uses to find what a long task in the Track panel spends
 * its time on.
 */
import type { Browser } from 'puppeteer-core';

export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /**
   * Thread time (CPU) of a complete event, beside its wall time `dur`: the difference is time the thread
   * waited for a core.
   */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: Record<string, unknown>;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'toplevel',
  '__metadata',
];

/**
 * The categories a light trace records: tasks, rendering and script by their thread time, without V8's sampler,
 * which costs the traced threads enough to change what is measured.
 */
export const LIGHT_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', '__metadata'];

/** Starts tracing; the function returned stops it and resolves with every event. */
export async function startTrace(
  browser: Browser,
  categories: readonly string[] = CATEGORIES,
): Promise<() => Promise<TraceEvent[]>> {
  const session = await browser.target().createCDPSession();
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }: { value: TraceEvent[] }) => void events.push(...value));
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: [...categories] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.end');
    await complete;
    await session.detach();
    return events;
  };
}
