/**
 * Where records are made, whatever the input: one tracking call -> its records (live capture, a HAR file), and one
 * NDJSON line -> its record (import.ts), all through `messageRecord`. A batch gives one record per entry; a body that
 * cannot be read gives one record that says why.
 */
import type { RequestBody } from './body';
import type { TrackingCall } from './endpoints';
import { inspectCall, type InspectedMessage, type InspectOptions } from './inspect';
import type { MessageRecord, RequestInfo } from './record';
import type { Sender } from './types';

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
  // Key by key, not `{ ...options, capturedAt }`: on Node 20's V8 a spread and a new key cost a hidden class of its own
  // each call, kept in the old generation until a full collection.
  const { strict, linter, checker, privacy } = options;
  const inspect = { strict, linter, checker, privacy, capturedAt: origin.capturedAt };
  return inspectCall(call, body, inspect).map((message) => messageRecord(origin, call.sender, message));
}

/**
 * The one record builder. Fields in one order (an NDJSON line's too), only those a record has; the common record
 * (not sent by an iframe, not a batch entry, readable) as one literal, so that all of them share one shape, and the
 * rare optional fields through spreads.
 */
export function messageRecord(origin: CallOrigin, sender: Sender, message: InspectedMessage): MessageRecord {
  const { capturedAt, tabId, pageUrl, topUrl, request } = origin;
  const { type, payload, batch, undecodable, validation } = message;
  if (topUrl === undefined && !batch && !undecodable)
    return { capturedAt, tabId, pageUrl, request, sender, type, payload, validation };
  return {
    capturedAt,
    tabId,
    pageUrl,
    ...(topUrl !== undefined ? { topUrl } : {}),
    request,
    sender,
    type,
    payload,
    ...(batch ? { batch } : {}),
    ...(undecodable ? { undecodable } : {}),
    validation,
  };
}
