/** The name a row shows for a message: event name, page/screen name, or the identify/group id. */
import type { MessageRecord } from './record';
import { isPlainObject } from './types';

export function messageLabel(type: string, payload: unknown): string | null {
  if (!isPlainObject(payload)) return null;
  const field =
    type === 'track'
      ? 'event'
      : type === 'page' || type === 'screen'
        ? 'name'
        : type === 'group'
          ? 'groupId'
          : type === 'identify'
            ? 'userId'
            : type === 'alias'
              ? 'previousId'
              : null;
  const value = field ? payload[field] : undefined;
  return typeof value === 'string' ? value : null;
}

/** The label, or why there is none: what the panel's rows, detail and summary call a message. */
export function recordName(record: Pick<MessageRecord, 'type' | 'payload' | 'undecodable'>): string {
  if (record.undecodable) return '(unreadable body)';
  return messageLabel(record.type, record.payload) ?? '(no name)';
}

/** A track message's event name, or null. */
export function eventOf(payload: unknown): string | null {
  return typeof (payload as { event?: unknown } | null)?.event === 'string'
    ? (payload as { event: string }).event
    : null;
}
