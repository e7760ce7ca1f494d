/**
 * Each tab's log as the database holds it: the next record's number, and how many entries it logged (added or
 * removed) since it was last written whole. A log that logged more than twice what the tab holds now, and a margin,
 * is rewritten as the entries the tab holds: what the log carries beyond them (entries removed, replaced, trimmed)
 * is then at most about as much as they are, each entry is written a bounded number of times on average, and a
 * restarted worker replays little more than it keeps. A tab that only grows is never rewritten: its log holds
 * nothing dead. Outcomes are not counted: a few bytes each.
 */
import type { TabState } from '../../core/capture/tab-timeline';
import type { TimelineEntry } from '../../core/capture/timeline-entry';
import { CHUNK } from './open-timeline-db';
import { rewriteRecords, type LogRecord } from './timeline-log';

const MARGIN = 1000;

interface TabLog {
  next: number;
  logged: number;
}

export class TabLogs {
  private readonly tabs = new Map<number, TabLog>();

  /** What a worker found stored: the number after the last record, and what the log holds. */
  loaded(tabId: number, next: number, logged: number): void {
    const log = this.of(tabId);
    log.next = Math.max(log.next, next);
    log.logged = logged;
  }

  /** Whether logging `adding` more would make the log worth rewriting as the `holds` entries the tab holds. */
  outgrown(tabId: number, adding: number, holds: number): boolean {
    return this.of(tabId).logged + adding > 2 * holds + MARGIN;
  }

  /** The number of the next record, which logs `count` entries. */
  append(tabId: number, count: number): number {
    const log = this.of(tabId);
    log.logged += count;
    return log.next++;
  }

  /** The records that replace the tab's log (after its records are deleted). */
  rewrite(tabId: number, entries: readonly TimelineEntry[], state: TabState): LogRecord[] {
    const log = this.of(tabId);
    const records = rewriteRecords(tabId, log.next, entries, state, CHUNK);
    log.next += records.length;
    log.logged = entries.length;
    return records;
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  private of(tabId: number): TabLog {
    let log = this.tabs.get(tabId);
    if (!log) this.tabs.set(tabId, (log = { next: 0, logged: 0 }));
    return log;
  }
}
