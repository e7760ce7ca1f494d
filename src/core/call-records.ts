/**
 * One tracking call -> its records, whatever saw the call: live capture (webRequest) or a HAR file.
 * A batch gives one record per entry; a body that cannot be read gives one record that says why.
 */
import type { RequestBody } from './body';
import type { TrackingCall } from './endpoints';
import { inspectCall, type InspectOptions } from './inspect';
import type { MessageRecord, RequestInfo } from './record';

/** Where and when the call was made, as its source knows it. */
export interface CallOrigin {
  readonly capturedAt: number;
  readonly tabId: number;
  readonly pageUrl: string;
  readonly topUrl?: string;
  readonly request: RequestInfo;
}

export function callRecords(
  call: TrackingCall,
  body: RequestBody,
  origin: CallOrigin,
  options: Omit<InspectOptions, 'capturedAt'>,
): MessageRecord[] {
  return inspectCall(call, body, { ...options, capturedAt: origin.capturedAt }).map((message) => ({
    ...origin,
    sender: call.sender,
    ...message,
  }));
}
