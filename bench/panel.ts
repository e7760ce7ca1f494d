/**
 * `npm run bench:panel` (run `npm run build` first). The Track panel under load, in real Chromium
 * DevTools, or Firefox ESR's with `--firefox` (puppeteer-core; the browser harness the panel e2e
 * tests use):
 *  1. Streaming: with DevTools and the panel open, a page sends 10,000 Segment track calls
 *     (/v1/t, bursts of 50, over HTTP/2 as the real endpoints speak it) as fast as it can, once
 *     without a tracking plan and once with a 200-event plan loaded through the options page.
 *     Measured: from the last send until the panel counts every row; the longest main-thread
 *     stall in the panel (long tasks and a 10 ms heartbeat); the peak memory of the extension
 *     process (RSS of Chromium's --extension-process processes, sampled from /proc every 100 ms);
 *     the service worker's CPU per call beside the floor's, a second extension that only listens
 *     (call-cost.ts); elements in the panel's DOM.
 *  2. 50,000 messages imported into the panel: from choosing the file to the rows on screen, and
 *     from each filter keystroke to the next painted frame.
 * Browser-side code is passed as source text: tsx wraps named functions in a `__name` helper the
 * browser lacks. Prints figures; never passes or fails on time.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromiumPanel } from '../browser-harness/chromium-devtools';
import { startCollector } from '../browser-harness/collector';
import { launchFirefoxPanel } from '../browser-harness/firefox-devtools';
import { openOptions } from '../browser-harness/options';
import type { PanelBrowser, PanelHandle } from '../browser-harness/panel';
import { collectExtensionGarbage, startMemoryDumps, type ProcessMemory } from './chromium-memory';
import { startTrace } from './chromium-trace';
import { priorityLine } from './thread-priority';
import { benchPlanJson } from './fixtures';
import { callCostLines, firefoxCallCostLines, installFloor } from './call-cost';
import { firefoxExtensionPids, firefoxParents } from './firefox-process';
import { watchJsHeaps } from './js-heaps';
import { extensionResident, processReport, reniceExtension, watchExtensionProcess } from './extension-process';
import {
  busyThreadsDuring,
  eventSelfTimes,
  longestTasks,
  sampledFunctions,
  threadNamed,
  threadRunning,
  wholeThread,
} from './trace-summary';

if (!existsSync('dist/chrome/manifest.json') || !existsSync('dist/firefox/manifest.json')) {
  console.error('bench:panel loads the built extension: run `npm run build` first.');
  process.exit(1);
}
/**
 * `--trace`: records a Chromium trace while the calls stream in and prints what the panel's longest
 * tasks spent their time on.
 */
const TRACE = process.argv.includes('--trace');
/**
 * `--memory`: takes memory-infra dumps every 2 s of each stream and prints what held the extension
 * process's memory at its peak.
 */
const MEMORY = process.argv.includes('--memory');
const CALLS = 10_000;
const BURST = 50;
const IMPORTED = 50_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * `--firefox`: the same streams and import in Firefox ESR's DevTools. Its WebExtensions process's CPU and memory are
 * measured (firefox-process.ts); the floor, garbage collection and traces are Chromium's only.
 */
const FIREFOX_RUN = process.argv.includes('--firefox');
/**
 * Evaluates an expression in the panel. Chromium's harness (puppeteer) evaluates source text as an
 * expression; Firefox's calls it as a function (firefox-devtools-scripts.ts), so it gets one.
 */
const run = <T>(panel: PanelHandle, source: string): Promise<T> =>
  panel.evaluate<T, undefined>((FIREFOX_RUN ? `() => (${source})` : source) as unknown as () => T, undefined);

// In the panel: the longest gap of a 10 ms heartbeat and the longest long task, from now on.
const WATCH_STALLS = `(() => {
  const w = window; w.__bench = { longestTask: 0, longestGap: 0, last: performance.now() };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__bench.longestTask = Math.max(w.__bench.longestTask, e.duration); }).observe({ entryTypes: ['longtask'] });
  setInterval(() => { const now = performance.now(); w.__bench.longestGap = Math.max(w.__bench.longestGap, now - w.__bench.last - 10); w.__bench.last = now; }, 10);
  return true;
})()`;
const shownCount = `Number((document.querySelector('.shown')?.textContent ?? '0').split(' ')[0])`;

/**
 * `--renice`: runs the extension process at the priority Chromium gives its own UI thread (nice -8).
 * On 2 cores the page, the browser and DevTools keep both cores busy; the stall then left is what
 * the panel's own work costs, without its waits for a core.
 */
