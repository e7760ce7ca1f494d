/** The CLI's streams: which files can be read, and writing with backpressure (read-input.ts reads them). */
import { access, constants } from 'node:fs/promises';
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

/** Writes, waiting when the pipe is full. */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}
