/** One row of a tab's timeline, and the order every host keeps timelines in. */
import type { MessageRecord } from '../record';

/** A captured message, or a top-frame navigation marker. */
export type TimelineEntry = MessageEntry | NavigationEntry;

export interface MessageEntry {
  readonly kind: 'message';
  readonly seq: number;
  /** The call that carried it (a batch's messages share it). */
  readonly requestId: string;
  readonly record: MessageRecord;
  /** The browser hid the body and the page has not reported it yet: a later report replaces this row (body-join.ts). */
  readonly awaitingBody?: true;
  /** The page report its body, or the row itself, came from (events.ts, PageCall.reportId): a copy adds nothing. */
  readonly reportId?: string;
}

export interface NavigationEntry {
  readonly kind: 'navigation';
  readonly seq: number;
  readonly url: string;
  readonly at: number;
}

/** Builds an entry once the timeline has given it its sequence number. */
export type EntryBuilder = (seq: number) => TimelineEntry;

/** When a row happened: the call's send time, or the navigation's. */
export function entryTime(entry: TimelineEntry): number {
  return entry.kind === 'message' ? entry.record.capturedAt : entry.at;
}

/**
 * Timeline order: by time, then by arrival. Why not arrival alone: when a request wakes a stopped
 * service worker, Chromium can deliver the webRequest events queued meanwhile out of order. An
 * entry may therefore belong before entries a client already holds; clients insert by this order.
 */
export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  return entryTime(a) - entryTime(b) || a.seq - b.seq;
}
