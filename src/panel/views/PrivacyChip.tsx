/**
 * The Privacy chip: the messages with personal data or a secret, counted; its title says how the session on show was
 * guarded (the options page's mode and allow rules).
 */
import type { PrivacySummary } from '../../shared/protocol';
import { usePanel } from '../store/context';

const MODE_WORDS: Readonly<Record<PrivacySummary['mode'], string>> = {
  warn: "The privacy guard's findings are warnings",
  error: "The privacy guard's findings are errors",
  off: 'The privacy guard is off (options page)',
};

export function privacyChipTitle({ mode, allow }: PrivacySummary): string {
  const allowed = allow.length ? `; allowed: ${allow.join('; ')}` : '';
  return `Messages with personal data or a secret. ${MODE_WORDS[mode]}${allowed}`;
}

export function PrivacyChip() {
  const store = usePanel();
  const { filters } = store;
  const { privacy } = store.validation.value;
  const count = store.counts.value.privacy;
  // With the guard off there is nothing to filter by: no chip, unless it is on, so it can be turned off.
  if (privacy.mode === 'off' && !filters.privacyOnly.value && count === 0) return null;
  return (
    <button
      class="chip privacy"
      aria-pressed={filters.privacyOnly.value}
      onClick={() => (filters.privacyOnly.value = !filters.privacyOnly.value)}
      title={privacyChipTitle(privacy)}
    >
      Privacy <span class="count">{count}</span>
    </button>
  );
}
