/** The CLI's input: NDJSON files (or standard input for "-"), streamed line by line. */
import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Every file can be read, or a message for stderr naming the first that cannot. */
export async function unreadableFile(files: readonly string[]): Promise<string | null> {
  for (const file of files) {
    if (file === '-') continue;
    try {
      await access(file, constants.R_OK);
    } catch (error) {
      return `track-inspector: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`;
    }
  }
  return null;
}

/** Calls `onLine` for each line of each file, numbered from 1 per file; memory stays flat. */
export async function forEachLine(files: readonly string[], io: Io, onLine: (text: string, line: number, file: string) => Promise<void> | void): Promise<void> {
  for (const file of files) {
    const input = file === '-' ? io.stdin : createReadStream(file);
    const lines = createInterface({ input, crlfDelay: Infinity });
    let line = 0;
    try {
      for await (const text of lines) await onLine(text, ++line, file);
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
}

/** Writes, waiting when the pipe is full. */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}
