/**
 * bench:panel's lines for what each tracking call costs the extension (Chromium), each beginning as issue 22
 * names it so runs can be compared by a script: the background's CPU per call beside the floor's, and the
 * extension's own memory. The floor is a second extension (bench-extensions.ts) that only listens: it hears the
 * same stream in the same browser, so the load of the run weighs on both alike.
 */
import type { Browser, Target } from 'puppeteer-core';
import { untilBackgroundListens } from '../browser-harness/browser';
import { isExtensionWorker } from '../browser-harness/puppeteer-chromium';
import { writeListenerOnlyExtension, writeOutcomeListenerExtension } from './bench-extensions';
import { extensionPids, type Pids, type Resident, type watchExtensionProcess } from './extension-process';

export interface ExtensionProcesses {
  /** Track Inspector's process: its panel's page and its service worker. */
  readonly ours: Pids;
  readonly floor: Pids;
  /** The floor that hears each call's outcome too (bench-extensions.ts). */
  readonly outcomeFloor: Pids;
  /** Track Inspector's extension id. */
  readonly oursId: string;
}

type Watched = ReturnType<ReturnType<typeof watchExtensionProcess>['stop']>;

/**
 * Installs the floor beside ours and tells their processes apart: the floor's is the one that appears with its
 * worker. Its worker is kept attached, as ours is (launchChromiumPanel), so neither is stopped when idle between
 * the streams, which would start a new process.
 */
export async function installFloor(browser: Browser): Promise<ExtensionProcesses> {
  const ourWorker = browser.targets().find(isExtensionWorker);
  if (!ourWorker) throw new Error("Track Inspector's service worker is not running");
  const floor = await installBeside(browser, writeListenerOnlyExtension());
  const outcomeFloor = await installBeside(browser, writeOutcomeListenerExtension());
  return {
    oursId: new URL(ourWorker.url()).host,
    ours: () => extensionPids().filter((pid) => !floor.has(pid) && !outcomeFloor.has(pid)),
    floor: () => extensionPids().filter((pid) => floor.has(pid)),
    outcomeFloor: () => extensionPids().filter((pid) => outcomeFloor.has(pid)),
  };
}

/** Installs the extension in `dir` and waits for its worker: the pid of the process that came with it. */
async function installBeside(browser: Browser, dir: string): Promise<Set<string>> {
  const before = new Set(extensionPids());
  const id = await browser.installExtension(dir);
  const isItsWorker = (target: Target) =>
    isExtensionWorker(target) && target.url().startsWith(`chrome-extension://${id}/`);
  const worker = await (await browser.waitForTarget(isItsWorker, { timeout: 20_000 })).worker();
  if (!worker) throw new Error(`the extension in ${dir} has no service worker`);
  await untilBackgroundListens((check) => worker.evaluate(check));
  const pids = new Set(extensionPids().filter((pid) => !before.has(pid)));
  if (pids.size !== 1) throw new Error(`the process of the extension in ${dir} was not told apart (${pids.size} new)`);
  return pids;
}

const perCall = (ms: number, calls: number) => (1000 * ms) / calls;

export function callCostLines(
  run: string,
  calls: number,
  ours: Watched,
  floor: Watched,
  outcomeFloor: Watched,
  afterGc: { readonly ours: Resident; readonly floor: Resident },
): string[] {
  const [worker, floorWorker] = [perCall(ours.cpu.worker, calls), perCall(floor.cpu.worker, calls)];
  const outcomeWorker = perCall(outcomeFloor.cpu.worker, calls);
  return [
    `background CPU per call (${run}): ${worker.toFixed(0)} µs; floor: ${floorWorker.toFixed(0)} µs; ratio ${(worker / floorWorker).toFixed(1)} (goal <= 2)`,
    `   beside the floor that hears each call's outcome too (onCompleted, as ours must): ${outcomeWorker.toFixed(0)} µs; ratio ${(worker / outcomeWorker).toFixed(1)}`,
    `extension own memory (${run}): peak ${ours.peakAnon.toFixed(0)} MB, after GC ${afterGc.ours.anon.toFixed(0)} MB (goals < 100, < 60); RSS peak ${ours.peak.rss.toFixed(0)} MB, after GC ${afterGc.ours.rss.toFixed(0)} MB`,
    `   the floor's process (its worker only listens): own memory peak ${floor.peakAnon.toFixed(0)} MB, after GC ${afterGc.floor.anon.toFixed(0)} MB; RSS peak ${floor.peak.rss.toFixed(0)} MB`,
  ];
}

/**
 * The same lines for Firefox's WebExtensions process (firefox-process.ts), where less can be told apart: the
 * background page and the panel's page run on that process's main thread, and every extension shares the process,
 * so there is no floor beside it. No garbage collection is asked of it, so there is no after-GC figure.
 */
export function firefoxCallCostLines(run: string, calls: number, ours: Watched): string[] {
  const [main, rest] = [perCall(ours.cpu.panel, calls), perCall(ours.cpu.worker + ours.cpu.other, calls)];
  return [
    `background CPU per call (${run}, Firefox): not told apart from the panel's (Firefox runs the background page and the panel's page on the main thread of its WebExtensions process): that thread ${main.toFixed(0)} µs per call, its other threads ${rest.toFixed(0)} µs; floor: not measured (every extension's pages share that process)`,
    `extension own memory (${run}, Firefox): peak ${ours.peakAnon.toFixed(0)} MB, after GC not measured (goals < 100, < 60); RSS peak ${ours.peak.rss.toFixed(0)} MB, ${ours.start.anon.toFixed(0)} MB own before the calls (the WebExtensions process, every extension's pages)`,
  ];
}
