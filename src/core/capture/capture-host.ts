/**
 * What a host gives the capture pipeline (pipeline.ts): where its rows go, how a call's sending page is named, what
 * messages are validated with, and how its page reports calls; and what the pipeline knows of a call it saw.
 */
import type { HostPattern, TrackingCall } from '../endpoints';
import type { ValidationMode } from '../inspect';
import type { Timers } from './body-join';
import type { CallSeen, CaptureTimeline } from './capture-timeline';
import type { SenderPage, SenderPages } from './sender-pages';

export interface CaptureHost {
  readonly timeline: CaptureTimeline;
  readonly senders: SenderPages;
  /** The user's own tracking hosts (first-party proxies), beside the known endpoints. */
  readonly hosts: () => readonly HostPattern[];
  /** What messages are validated with, current at each call. */
  readonly mode: () => ValidationMode;
  /** What a row says when neither the browser nor the page gave the call's body. */
  readonly missingBodyReason: string;
  readonly timers?: Timers;
  /**
   * The host's page reports every call it sends (pageCall), and a report no request claims within
   * `graceMs` is recorded from the report alone: the browser did not show that request (Chromium's
   * `pagehide` beacons to Playwright). Without it, reports only fill bodies the browser hid.
   */
  readonly pageReports?: { readonly graceMs: number };
  /**
   * The host's page reports every beacon it sends (pageCall; the extension's Chrome page hook), as
   * `pageReports` does every call: a beacon the browser did not show (Edge shows extensions no `ping`
   * request) is recorded from the report once `graceMs` has passed.
   */
  readonly pageBeacons?: { readonly graceMs: number };
}

/**
 * A closing tab's last beacon may still be on its way (its body too): its timeline waits this long, then goes for
 * good (closed-tabs.ts).
 */
export const CLOSED_TAB_GRACE_MS = 2500;

export interface SeenCall extends CallSeen {
  readonly call: TrackingCall;
  readonly page: SenderPage;
  /** The page report its body, or the call itself, came from (MessageEntry.reportId). */
  readonly reportId?: string;
}
