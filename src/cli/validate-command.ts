/** Streams NDJSON files (or stdin) through the core and reports, line by line. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLineChecker, type LineResult } from '../core/check-line';
import type { PlanChecker } from '../core/inspect';
import { planChecker } from '../core/plan/check';
import { openPlan } from '../core/plan/open';
import type { Problem } from '../core/types';
import type { ValidateArgs } from './args';
import { forEachLine, unreadableFile, write, type Io } from './read-lines';

export type { Io } from './read-lines';

export async function runValidate(args: ValidateArgs, io: Io): Promise<number> {
  const unreadable = await unreadableFile(args.files);
  if (unreadable) {
    io.stderr.write(unreadable);
    return 2;
  }
  const plan = args.plan === undefined ? null : await planSetting(args.plan, args.unplanned, io);
  if (plan === 'refused') return 2;
  const totals = { messages: 0, valid: 0, invalid: 0, warned: 0 };
  const check = createLineChecker(args.strict, plan);
  const showFile = args.files.length > 1;
  try {
    await forEachLine(args.files, io, async (text, line, file) => {
      const result = check(text, line);
      if (!result) return;
      totals.messages++;
      if (result.valid) totals.valid++;
      else totals.invalid++;
      if (result.warnings.length) totals.warned++;
      const out = args.json ? jsonLine(result, showFile ? file : null) : report(result, showFile ? file : null);
      if (out) await write(io.stdout, out);
    });
  } catch (error) {
    io.stderr.write(`track-inspector: ${(error as Error).message}\n`);
    return 2;
  }
  if (!args.json) {
    io.stdout.write(`${totals.messages} messages: ${totals.valid} valid, ${totals.invalid} invalid, ${totals.warned} with warnings\n`);
  }
  return totals.invalid > 0 ? 1 : 0;
}

/** The plan file, loaded and every rule compiled; or 'refused', its problems written one per line. */
async function planSetting(file: string, unplanned: 'warn' | 'error', io: Io): Promise<PlanChecker | 'refused'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.stderr.write(`track-inspector: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 'refused';
  }
  const opened = openPlan(text, path.basename(file));
  if (!opened.ok) {
    for (const problem of opened.problems) io.stderr.write(`track-inspector: ${file}: ${problem}\n`);
    return 'refused';
  }
  return planChecker(opened.plan, { unplanned });
}

/** Every problem says where it came from: the June schema (and our checks) or the plan. */
const sourced = (problems: readonly Problem[]) => problems.map((problem) => ({ ...problem, source: problem.source ?? 'schema' }));

function jsonLine(result: LineResult, file: string | null): string {
  const line = { ...result, errors: sourced(result.errors), warnings: sourced(result.warnings) };
  return JSON.stringify(file === null ? line : { file, ...line }) + '\n';
}

function report(result: LineResult, file: string | null): string {
  if (result.valid) return '';
  const where = file === null ? `line ${result.line}` : `${file}:${result.line}`;
  const name = result.event !== null ? ` "${result.event}"` : result.type ? ` (${result.type})` : '';
  const errors = result.errors.map((e) => `  ${e.path || '/'}: ${e.message}${e.source === 'plan' ? ' (plan)' : ''}\n`).join('');
  return `${where}${name}\n${errors}`;
}
