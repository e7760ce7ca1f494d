/** The filter bar's state and the predicate it implies, like the Network panel's. */
import { computed, signal } from '@preact/signals';
import type { MessageRecord } from '../../core/record';
import { messageLabel, recordName } from '../../core/label';
import { isUnplanned } from '../../core/plan/check/unplanned';
import { hasPrivacyFinding } from '../../core/privacy/privacy-guard';
import { MESSAGE_TYPES, type MessageType } from '../../core/types';
import { eventFilter, fieldMatches, parseFilter, withFieldTerm } from './filter-query';

/** One chip per message type; screen (what mobile SDKs send for a page) last, being rare in a browser. */
export const TYPE_CHIPS: readonly MessageType[] = [...MESSAGE_TYPES.filter((type) => type !== 'screen'), 'screen'];

export function createFilterStore() {
  const text = signal('');
  const types = signal<ReadonlySet<MessageType>>(new Set());
  const invalidOnly = signal(false);
  const warningsOnly = signal(false);
  const unplannedOnly = signal(false);
  /** The Privacy chip: messages with personal data or a secret. */
  const privacyOnly = signal(false);
  const active = computed(
    () =>
      text.value.trim() !== '' ||
      types.value.size > 0 ||
      invalidOnly.value ||
      warningsOnly.value ||
      unplannedOnly.value ||
      privacyOnly.value,
  );

  const matches = computed(() => {
    const query = parseFilter(text.value);
    const needle = query.words;
    const chips = types.value;
    const invalid = invalidOnly.value;
    const warnings = warningsOnly.value;
    const unplanned = unplannedOnly.value;
    const privacy = privacyOnly.value;
    return (record: MessageRecord): boolean => {
      if (chips.size && !chips.has(record.type as MessageType)) return false;
      if (invalid && record.validation.valid) return false;
      if (warnings && record.validation.warnings.length === 0) return false;
      if (unplanned && !isUnplanned(record.validation)) return false;
      if (privacy && !hasPrivacyFinding(record.validation)) return false;
      if (query.type !== undefined && record.type !== query.type) return false;
      if (query.name !== undefined && recordName(record) !== query.name) return false;
      if (!query.fields.every((term) => fieldMatches(record.payload, term))) return false;
      return needle === '' || searchText(record).includes(needle);
    };
  });

  return {
    text,
    types,
    invalidOnly,
    warningsOnly,
    unplannedOnly,
    privacyOnly,
    active,
    matches,
    toggleType(type: MessageType) {
      const next = new Set(types.value);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      types.value = next;
    },
    /** Keeps only the messages of one event (a Summary line, a Coverage rule): its type and name in the filter box. */
    showEvent(type: string, name: string | null) {
      text.value = eventFilter(text.value, type, name);
    },
    /** Keeps only the messages whose field at `path` holds a value (the JSON tree's Filter by this value). */
    showField(path: string, term: string) {
      text.value = withFieldTerm(text.value, path, term);
    },
    clear() {
      text.value = '';
      types.value = new Set();
      invalidOnly.value = false;
      warningsOnly.value = false;
      unplannedOnly.value = false;
      privacyOnly.value = false;
    },
  };
}

export type FilterStore = ReturnType<typeof createFilterStore>;

// Lower-cased once per record: a keystroke then only scans, it does not serialise 50,000 payloads.
const searchCache = new WeakMap<object, string>();

function searchText(record: MessageRecord): string {
  const key = record.payload !== null && typeof record.payload === 'object' ? record.payload : record;
  let text = searchCache.get(key);
  if (text === undefined) {
    const label = messageLabel(record.type, record.payload) ?? '';
    text = `${label}\n${JSON.stringify(record.payload) ?? ''}\n${record.undecodable?.reason ?? ''}`.toLowerCase();
    searchCache.set(key, text);
  }
  return text;
}
