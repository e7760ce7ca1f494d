/** What the timeline shows: message rows (validated in the panel's mode) and navigation markers. */
import { revalidateRecord } from '../../core/inspect';
import type { MessageRecord } from '../../core/record';
import type { TimelineEntry } from '../../core/capture/timeline-entry';

export type Row =
  | { readonly kind: 'message'; readonly key: string; readonly seq: number; readonly record: MessageRecord }
  | { readonly kind: 'navigation'; readonly key: string; readonly url: string; readonly at: number };

export type MessageRow = Extract<Row, { kind: 'message' }>;

/** The message rows among `rows`, navigation markers left out. */
export function messageRowsOf(rows: readonly Row[]): MessageRow[] {
  return rows.filter((row): row is MessageRow => row.kind === 'message');
}

// Validations in the other mode, computed once per record and mode toggle.
const otherMode = new WeakMap<MessageRecord, MessageRecord>();

/** A record as validated in the panel's mode; `validatedStrict` is the mode it was validated in. */
export function inMode(record: MessageRecord, strict: boolean, validatedStrict: boolean): MessageRecord {
  if (strict === validatedStrict) return record;
  let other = otherMode.get(record);
  // The plan's and the privacy guard's findings stay: the toggle changes neither, and the guard's allow rules are the
  // user's, which a guard made again here would not know.
  if (!other) otherMode.set(record, (other = revalidateRecord(record, strict, 'keep', 'keep')));
  return other;
}

export function toRow(entry: TimelineEntry, strict: boolean, validatedStrict: boolean): Row {
  return entry.kind === 'message'
    ? { kind: 'message', key: `m${entry.seq}`, seq: entry.seq, record: inMode(entry.record, strict, validatedStrict) }
    : { kind: 'navigation', key: `n${entry.seq}`, url: entry.url, at: entry.at };
}

/**
 * One Row per entry and mode, reused by every derivation instead of a new row per entry and
 * publish. A Map keyed by seq, because it measured better than a WeakMap keyed by entry (bench:panel's
 * longest long task); entries no longer held are pruned as it outgrows them.
 */
export function createRowCache() {
  let cache = new Map<number, { entry: TimelineEntry; strict: boolean; row: Row }>();
  return {
    rowOf(entry: TimelineEntry, strict: boolean, validatedStrict: boolean): Row {
      const cached = cache.get(entry.seq);
      if (cached && cached.entry === entry && cached.strict === strict) return cached.row;
      const row = toRow(entry, strict, validatedStrict);
      cache.set(entry.seq, { entry, strict, row });
      return row;
    },
    /** Forgets the rows of entries no longer held, once they outnumber the held ones. */
    prune(entries: readonly TimelineEntry[]): void {
      if (cache.size <= 2 * entries.length + 1000) return;
      const held = new Set(entries.map((entry) => entry.seq));
      cache = new Map([...cache].filter(([seq]) => held.has(seq)));
    },
  };
}
