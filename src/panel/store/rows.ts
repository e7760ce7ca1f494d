/** What the timeline shows: message rows (with verdicts in the panel's mode) and navigation markers. */
import { revalidateRecord } from '../../core/inspect';
import type { MessageRecord } from '../../core/record';
import type { TimelineEntry } from '../../protocol';

export type Row =
  | { readonly kind: 'message'; readonly key: string; readonly seq: number; readonly record: MessageRecord }
  | { readonly kind: 'navigation'; readonly key: string; readonly url: string; readonly at: number };

export type MessageRow = Extract<Row, { kind: 'message' }>;

// Verdicts in the other mode, computed once per record and mode toggle.
const otherMode = new WeakMap<MessageRecord, MessageRecord>();

/** A record as the panel's strict setting judges it; `validatedStrict` is how it was judged. */
export function inMode(record: MessageRecord, strict: boolean, validatedStrict: boolean): MessageRecord {
  if (strict === validatedStrict) return record;
  let other = otherMode.get(record);
  if (!other) otherMode.set(record, (other = revalidateRecord(record, strict)));
  return other;
}

// One Row object per entry and mode, reused by every recomputation: rebuilding 10,000 rows on each
// publish during a burst kept the garbage collector busy enough to stall the panel.
const rowCache = [new WeakMap<TimelineEntry, Row>(), new WeakMap<TimelineEntry, Row>()] as const;

export function toRow(entry: TimelineEntry, strict: boolean, validatedStrict: boolean): Row {
  const cache = rowCache[strict === validatedStrict ? 0 : 1];
  let row = cache.get(entry);
  if (!row) {
    row =
      entry.kind === 'message'
        ? { kind: 'message', key: `m${entry.seq}`, seq: entry.seq, record: inMode(entry.record, strict, validatedStrict) }
        : { kind: 'navigation', key: `n${entry.seq}`, url: entry.url, at: entry.at };
    cache.set(entry, row);
  }
  return row;
}
