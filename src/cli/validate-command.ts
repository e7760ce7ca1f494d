/** Streams NDJSON files (or stdin) through the core and reports, line by line. */
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createLineChecker, type LineResult } from '../core/check-line';
import type { ValidateArgs } from './args';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export async function runValidate(args: ValidateArgs, io: Io): Promise<number> {
  for (const file of args.files) {
    if (file === '-') continue;
    try {
      await access(file, constants.R_OK);
    } catch (error) {
      io.stderr.write(`track-inspector: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return 2;
    }
  }
  const totals = { messages: 0, valid: 0, invalid: 0, warned: 0 };
  const check = createLineChecker(args.strict);
  const showFile = args.files.length > 1;
  for (const file of args.files) {
    const input = file === '-' ? io.stdin : createReadStream(file);
    const lines = createInterface({ input, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const text of lines) {
        const result = check(text, ++lineNumber);
        if (!result) continue;
        totals.messages++;
        if (result.valid) totals.valid++;
        else totals.invalid++;
        if (result.warnings.length) totals.warned++;
        const out = args.json ? jsonLine(result, showFile ? file : null) : report(result, showFile ? file : null);
        if (out && !io.stdout.write(out)) await new Promise((resolve) => io.stdout.once('drain', resolve));
      }
    } catch (error) {
      io.stderr.write(`track-inspector: cannot read ${file}: ${(error as Error).message}\n`);
      return 2;
    }
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
