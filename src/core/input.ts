/**
 * An input: what the records of a session come from, read one piece at a time, each piece giving
 * its records or a problem located where it is. Three inputs, one way to records:
 * - live capture: the capture pipeline (core/capture/pipeline.ts) hands each call to call-records.ts;
 * - an NDJSON file, a line at a time: `ndjsonLineReader` (import.ts);
 * - a HAR file, an entry at a time: `harEntryReader` (har/har-records.ts), each entry's call going
 *   through call-records.ts exactly as a live one does.
 * Every record is built by one builder, `messageRecord` (call-records.ts). The panel's import and the CLI read files
 * through the same readers.
 */
import type { MessageRecord } from './record';

/**
 * Where a piece is in its input, counted from 1: an NDJSON line, a HAR entry, or a message of a file
 * that is one JSON document (json-document.ts).
 */
export type InputPlace = { readonly line: number } | { readonly entry: number } | { readonly item: number };

export type InputItem =
  | { readonly kind: 'records'; readonly at: InputPlace; readonly records: readonly MessageRecord[] }
  | { readonly kind: 'problem'; readonly at: InputPlace; readonly message: string };
