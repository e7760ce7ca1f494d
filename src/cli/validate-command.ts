/** Streams NDJSON and HAR files (or stdin) through the core and reports, message by message. */
import path from 'node:path';
import type { InputItem, InputPlace } from '../core/input';
import { eventOf } from '../core/label';
import type { PlanChecker } from '../core/inspect';
import { planChecker } from '../core/plan/check/check-plan';
import { openPlan } from '../core/plan/load/load-plan';
import type { TrackingPlan } from '../core/plan/tracking-plan';
import { withSource } from '../core/record';
import type { Problem } from '../core/types';
import type { ValidateArgs } from './args';
import { forEachInput } from './read-input';
import { inputRecords } from './input-records';
import { printable } from '../core/text/printable';
import { checkReadable, countOf, noMessages, readText, write, type Io } from './cli-io';

export async function runValidate(args: ValidateArgs, io: Io): Promise<number> {
  await checkReadable(args.files);
  const checker = args.plan === undefined ? null : await loadPlanChecker(args.plan, args.unplanned, io);
  if (checker === 'refused') return 2;
  const totals = { messages: 0, valid: 0, invalid: 0, warned: 0 };
  const recordsOf = inputRecords({ strict: args.strict, checker, hosts: args.hosts, privacy: args.privacy });
  const showFile = args.files.length > 1;
  const show = async (result: MessageResult, file: string) => {
    totals.messages++;
    if (result.valid) totals.valid++;
    else totals.invalid++;
    if (result.warnings.length) totals.warned++;
    const out = args.json
      ? jsonLine(result, showFile ? file : null)
      : report(result, showFile ? file : null, args.quiet);
    if (out) await write(io.stdout, out);
  };
  await forEachInput(args.files, io, async (unit, file) => {
    for (const result of resultsOf(recordsOf(unit, file))) await show(result, file);
  });
  if (!args.json) {
    const { messages, valid, invalid, warned } = totals;
    io.stdout.write(`${countOf(messages, 'message')}: ${valid} valid, ${invalid} invalid, ${warned} with warnings\n`);
  }
  if (totals.messages === 0 && !args.allowEmpty) return noMessages(io);
  return totals.invalid > 0 ? 1 : 0;
}

/** The plan file, loaded and every rule compiled; or 'refused', its problems written one per line (CannotRead). */
async function loadPlanChecker(file: string, unplanned: 'warn' | 'error', io: Io): Promise<PlanChecker | 'refused'> {
  const plan = await openPlanFile(file, io);
  return plan === 'refused' ? plan : planChecker(plan, { unplanned });
}

/** A plan file opened (openPlan), or 'refused' with its problems on stderr, one per line; CannotRead when unreadable. */
export async function openPlanFile(file: string, io: Io): Promise<TrackingPlan | 'refused'> {
  const opened = openPlan(await readText(file), path.basename(file));
  if (opened.ok) return opened.plan;
  for (const problem of opened.problems) io.stderr.write(`track-inspector: ${printable(`${file}: ${problem}`)}\n`);
  return 'refused';
}

const sourced = (problems: readonly Problem[]) => problems.map(withSource);

/** A message's result, placed by NDJSON line or by HAR entry: `{"line": N, …}` or `{"entry": N, …}`. */
type MessageResult = InputPlace & {
  readonly valid: boolean;
  readonly type: string | null;
  readonly event: string | null;
  readonly errors: readonly Problem[];
  readonly warnings: readonly Problem[];
  /** How default mode read the message (a null userId taken as absent), when it says something: not counted. */
  readonly notes?: readonly Problem[];
};

/**
 * One result per message; a piece that could not be read is one invalid result saying why. Built with Object.assign,
 * its place first: a literal that opens with a spread and adds keys (`{ ...item.at, valid, … }`) gets a hidden class of
 * its own per object on Node 20's V8, kept in the old generation until a full collection (explain-rule-errors.ts).
 */
function resultsOf(item: InputItem | null): MessageResult[] {
  if (!item) return [];
  if (item.kind === 'problem') {
    const errors = [{ path: '', message: item.message, keyword: 'parse' }];
    return [Object.assign({}, item.at, { valid: false, type: null, event: null, errors, warnings: [] })];
  }
  return item.records.map(({ type, payload, validation: { valid, errors, warnings, notes } }) =>
    Object.assign({}, item.at, { valid, type, event: eventOf(payload), errors, warnings }, notes ? { notes } : {}),
  );
}

function jsonLine(result: MessageResult, file: string | null): string {
  const line = {
    ...result,
    errors: sourced(result.errors),
    warnings: sourced(result.warnings),
    ...(result.notes ? { notes: sourced(result.notes) } : {}),
  };
  return JSON.stringify(file === null ? line : { file, ...line }) + '\n';
}

/** `line 3` or `FILE:3` for NDJSON; `entry 5` for a HAR; `message 2` for a JSON document. */
function placeOf(at: InputPlace, file: string | null): string {
  if ('line' in at) return file === null ? `line ${at.line}` : `${file}:${at.line}`;
  const place = 'entry' in at ? `entry ${at.entry}` : `message ${at.item}`;
  return file === null ? place : `${file}: ${place}`;
}

/**
 * A message with errors or warnings: where it is, its name, then one line per problem, errors first; warnings say
 * so ("  warning /path: …"). `quiet`: only an invalid message, and only its errors. A valid message with warnings is
 * listed too, else a CI log would never show an unplanned event's "did you mean" or a clock skew, only --json would.
 */
function report(result: MessageResult, file: string | null, quiet: boolean): string {
  const warnings = quiet ? [] : result.warnings;
  if (result.valid && warnings.length === 0) return '';
  const where = placeOf(result, file);
  const name = result.event !== null ? ` "${result.event}"` : result.type ? ` (${result.type})` : '';
  // Names, paths and messages quote the input: its control characters are shown, never sent to the terminal.
  const line = (p: Problem, kind: string) =>
    printable(
      `  ${kind}${p.path || '/'}: ${p.message}${p.source === 'plan' || p.source === 'privacy' ? ` (${p.source})` : ''}`,
    ) + '\n';
  const problems = [...result.errors.map((e) => line(e, '')), ...warnings.map((w) => line(w, 'warning '))];
  return `${printable(where + name)}\n${problems.join('')}`;
}
