/** What the filter bar counts: messages by type, invalid ones, ones with warnings, unplanned events, and how many are shown. */
import { isUnplanned } from '../../core/plan/plan';
import { isMessageType, type MessageType } from '../../core/types';
import { TYPE_CHIPS } from './filter-store';
import type { MessageRow } from './rows';

export interface MessageCounts {
  readonly total: number;
  readonly shown: number;
  readonly byType: Readonly<Record<MessageType, number>>;
  readonly invalid: number;
  readonly warnings: number;
  readonly unplanned: number;
}

/** Counts over every message of the session; `shown` is how many the filter lets through. */
export function countMessages(messages: readonly MessageRow[], shown: number): MessageCounts {
  const byType = Object.fromEntries(TYPE_CHIPS.map((type) => [type, 0])) as Record<MessageType, number>;
  let invalid = 0;
  let warnings = 0;
  let unplanned = 0;
  for (const { record } of messages) {
    if (isMessageType(record.type)) byType[record.type]++;
    if (!record.validation.valid) invalid++;
    if (record.validation.warnings.length) warnings++;
    if (isUnplanned(record.validation)) unplanned++;
  }
  return { total: messages.length, shown, byType, invalid, warnings, unplanned };
}
