/** Streams NDJSON files (or stdin) through the core and reports, line by line. */
import { createLineChecker, type LineResult } from '../core/check-line';
import type { ValidateArgs } from './args';
import { forEachLine, unreadableFile, write, type Io } from './read-lines';

export type { Io } from './read-lines';

export async function runValidate(args: ValidateArgs, io: Io): Promise<number> {
  const unreadable = await unreadableFile(args.files);
  if (unreadable) {
    io.stderr.write(unreadable);
    return 2;
  }
  const totals = { messages: 0, valid: 0, invalid: 0, warned: 0 };
  const check = createLineChecker(args.strict);
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

function jsonLine(result: LineResult, file: string | null): string {
  return JSON.stringify(file === null ? result : { file, ...result }) + '\n';
}

function report(result: LineResult, file: string | null): string {
  if (result.valid) return '';
  const where = file === null ? `line ${result.line}` : `${file}:${result.line}`;
  const name = result.event !== null ? ` "${result.event}"` : result.type ? ` (${result.type})` : '';
  const errors = result.errors.map((e) => `  ${e.path || '/'}: ${e.message}\n`).join('');
  return `${where}${name}\n${errors}`;
}