const RENICE = process.argv.includes('--renice');
/** `--http1`: the collector speaks HTTP/1.1 only (six calls in flight at a time), for comparison. */
const HTTP2 = !process.argv.includes('--http1');
const collector = await startCollector({ '/bench': '<!doctype html><title>panel bench</title>' }, { http2: HTTP2 });
const downloadDir = mkdtempSync(path.join(tmpdir(), 'ti-bench-'));
const launchOptions = { collector, theme: 'light', downloadDir } as const;
// Traces, memory dumps and garbage collection go through Chromium's CDP: Firefox's run has none of them.
const chromium = FIREFOX_RUN ? null : await launchChromiumPanel(launchOptions);
// Firefox's own process is the one that appears with the launch (other Firefox instances may run beside it).
const FIREFOX_PROFILE_MARK = 'ti-firefox-panel-';
const firefoxBefore = new Set(FIREFOX_RUN ? firefoxParents(FIREFOX_PROFILE_MARK) : []);
const browser: PanelBrowser = chromium ?? (await launchFirefoxPanel(launchOptions));
const firefoxLaunched = FIREFOX_RUN ? firefoxParents(FIREFOX_PROFILE_MARK).filter((p) => !firefoxBefore.has(p)) : [];
const firefoxPids = firefoxLaunched.length === 1 ? firefoxExtensionPids(firefoxLaunched[0] as string) : null;
try {
  const page = await browser.newPage();
  await page.goto(`${collector.origin}/bench`);
  const panel = await browser.openTrackPanel(page);
  // Once our extension's pages are open: the floor's process is told apart as the one that comes with it.
  const processes = chromium && (await installFloor(chromium.puppeteer));
  await streaming('1a', 'without a tracking plan');
  const options = await openOptions(browser, panel);
  const loaded = await options.loadPlan('bench-plan.json', benchPlanJson(200));
  if (!loaded.status.startsWith('Loaded')) throw new Error(`the bench plan was not loaded: ${loaded.problems}`);
  await options.close();
  await panel.click('.toolbar > button:first-child'); // Clear
  await streaming('1b', 'with a 200-event tracking plan loaded (every message checked against its rule)');

  async function streaming(id: string, label: string): Promise<void> {
    if (RENICE && !reniceExtension(-8))
      console.log(
        '   --renice: the system refused a negative nice value (needs root or CAP_SYS_NICE); the extension runs at its own priority',
      );
    await run(panel, WATCH_STALLS);
    const stopTrace = TRACE && chromium ? await startTrace(chromium.puppeteer) : undefined;
    // Chromium's extension processes, read from /proc; Firefox's is not told apart here.
    const processWatch = processes && {
      ours: watchExtensionProcess(processes.ours),
      floor: watchExtensionProcess(processes.floor),
      outcomeFloor: watchExtensionProcess(processes.outcomeFloor),
    };
    const firefoxWatch = firefoxPids && watchExtensionProcess(firefoxPids);
    const heaps = processes && chromium && (await watchJsHeaps(chromium.puppeteer, processes.oursId));
    const memory = MEMORY && chromium ? await startMemoryDumps(chromium.puppeteer) : undefined;
    const dumper = memory && setInterval(() => void memory.dump(), 2000);
    // Started, then watched: on a loaded machine the stream outlasts one evaluate's protocol timeout (180 s; Firefox's
    // 1b once took longer).
    await page.evaluate(
      `(() => {
        window.__sent = null;
        void (async () => {
          const first = Date.now();
          let last = 0;
          for (let i = 0; i < ${CALLS}; i += ${BURST}) {
            const burst = [];
            for (let j = i; j < i + ${BURST}; j++) burst.push(fetch('https://api.segment.io/v1/t', { method: 'POST', body: JSON.stringify({ type: 'track', event: 'Event ' + (j % 25), userId: 'user-' + (j % 100), messageId: 'm-' + j, properties: { plan: 'pro', total: j, currency: 'EUR', items: j % 7 } }) }));
            last = Date.now();
            await Promise.all(burst);
          }
          window.__sent = { first, last, answered: Date.now() };
        })();
        return true;
      })()` as unknown as () => boolean,
      undefined,
    );
    type Sent = { first: number; last: number; answered: number };
    let sent: Sent | null = null;
    for (const deadline = Date.now() + 900_000; sent === null && Date.now() < deadline; await sleep(100))
      sent = await page.evaluate('window.__sent' as unknown as () => Sent | null, undefined);
    if (sent === null) throw new Error(`the page did not send its ${CALLS} calls in 15 minutes`);
    let doneAt: number | null = null; // stays null when a row never comes
    for (const deadline = Date.now() + 180_000; Date.now() < deadline; await sleep(20)) {
      if ((await run<number>(panel, shownCount)) >= CALLS) {
        doneAt = Date.now();
        break;
      }
    }
    const shown = await run<number>(panel, shownCount);
    const processUse = processWatch && {
      ours: processWatch.ours.stop(),
      floor: processWatch.floor.stop(),
      outcomeFloor: processWatch.outcomeFloor.stop(),
    };
    const firefoxUse = firefoxWatch?.stop();
    const heapPeaks = await heaps?.stop();
    clearInterval(dumper);
    const dumps = await memory?.stop();
    const trace = await stopTrace?.();
    const stalls = await run<{ longestTask: number; longestGap: number }>(panel, 'window.__bench');
    const elements = await run<number>(panel, `document.getElementsByTagName('*').length`);
    const rowElements = await run<number>(panel, `document.querySelectorAll('.row').length`);
    // Chromium's non-standard performance.memory: the panel's own JavaScript heap, beside the process's RSS.
    // NaN arrives as null from Firefox.
    const panelHeap = await run<number | null>(panel, `(performance.memory?.usedJSHeapSize ?? NaN) / 1048576`);
    // What of the peak was garbage: the extension's memory once its pages and worker have collected
    // theirs (after the stall was read).
    if (chromium) await collectExtensionGarbage(chromium.puppeteer);
    await sleep(500);
    const afterGc = processes && { ours: extensionResident(processes.ours), floor: extensionResident(processes.floor) };

    console.log(
      `${id}. ${label}${RENICE ? ' (extension process at nice -8)' : ''}: streaming ${CALLS.toLocaleString('en')} Segment track calls (/v1/t, bursts of ${BURST}, ${HTTP2 ? 'HTTP/2' : 'HTTP/1.1'}) into the open Track panel`,
    );
    console.log(
      `   the page sent them in ${((sent.answered - sent.first) / 1000).toFixed(2)} s (first send -> last response)`,
    );
    console.log(`   rows counted by the panel: ${shown.toLocaleString('en')} of ${CALLS.toLocaleString('en')}`);
    console.log(
      doneAt === null
        ? `   last send -> every row in the panel: ROWS MISSING, ${(CALLS - shown).toLocaleString('en')} never came in 180 s`
        : `   last send -> every row in the panel: ${((doneAt - sent.last) / 1000).toFixed(2)} s (goal < 2 s)`,
    );
    console.log(
      `   longest main-thread stall in the panel: ${Math.max(stalls.longestTask, stalls.longestGap).toFixed(0)} ms (long task ${stalls.longestTask.toFixed(0)} ms, heartbeat gap ${stalls.longestGap.toFixed(0)} ms; goal < 50 ms)`,
    );
    if (chromium && processes) console.log(priorityLine(chromium.puppeteer.process()?.pid, processes.ours()[0]));
    if (processUse && afterGc) {
      for (const line of processReport(processUse.ours, afterGc.ours, CALLS)) console.log(line);
      for (const line of callCostLines(id, CALLS, processUse.ours, processUse.floor, processUse.outcomeFloor, afterGc))
        console.log(line);
      if (heapPeaks) console.log(heapPeaks);
    } else if (firefoxUse) for (const line of firefoxCallCostLines(id, CALLS, firefoxUse)) console.log(line);
    else
      console.log(
        `   extension process memory and CPU: not measured (Firefox's WebExtensions process was not told apart: ${firefoxLaunched.length} Firefox processes appeared with the launch)`,
      );
    console.log(
      `   the panel's JavaScript heap after them: ${typeof panelHeap === 'number' && Number.isFinite(panelHeap) ? `${panelHeap.toFixed(0)} MB` : 'not told (performance.memory is Chromium only)'}`,
    );
    console.log(`   panel DOM: ${elements} elements, ${rowElements} row elements (only visible rows)`);
    if (trace) explainLongestTasks(trace);
    if (dumps && processes) explainPeakMemory(dumps, processes.ours());
  }

  // 2. 50,000 messages imported.
  const file = path.join(downloadDir, 'fifty-thousand.ndjson');
  const lines: string[] = [];
  for (let i = 0; i < IMPORTED; i++) {
    lines.push(
      JSON.stringify({
        type: 'track',
        event: `Order Completed ${i % 500}`,
        userId: `user-${i % 1000}`,
        messageId: `m-${i}`,
        timestamp: i % 10 === 0 ? '2024-05-01' : '2024-05-01T10:00:00Z',
        properties: { orderId: `ord-${i}`, total: i * 1.5, currency: 'EUR' },
      }),
    );
  }
  writeFileSync(file, lines.join('\n') + '\n');
  await run(
    panel,
    `(() => {
    const w = window; w.__load = {};
    document.querySelector('.toolbar input[type=file]').addEventListener('change', () => { w.__load.chosen = performance.now(); }, true);
    new MutationObserver(() => { if (!w.__load.rendered && document.querySelector('.import-banner') && document.querySelectorAll('.row.message').length > 0) w.__load.rendered = performance.now(); }).observe(document.body, { subtree: true, childList: true, characterData: true });
    return true;
  })()`,
  );
  await panel.chooseFile('.toolbar input[type="file"]', file);
  let load: { chosen?: number; rendered?: number; validated?: number } = {};
  for (const deadline = Date.now() + 120_000; Date.now() < deadline && load.rendered === undefined; await sleep(50))
    load = await run(panel, 'window.__load');
  const importedShown = await run<number>(panel, shownCount);
  load.validated = await run<number>(
    panel,
    `performance.getEntriesByName('track-inspector:import-validated').at(-1)?.startTime ?? NaN`,
  );

  await run(
    panel,
    `(() => {
    const w = window; w.__keys = [];
    document.querySelector('input[type=search]').addEventListener('input', () => {
      const start = performance.now();
      requestAnimationFrame(() => setTimeout(() => w.__keys.push(performance.now() - start)));
    });
    return true;
  })()`,
  );
  const typed = 'completed 42';
  for (const key of typed) {
    await panel.type('input[type="search"]', key);
    await sleep(300);
  }
  const keys = await run<number[]>(panel, 'window.__keys');
  const filtered = await run<number>(panel, shownCount);
  const ms = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

  console.log(
    `2. ${IMPORTED.toLocaleString('en')} messages imported into the panel (${importedShown.toLocaleString('en')} shown)`,
  );
  console.log(
    `   loaded (parsed and re-validated) -> first render: ${((load.rendered ?? NaN) - (load.validated ?? NaN)).toFixed(0)} ms (goal < 200 ms)`,
  );
  console.log(
    `   file chosen -> rows on screen, reading, parsing and re-validating included: ${((load.rendered ?? NaN) - (load.chosen ?? NaN)).toFixed(0)} ms`,
  );
  console.log(
    `   filter keystrokes "${typed}" -> next painted frame: ${ms(keys)} ms; median ${[...keys].sort((a, b) => a - b)[Math.floor(keys.length / 2)]?.toFixed(0)} ms, max ${Math.max(...keys).toFixed(0)} ms (goal < 50 ms); ${filtered} rows match`,
  );
} finally {
  await browser.close();
  await collector.close();
  rmSync(downloadDir, { recursive: true, force: true });
}

