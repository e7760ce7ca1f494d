/**
 * `npm run bench:panel-render -- <build dir> [<build dir> ...] [--runs N] [--calls N]`: what rendering a stream costs
 * the Track panel in each build, from Chromium's own counters (CDP Performance.getMetrics on the panel's page):
 * layouts, and the time spent laying out, recalculating style, running script and in tasks, per call. The builds are
 * run in turn, N rounds (3 unless told), so that a machine whose speed drifts weighs on each alike; each run is a
 * fresh browser. Compare builds by these figures, not by one run of bench:panel: on a shared 2-core machine the same
 * build's CPU per call moved by a third between runs. Prints figures; never passes or fails.
 */
import { existsSync } from 'node:fs';
import { launchChromiumPanel } from '../browser-harness/chromium-devtools';
import { startCollector } from '../browser-harness/collector';

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

const METRICS = ['LayoutDuration', 'RecalcStyleDuration', 'ScriptDuration', 'TaskDuration'] as const;
type Run = { readonly layouts: number; readonly seconds: number } & Record<(typeof METRICS)[number], number>;

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
  console.log(
    `median of ${runs.length}, ${build}: layouts ${median((r) => r.layouts)}, ${METRICS.map((m) => `${m.replace('Duration', '')} ${median((r) => r[m]).toFixed(0)}`).join(', ')} µs per call`,
  );
}

function line(run: Run): string {
  const times = METRICS.map((m) => `${m.replace('Duration', '')} ${run[m].toFixed(0)}`).join(', ');
  return `sent in ${run.seconds.toFixed(1)} s; layouts ${run.layouts}; ${times} µs per call`;
}

async function measure(extensionDir: string): Promise<Run> {
  const browser = await launchChromiumPanel({ collector, theme: 'light', downloadDir: '/tmp', extensionDir });
  try {
    const page = await browser.newPage();
    await page.goto(`${collector.origin}/bench`);
    await browser.openTrackPanel(page);
    const target = browser.puppeteer.targets().find((t) => t.url().endsWith('/src/panel/panel.html'));
    if (!target) throw new Error("the panel's page was not found");
    const session = await target.createCDPSession();
    await session.send('Performance.enable');
    const read = async () =>
      new Map((await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value] as const));
    const before = await read();
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
    const after = await read();
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    const perCall = (name: string) => (delta(name) * 1e6) / CALLS;
    return {
      seconds,
      layouts: delta('LayoutCount'),
      LayoutDuration: perCall('LayoutDuration'),
      RecalcStyleDuration: perCall('RecalcStyleDuration'),
      ScriptDuration: perCall('ScriptDuration'),
      TaskDuration: perCall('TaskDuration'),
    };
  } finally {
    await browser.close();
  }
}
