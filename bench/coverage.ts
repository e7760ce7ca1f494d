/**
 * Coverage over 1,000,000 messages, streamed (part of `npm run bench`):
 * - in this process, the CLI's path per line (parse, validate, lint, the plan, the coverage tally) against bare
 *   JSON.parse of the same lines, 10,000 fresh lines at a time (so memory holds a round, never the million);
 * - the built CLI, `coverage --plan` fed the million lines on standard input: its wall time and peak RSS.
 * Prints figures; never passes or fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCoverage } from '../src/core/coverage/coverage-tally';
import { ndjsonLineReader } from '../src/core/import';
import { planChecker } from '../src/core/plan/check/check-plan';
import { loadPlan } from '../src/core/plan/load/load-plan';
import { benchPlanJson, payloads } from './fixtures';

const MESSAGES = 1_000_000;
const ROUND = 10_000;

const linesOf = (round: number) => payloads(ROUND, round * ROUND).map((payload) => JSON.stringify(payload));

export async function coverageBench(): Promise<string[]> {
  const planJson = benchPlanJson(200);
  const loaded = loadPlan(planJson, 'bench-plan.json');
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const coverage = createCoverage(loaded.plan);
  const read = ndjsonLineReader({
    strict: false,
    checker: planChecker(loaded.plan, { unplanned: 'warn' }),
    importedAt: Date.now(),
  });
  let parseMs = 0;
  let coverageMs = 0;
  let sink = 0;
  let lineNumber = 0;
  for (let round = 0; round < MESSAGES / ROUND; round++) {
    const lines = linesOf(round);
    let start = performance.now();
    for (const line of lines) sink += JSON.parse(line) ? 1 : 0;
    parseMs += performance.now() - start;
    start = performance.now();
    for (const line of lines) {
      const item = read(line, ++lineNumber);
      if (item?.kind === 'records') for (const record of item.records) coverage.add(record);
    }
    coverageMs += performance.now() - start;
  }
  const report = coverage.report();
  if (report.messages !== MESSAGES || sink !== MESSAGES) throw new Error('the bench lost messages');
  const cli = await cliRun(planJson);
  const rate = (ms: number) => `${Math.round(MESSAGES / (ms / 1000)).toLocaleString('en')} msg/s`;
  return [
    `coverage, 1,000,000 messages (200-rule plan): ${rate(coverageMs)}; JSON.parse of the same lines: ${rate(parseMs)}`,
    `coverage / JSON.parse throughput ratio: ${(parseMs / coverageMs).toFixed(2)} (goal >= 0.3)`,
    `coverage CLI, 1,000,000 messages on stdin: ${(cli.ms / 1000).toFixed(1)} s (${rate(cli.ms)}), ` +
      `peak RSS ${Math.round(cli.peakKb / 1024)} MB (goal < 150 MB)`,
  ];
}

/** The built CLI fed every line on stdin, with backpressure: its wall time and peak RSS (print-peak-rss.mjs). */
async function cliRun(planJson: string): Promise<{ ms: number; peakKb: number }> {
  const plan = join(mkdtempSync(join(tmpdir(), 'track-inspector-bench-')), 'plan.json');
  writeFileSync(plan, planJson);
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', './bench/print-peak-rss.mjs', 'bin/track-inspector.js', 'coverage', '--plan', plan, '--json'],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  for (let round = 0; round < MESSAGES / ROUND; round++) {
    if (!child.stdin.write(linesOf(round).join('\n') + '\n'))
      await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  const code = await exited;
  const peak = /peak-rss-kb (\d+)/.exec(stderr)?.[1];
  if (code !== 0 || peak === undefined) throw new Error(`the CLI failed (${code}): ${stderr}`);
  return { ms: performance.now() - start, peakKb: Number(peak) };
}
