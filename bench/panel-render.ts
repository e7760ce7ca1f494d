/**
 * `npm run bench:panel-render -- <build dir> [<build dir> ...] [--runs N] [--calls N]`: what rendering a stream costs
 * the Track panel in each build, from a light Chromium trace: the CPU time (thread time, not wall time) of the
 * extension's main thread, where the panel runs, per call and by what it ran (style, layout, paint, script), the
 * raster workers' CPU, how many frames were laid out, and the longest task. The builds are run in turn, N rounds (3
 * unless told), so that a machine whose speed drifts weighs on each alike; each run is a fresh browser.
 *
 * Thread time, because wall time is not what a change costs here: on a shared 2-core machine the panel's layouts took
 * 2 to 9 times longer by the clock than on a core (CDP's Performance.getMetrics, which this bench read before, counts
 * the clock), and that wait moved between runs of the same build by a third. Prints figures; never passes or fails.
 */
import { existsSync } from 'node:fs';
import { launchChromiumPanel } from '../browser-harness/chromium-devtools';
import { startCollector } from '../browser-harness/collector';
import { LIGHT_CATEGORIES, startTrace } from './chromium-trace';
import { renderCosts, type RenderCosts } from './render-costs';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args.splice(at, 2)[1]);
};
const RUNS = option('--runs', 3);
const CALLS = option('--calls', 2000);
const builds = args.length ? args : ['dist/chrome'];
for (const build of builds)
  if (!existsSync(`${build}/manifest.json`)) throw new Error(`${build} holds no built extension (run npm run build)`);

type Run = RenderCosts & { readonly seconds: number };

const collector = await startCollector(
  { '/bench': '<!doctype html><title>panel render bench</title>' },
  { http2: true },
);
const results = new Map<string, Run[]>(builds.map((build) => [build, []]));
try {
  for (let round = 1; round <= RUNS; round++)
    for (const build of builds) {
      const run = await measure(build);
      results.get(build)?.push(run);
      console.log(`round ${round}, ${build}: ${line(run)}`);
    }
} finally {
  await collector.close();
}
for (const [build, runs] of results) {
  const median = (pick: (run: Run) => number) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;
  console.log(`median of ${runs.length}, ${build}: ${describe(median)}`);
}

/** The figures of a run, or of several runs through `of` (their median). */
function describe(of: (pick: (run: Run) => number) => number): string {
  const µs = (pick: (run: Run) => number) => of(pick).toFixed(0);
  return (
    `main thread ${µs((r) => r.mainCpu)} µs CPU per call (style ${µs((r) => r.style)}, layout ${µs((r) => r.layout)}, ` +
    `paint ${µs((r) => r.paint)}, the rest ${µs((r) => r.rest)}); raster ${µs((r) => r.raster)} µs; ` +
    `frames ${of((r) => r.frames)}; longest task ${of((r) => r.longestTaskCpu).toFixed(1)} ms CPU in ` +
    `${of((r) => r.longestTaskWall).toFixed(1)} ms`
  );
}

function line(run: Run): string {
  return `sent in ${run.seconds.toFixed(1)} s; ${describe((pick) => pick(run))}`;
}

async function measure(extensionDir: string): Promise<Run> {
  const browser = await launchChromiumPanel({ collector, theme: 'light', downloadDir: '/tmp', extensionDir });
  try {
    const page = await browser.newPage();
    await page.goto(`${collector.origin}/bench`);
    await browser.openTrackPanel(page);
    const stopTrace = await startTrace(browser.puppeteer, LIGHT_CATEGORIES);
    const started = Date.now();
    await page.evaluate(
      `(async () => {
        for (let i = 0; i < ${CALLS}; i += 50) {
          const burst = [];
          for (let j = i; j < i + 50; j++) burst.push(fetch('https://api.segment.io/v1/t', { method: 'POST', body: JSON.stringify({ type: 'track', event: 'Event ' + (j % 25), userId: 'user-' + (j % 100), messageId: 'm-' + j, properties: { plan: 'pro', total: j } }) }));
          await Promise.all(burst);
        }
      })()` as unknown as () => Promise<void>,
      undefined,
    );
    const seconds = (Date.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the last publish and its render
    return { seconds, ...renderCosts(await stopTrace(), CALLS) };
  } finally {
    await browser.close();
  }
}