/** The dump in which the extension process's private memory was largest: that memory by allocator. */
function explainPeakMemory(dumps: ProcessMemory[][], ours: readonly string[]): void {
  const pids = new Set(ours.map(Number));
  const extension = dumps.flatMap((dump) => dump.filter((process) => pids.has(process.pid)));
  const peak = extension.sort((a, b) => b.privateMb - a.privateMb)[0];
  if (!peak) return console.log(`   memory: no dump of the extension process among ${dumps.length}`);
  const parts = peak.allocators.filter(([, mb]) => mb >= 1).map(([name, mb]) => `${name} ${mb.toFixed(0)}`);
  console.log(
    `   memory-infra, the largest of ${dumps.length} dumps: extension process private footprint ${peak.privateMb.toFixed(0)} MB; by allocator (MB): ${parts.join(', ')}`,
  );
}

function explainLongestTasks(trace: Parameters<typeof threadRunning>[0]): void {
  const thread = threadRunning(trace, '/src/panel/panel.html') ?? threadRunning(trace, 'panel');
  if (!thread) return console.log('   trace: the panel thread was not found');
  const top = (pairs: [string, number][]) =>
    pairs
      .filter(([, ms]) => ms >= 1)
      .slice(0, 12)
      .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
      .join(', ');
  const worker = threadNamed(trace, thread.pid, 'ServiceWorker thread');
  for (const [name, which] of [
    ['panel', thread],
    ['service worker', worker],
  ] as const) {
    if (!which) continue;
    const whole = wholeThread(trace, which);
    console.log(
      `   trace: the ${name} thread over the whole stream, events by self CPU time (ms): ${top(eventSelfTimes(trace, whole, 'tdur'))}`,
    );
    console.log(
      `          sampled functions (self ms): ${top(sampledFunctions(trace, whole).filter(([fn]) => !fn.startsWith('(idle)')))}`,
    );
  }
  const tasks = longestTasks(trace, thread, 3);
  console.log(
    `   trace: ${trace.length} events; panel thread ${thread.pid}/${thread.tid}; longest tasks ${tasks.map((t) => ((t.dur ?? 0) / 1000).toFixed(0)).join(', ')} ms`,
  );
  for (const task of tasks) {
    const cpu = task.tdur === undefined ? '' : ` (${(task.tdur / 1000).toFixed(0)} ms of it on a CPU)`;
    console.log(
      `   trace: task of ${((task.dur ?? 0) / 1000).toFixed(0)} ms${cpu}; events (self ms): ${top(eventSelfTimes(trace, task))}`,
    );
    console.log(`          sampled functions (self ms): ${top(sampledFunctions(trace, task))}`);
    console.log(`          CPU used meanwhile, by thread (ms): ${top(busyThreadsDuring(trace, task))}`);
  }
}
