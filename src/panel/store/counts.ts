/**
 * What the filter bar counts: messages by type, invalid ones, ones with warnings, unplanned events, ones with personal
 * data, and how many are shown.
 */
import { isUnplanned } from '../../core/plan/check/unplanned';
import { hasPrivacyFinding } from '../../core/privacy/privacy-guard';
import { isMessageType, type MessageType } from '../../core/types';
import { TYPE_CHIPS } from './filter-store';
import type { MessageRow } from './rows';

/** Counts over every message of the session. */
export interface MessageTotals {
  readonly total: number;
  readonly byType: Readonly<Record<MessageType, number>>;
  readonly invalid: number;
  readonly warnings: number;
  readonly unplanned: number;
  /** Messages with at least one finding of the privacy guard (a warning, or an error when the user says so). */
  readonly privacy: number;
}

/** The totals, and how many messages the filter lets through. */
export interface MessageCounts extends MessageTotals {
  readonly shown: number;
}

export const NO_MESSAGES: MessageTotals = {
  total: 0,
  byType: Object.fromEntries(TYPE_CHIPS.map((type) => [type, 0])) as Record<MessageType, number>,
  invalid: 0,
  warnings: 0,
  unplanned: 0,
  privacy: 0,
};

/**
 * `totals` with `messages` added (`sign` 1) or taken away (`sign` -1): a session that grows is counted by what it
 * gained.
 */
export function addMessages(totals: MessageTotals, messages: readonly MessageRow[], sign: 1 | -1 = 1): MessageTotals {
  const byType = { ...totals.byType };
  let { total, invalid, warnings, unplanned, privacy } = totals;
  for (const { record } of messages) {
    total += sign;
    if (isMessageType(record.type)) byType[record.type] += sign;
    if (!record.validation.valid) invalid += sign;
    if (record.validation.warnings.length) warnings += sign;
    if (isUnplanned(record.validation)) unplanned += sign;
    if (hasPrivacyFinding(record.validation)) privacy += sign;
  }
  return { total, byType, invalid, warnings, unplanned, privacy };
}
