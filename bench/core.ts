/**
 * `npm run bench`: decode + validate throughput against bare JSON.parse of the same bodies, in the
 * same run (with lint, with a 200-event plan, with the privacy guard), NDJSON export/import of 100,000 messages,
 * what matching a plan's patterns costs (plan-patterns.ts), what a publish costs the panel's store (panel-store.ts),
 * and coverage over a million messages (coverage.ts).
 * Prints figures; never passes or fails.
 */
import { performance } from 'node:perf_hooks';
import { decodeBody } from '../src/core/decode';
import { validateMessage } from '../src/core/validate';
import { inspectCall, type InspectOptions } from '../src/core/inspect';
import { createLinter } from '../src/core/lint';
import { toNdjson, toNdjsonChunks } from '../src/core/ndjson';
import { importNdjson } from '../src/core/import';
import type { MessageRecord } from '../src/core/record';
import { planChecker } from '../src/core/plan/check/check-plan';
import { loadPlan } from '../src/core/plan/load/load-plan';
import { findPersonalData } from '../src/core/privacy/find-personal-data';
import type { PiiMode } from '../src/core/privacy/privacy-guard';
import { bodyMix, benchPlanJson, payloads } from './fixtures';
import { panelStoreBench } from './panel-store';
import { coverageBench } from './coverage';
import { planPatternsBench } from './plan-patterns';

const bodies = bodyMix(4000);
const totalBytes = bodies.reduce((n, b) => n + b.text.length, 0);
const totalMessages = bodies.reduce((n, b) => n + b.messages, 0);

function best(rounds: number, run: () => void): number {
  let fastest = Infinity;
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/**
 * Each run's best time over `rounds`, the runs taking turns within a round: a burst of load from
 * another process on this shared machine then slows one round of every run, not every round of one,
 * and the ratios between them hold.
 */
function bestInTurns(rounds: number, runs: readonly (() => void)[]): number[] {
  const fastest = runs.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, i) => {
      const start = performance.now();
      run();
      fastest[i] = Math.min(fastest[i] ?? Infinity, performance.now() - start);
    });
  }
  return fastest;
}

const loaded = loadPlan(benchPlanJson(200), 'bench-plan.json');
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const plan = planChecker(loaded.plan, { unplanned: 'warn' });

let sink = 0;
const inspectAll =
  (withPlan: boolean, pii: PiiMode = 'warn') =>
  () => {
    const options: InspectOptions = {
      strict: false,
      linter: createLinter(),
      capturedAt: Date.parse('2024-05-01T10:00:02Z'),
      checker: withPlan ? plan : null,
      privacy: { mode: pii, allow: [] },
    };
    for (const body of bodies)
      sink += inspectCall(
        { sender: 'segment', callType: body.callType },
        { kind: 'text', text: body.text },
        options,
      ).length;
  };
const [parseMs = NaN, decodeValidateMs = NaN, pipelineMs = NaN, planPipelineMs = NaN, guardOffMs = NaN, guardMs = NaN] =
  bestInTurns(9, [
    () => {
      for (const body of bodies) sink += JSON.parse(body.text) ? 1 : 0;
    },
    () => {
      for (const body of bodies) {
        const decoded = decodeBody({ kind: 'text', text: body.text }, body.callType);
        if (decoded.ok) for (const m of decoded.messages) sink += validateMessage(m, false).errors.length;
      }
    },
    inspectAll(false),
    inspectAll(true), // the plan compiles in the first round, which the best time leaves out
    inspectAll(false, 'off'),
    () => {
      // The privacy guard alone, over the same messages (decoded outside the timing would hold 100 MB of objects).
      for (const body of bodies) {
        const decoded = decodeBody({ kind: 'text', text: body.text }, body.callType);
        if (decoded.ok) for (const m of decoded.messages) sink += findPersonalData(m).length;
      }
    },
  ]);

const mb = totalBytes / 1024 / 1024;
const rate = (ms: number) =>
  `${(mb / (ms / 1000)).toFixed(1)} MB/s, ${Math.round(totalMessages / (ms / 1000)).toLocaleString('en')} msg/s`;
console.log(
  `corpus: ${bodies.length} bodies, ${totalMessages} messages, ${mb.toFixed(1)} MB (singles 300 B-8 KB, batches of 50, 10% invalid)`,
);

// NDJSON export and import of 100,000 messages.
const records: MessageRecord[] = payloads(100_000).map((payload, i) => ({
  capturedAt: 1_714_557_600_000 + i,
  tabId: 1,
  pageUrl: 'https://app.example.com/',
  request: { url: 'https://api.segment.io/v1/t', method: 'POST', outcome: 'status', status: 200, error: null },
  sender: 'segment',
  type: 'track',
  payload,
  validation: { valid: true, errors: [], warnings: [] },
}));
const exportMs = best(3, () => {
  sink += toNdjsonChunks(records).length; // what the panel hands to a Blob
});
const ndjson = toNdjson(records);
const importMs = best(5, () => {
  sink += importNdjson(ndjson, { strict: false, importedAt: 0 }).records.length;
});

console.log(
  `NDJSON export, 100,000 messages (${(ndjson.length / 1024 / 1024).toFixed(0)} MB): ${(exportMs / 1000).toFixed(2)} s (goal < 1 s)`,
);
console.log(`NDJSON import + re-validation, 100,000 messages: ${(importMs / 1000).toFixed(2)} s (goal < 1 s)`);
console.log(
  `pipeline with the privacy guard (decode+validate+lint+privacy): ${rate(pipelineMs)}, ` +
    `ratio to JSON.parse ${(parseMs / pipelineMs).toFixed(2)} (goal >= 0.4)`,
);
console.log(
  `pipeline with the guard off: ${rate(guardOffMs)}, ratio to JSON.parse ${(parseMs / guardOffMs).toFixed(2)}; ` +
    `guard on / guard off throughput: ${(guardOffMs / pipelineMs).toFixed(2)}`,
);
console.log(
  `the guard's own cost: ${(pipelineMs - guardOffMs).toFixed(0)} ms of ${pipelineMs.toFixed(0)} ms ` +
    `(${((100 * (pipelineMs - guardOffMs)) / pipelineMs).toFixed(0)}% of the pipeline; ` +
    `${((pipelineMs - guardOffMs) / parseMs).toFixed(2)} times JSON.parse's time for the same bodies)`,
);
console.log(`decode+privacy guard alone: ${rate(guardMs)}`);
console.log(`JSON.parse alone (baseline):           ${rate(parseMs)}`);
console.log(`decode+validate:                       ${rate(decodeValidateMs)}`);
console.log(`decode+validate / JSON.parse throughput ratio: ${(parseMs / decodeValidateMs).toFixed(2)}`);
console.log(`decode+validate+lint+plan (200-event plan): ${rate(planPipelineMs)}`);
console.log(
  `decode+validate+plan / JSON.parse throughput ratio: ${(parseMs / planPipelineMs).toFixed(2)} (goal >= 0.3)`,
);
for (const line of planPatternsBench()) console.log(line);
for (const line of panelStoreBench()) console.log(line);
for (const line of await coverageBench()) console.log(line);
if (sink < 0) console.log(sink);
