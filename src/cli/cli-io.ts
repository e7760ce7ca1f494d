/** The CLI's streams, writing with backpressure, and files it cannot read (read-input.ts reads the inputs). */
import { access, constants, readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/**
 * A file a command cannot read, and why. Thrown rather than returned, so that every command says it the same way:
 * main.ts writes `track-inspector: cannot read FILE: WHY` on stderr and exits 2.
 */
export class CannotRead extends Error {
  constructor(file: string, why: string) {
    super(`cannot read ${file}: ${why}`);
  }
}

/** Before any input is read: throws CannotRead for the first file that cannot be ("-" is standard input). */
export async function checkReadable(files: readonly string[]): Promise<void> {
  for (const file of files) {
    if (file === '-') continue;
    try {
      await access(file, constants.R_OK);
    } catch (error) {
      throw new CannotRead(file, refusal(error));
    }
  }
}

/** A whole file as text, or CannotRead. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CannotRead(file, refusal(error));
  }
}

/** Why the system would not open a file: its code (ENOENT, EACCES, …). */
function refusal(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Writes, waiting when the pipe is full. */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

/** "1 message", "2 messages". */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Input with no tracking message in it: a capture that caught nothing fails, unless --allow-empty. Exit 1. */
export function noMessages(io: Io): number {
  io.stderr.write('track-inspector: no tracking messages found (--allow-empty accepts that)\n');
  return 1;
}
