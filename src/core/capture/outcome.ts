/**
 * Completion events -> what happened to a tracking call, in words a user trusts.
 * Two browser quirks, both verified on this project's machines:
 * - Firefox reports a cross-origin beacon as onErrorOccurred NS_ERROR_FAILURE after
 *   onHeadersReceived 202, though the server got it: a beacon's status comes from its headers.
 * - Chromium sometimes reports an unload beacon as net::ERR_ABORTED though it arrived: that is
 *   "sent during unload, outcome unknown", not a failure.
 */
import type { RequestInfo } from '../record';

/** The resource type of navigator.sendBeacon: Chromium says `ping`, Firefox `beacon`. */
const BEACON_TYPES: ReadonlySet<string> = new Set(['ping', 'beacon']);

export const isBeaconType = (resourceType: string | undefined): boolean =>
  resourceType !== undefined && BEACON_TYPES.has(resourceType);

export type Outcome = Pick<RequestInfo, 'outcome' | 'status' | 'error'>;

export const PENDING: Outcome = { outcome: 'pending', status: null, error: null };

/** A call only the page reported (pipeline.ts, `pageReports`): the browser never showed the request. */
export const UNSEEN: Outcome = {
  outcome: 'unseen',
  status: null,
  error: 'sent by the page; the browser did not show the request',
};

export function completedOutcome(statusCode: number): Outcome {
  return { outcome: 'status', status: statusCode, error: null };
}

export function errorOutcome(error: string, resourceType: string, headerStatus: number | undefined): Outcome {
  const beacon = BEACON_TYPES.has(resourceType);
  if (beacon && headerStatus !== undefined) return { outcome: 'status', status: headerStatus, error: null };
  if (error.includes('ERR_BLOCKED_BY_CLIENT')) {
    return { outcome: 'blocked', status: null, error: `blocked by the browser or an extension (${error})` };
  }
  if (beacon && error === 'net::ERR_ABORTED') {
    return { outcome: 'unload', status: null, error: `sent during unload, outcome unknown (${error})` };
  }
  return { outcome: 'failed', status: headerStatus ?? null, error };
}
