/**
 * The CLI's inputs, whatever they are: NDJSON files read line by line, and HAR files read entry by
 * entry (a file named *.har, or whose content starts as a HAR's does: one JSON object whose first
 * key is "log"). Standard input for "-". Both are streamed: memory does not grow with the file.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { HarPage } from '../core/har/har-entry';
import { looksLikeHar } from '../core/har/har-reader';
import { jsonDocumentItems, looksLikeJsonDocument } from '../core/json-document';
import { readHarStream } from '../shared/har-stream';
import { forEachLine } from './byte-lines';
import { CannotRead, type Io } from './cli-io';
import { looksLikeText } from './terminal-text';

export type InputUnit =
  | { readonly kind: 'line'; readonly text: string; readonly line: number }
  /** A message of a file that is one JSON document (an array of messages, or one over several lines). */
  | { readonly kind: 'document-item'; readonly text: string; readonly item: number }
  /** One of `log.entries`, numbered from 1, with the HAR's pages read so far. */
  | {
      readonly kind: 'har-entry';
      readonly entry: unknown;
      readonly index: number;
      readonly pages: ReadonlyMap<string, HarPage>;
    };

/**
 * Calls `onUnit` for each line or HAR entry of each file, in order. Throws CannotRead, naming the file, when one cannot
 * be read through: it breaks off, it is not what it seems (a HAR that is not one), or `onUnit` throws.
 */
export async function forEachInput(
  files: readonly string[],
  io: Io,
  onUnit: (unit: InputUnit, file: string) => Promise<void> | void,
): Promise<void> {
  for (const file of files) {
    const chunks = (file === '-' ? io.stdin : createReadStream(file))[Symbol.asyncIterator]() as AsyncIterator<
      Buffer | string
    >;
    try {
      const first = await chunks.next();
      if (!first.done && !looksLikeText(first.value)) throw new Error('not NDJSON or HAR: it is not text');
      const head = first.done ? '' : String(first.value);
      const rest = (async function* () {
        if (!first.done) yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
      })();
      if (looksLikeHar(file, head)) await readHar(rest, (unit) => onUnit(unit, file));
      else if (looksLikeJsonDocument(head)) await readDocument(rest, (unit) => onUnit(unit, file));
      else await readLines(rest, (unit) => onUnit(unit, file));
    } catch (error) {
      throw new CannotRead(file, (error as Error).message);
    }
  }
}

function readLines(
  chunks: AsyncIterable<Buffer | string>,
  onUnit: (unit: InputUnit) => Promise<void> | void,
): Promise<void> {
  return forEachLine(chunks, (text, line) => onUnit({ kind: 'line', text, line }));
}

/**
 * A JSON document is read whole (it cannot be parsed in pieces the way lines are), then handed over a
 * message at a time. One that does not parse is read as lines after all: each bad line is then named.
 */
async function readDocument(
  chunks: AsyncIterable<Buffer | string>,
  onUnit: (unit: InputUnit) => Promise<void> | void,
): Promise<void> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(String(chunk));
  const text = parts.join('');
  const items = jsonDocumentItems(text);
  if (items === null) return readLines(Readable.from([text]), onUnit);
  for (const [index, item] of items.entries()) {
    await onUnit({ kind: 'document-item', text: JSON.stringify(item) ?? 'null', item: index + 1 });
  }
}

async function readHar(
  chunks: AsyncIterable<Buffer | string>,
  onUnit: (unit: InputUnit) => Promise<void> | void,
): Promise<void> {
  const pieces = (async function* () {
    for await (const chunk of chunks)
      yield typeof chunk === 'string' ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  })();
  const problem = await readHarStream(pieces, (entry, index, pages) =>
    onUnit({ kind: 'har-entry', entry, index, pages }),
  );
  if (problem) throw new Error(problem);
}
