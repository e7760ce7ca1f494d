/**
 * What rendering cost the extension's main thread (where the Track panel runs) in a light Chromium trace, per call:
 * CPU time by what it ran, the raster workers' CPU, the frames laid out and the longest task. bench:panel-render.
 */
import type { TraceEvent } from './chromium-trace';
import { eventSelfTimes, longestTasks, threadNamed, threadRunning, wholeThread } from './trace-summary';

export interface RenderCosts {
  /** µs of CPU per call on the extension's main thread, in all, and spent on style, layout, paint and the rest. */
  readonly mainCpu: number;
  readonly style: number;
  readonly layout: number;
  /** Pre-paint, paint and layerizing: what turns a laid-out frame into display lists. */
  readonly paint: number;
  readonly rest: number;
  /** µs of CPU per call rastering in the extension's process (its pages' pixels, off the main thread). */
  readonly raster: number;
  /** Layouts run on the main thread: a frame with new content each. */
  readonly frames: number;
  /** The main thread's longest task, ms of CPU and of wall time. */
  readonly longestTaskCpu: number;
  readonly longestTaskWall: number;
}

const PAINT = new Set(['PrePaint', 'Paint', 'Layerize']);

export function renderCosts(events: readonly TraceEvent[], calls: number): RenderCosts {
  const extension = threadRunning(events, 'chrome-extension://');
  const main = extension && threadNamed(events, extension.pid, 'CrRendererMain');
  if (!main) throw new Error("the trace holds no main thread of the extension's process");
  const self = eventSelfTimes(events, wholeThread(events, main), 'tdur');
  const perCall = (ms: number) => (ms * 1000) / calls;
  const sum = (keep: (name: string) => boolean) => self.reduce((total, [name, ms]) => total + (keep(name) ? ms : 0), 0);
  const all = sum(() => true);
  const style = sum((name) => name === 'UpdateLayoutTree');
  const layout = sum((name) => name === 'Layout');
  const paint = sum((name) => PAINT.has(name));
  const raster = events.reduce(
    (total, e) => total + (e.pid === main.pid && e.name === 'RasterTask' && e.ph === 'X' ? (e.tdur ?? 0) / 1000 : 0),
    0,
  );
  const [longest] = longestTasks(events, main, 1);
  return {
    mainCpu: perCall(all),
    style: perCall(style),
    layout: perCall(layout),
    paint: perCall(paint),
    rest: perCall(all - style - layout - paint),
    raster: perCall(raster),
    frames: events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'Layout').length,
    longestTaskCpu: (longest?.tdur ?? 0) / 1000,
    longestTaskWall: (longest?.dur ?? 0) / 1000,
  };
}
