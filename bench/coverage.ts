/**
 * Coverage over 1,000,000 messages, streamed (part of `npm run bench`; alone: `npm run bench:coverage`):
 * - in this process, the CLI's path per line (parse, validate, lint, the plan, the coverage tally) against bare
 *   JSON.parse of the same lines, 10,000 fresh lines at a time (so memory holds a round, never the million);
 * - the built CLI, `coverage --plan`, reading the same million lines on standard input (a temporary file of them):
 *   its wall time and peak RSS;
 * - in the same run, on the same file, a bare Node process that only reads the lines (node:readline) and
 *   JSON.parses each: what Node itself costs in time and memory to stream them, the baseline of the CLI's figures.
 * Prints figures; never passes or fails.
 */
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { createCoverage } from '../src/core/coverage/coverage-tally';
import { ndjsonLineReader } from '../src/core/import';
import { planChecker } from '../src/core/plan/check/check-plan';
import { loadPlan } from '../src/core/plan/load/load-plan';
import { benchPlanJson, payloads } from './fixtures';

const MESSAGES = 1_000_000;
const ROUND = 10_000;

const linesOf = (round: number) => payloads(ROUND, round * ROUND).map((payload) => JSON.stringify(payload));

export async function coverageBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'track-inspector-bench-'));
  try {
    const planJson = benchPlanJson(200);
    const plan = join(dir, 'plan.json');
    const capture = join(dir, 'capture.ndjson');
    writeFileSync(plan, planJson);
    const inProcess = await inProcessRun(planJson, createWriteStream(capture));
    const cli = await streamed(capture, ['bin/track-inspector.js', 'coverage', '--plan', plan, '--json']);
    const bare = await streamed(capture, ['-e', BARE_NODE]);
    const rate = (ms: number) => `${Math.round(MESSAGES / (ms / 1000)).toLocaleString('en')} msg/s`;
    const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
    const { coverageMs, parseMs } = inProcess;
    return [
      `coverage, 1,000,000 messages (200-rule plan): ${rate(coverageMs)}; JSON.parse of the same lines: ${rate(parseMs)}`,
      `coverage / JSON.parse throughput ratio: ${(parseMs / coverageMs).toFixed(2)} (goal >= 0.3)`,
      `coverage CLI, 1,000,000 messages on stdin: ${(cli.ms / 1000).toFixed(1)} s (${rate(cli.ms)}), ` +
        `peak RSS ${mb(cli.peakKb)} (goal < 150 MB)`,
      `bare node (readline + JSON.parse), the same stdin: ${(bare.ms / 1000).toFixed(1)} s (${rate(bare.ms)}), ` +
        `peak RSS ${mb(bare.peakKb)}; CLI / bare throughput ratio ${(bare.ms / cli.ms).toFixed(2)}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The core's path and bare JSON.parse, timed round by round on the same fresh lines, which also go to `file`. */
async function inProcessRun(planJson: string, file: Writable): Promise<{ coverageMs: number; parseMs: number }> {
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
    if (!file.write(lines.join('\n') + '\n')) await new Promise((resolve) => file.once('drain', resolve));
  }
  await new Promise((resolve) => file.end(resolve));
  if (coverage.report().messages !== MESSAGES || sink !== MESSAGES) throw new Error('the bench lost messages');
  return { coverageMs, parseMs };
}

/** Reads every line of stdin and parses it: the least a Node program streaming these lines does. */
const BARE_NODE = `
let lines = 0;
require('node:readline')
  .createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on('line', (line) => { if (JSON.parse(line)) lines++; })
  .on('close', () => { if (lines !== ${MESSAGES}) process.exitCode = 1; });
`;

/** Node run with `args`, `file` on its standard input: its wall time and peak RSS (print-peak-rss.mjs). */
async function streamed(file: string, args: readonly string[]): Promise<{ ms: number; peakKb: number }> {
  const input = openSync(file, 'r');
  try {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', './bench/print-peak-rss.mjs', ...args], {
      stdio: [input, 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const ms = performance.now() - start;
    const peak = /peak-rss-kb (\d+)/.exec(stderr)?.[1];
    if (code !== 0 || peak === undefined) throw new Error(`node ${args[0]} failed (${code}): ${stderr}`);
    return { ms, peakKb: Number(peak) };
  } finally {
    closeSync(input);
  }
}
