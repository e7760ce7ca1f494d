/**
 * What the capture pipeline needs of the place its records go: per-tab timelines it appends to and
 * corrects (an outcome, a body reported late, a page re-attributed). The extension's background
 * store implements it over IndexedDB; another host can keep it in memory.
 */
import type { RequestInfo } from '../record';
import type { EntryBuilder, MessageEntry } from './timeline-entry';

/** A call as the pipeline keys it: which request, from which tab, to where, and when it was sent. */
export interface CallSeen {
  readonly requestId: string;
  readonly tabId: number;
  readonly url: string;
  readonly method: string;
  /** When it was sent, ms since the epoch (webRequest's timeStamp). */
  readonly at: number;
}

export interface CaptureTimeline {
  /** Appends entries built with fresh sequence numbers, in order. */
  append(tabId: number, build: readonly EntryBuilder[]): void;
  /** The request of a call's messages (they share it), or undefined when none is held. */
  requestOf(tabId: number, requestId: string): RequestInfo | undefined;
  /** Applies an outcome to every message of a request; false when none is held. */
  updateRequest(tabId: number, requestId: string, request: RequestInfo): boolean;
  /** The messages a request produced. */
  entriesOf(tabId: number, requestId: string): readonly MessageEntry[];
  /** Replaces a request's messages with new ones (its body arrived, its page was corrected). */
  replaceRequest(tabId: number, requestId: string, build: readonly EntryBuilder[]): void;
  /** The tab's messages sent to `url` within `windowMs` of `at`. */
  messagesNear(tabId: number, url: string, at: number, windowMs: number): readonly MessageEntry[];
  /** Whether a row of the tab keeps this page report's id (MessageEntry.reportId): the report was used. */
  hasReport(tabId: number, reportId: string): boolean;
  /** Calls of the tab recorded before the page reported their body. */
  awaitingCalls(tabId: number): readonly CallSeen[];
  removeTab(tabId: number): void;
  tabIds(): readonly number[];
}
