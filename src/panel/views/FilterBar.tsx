/** Text search, type chips, Invalid only, Warnings, Unplanned (with a plan), Privacy, with live counts. */
import type { Ref } from 'preact';
import { PrivacyChip } from './PrivacyChip';
import { TYPE_CHIPS } from '../store/filter-store';
import { usePanel } from '../store/context';

export function FilterBar({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const store = usePanel();
  const { filters } = store;
  const counts = store.counts.value;
  return (
    <div class="filter-bar">
      <input
        ref={inputRef}
        type="search"
        placeholder="Filter events and payloads  ( / )"
        aria-label="Filter"
        value={filters.text.value}
        onInput={(e) => (filters.text.value = e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            filters.text.value = '';
            e.currentTarget.blur();
          }
        }}
      />
      {TYPE_CHIPS.map((type) => (
        <button
          key={type}
          class="chip"
          aria-pressed={filters.types.value.has(type)}
          onClick={() => filters.toggleType(type)}
        >
          {type} <span class="count">{counts.byType[type]}</span>
        </button>
      ))}
      <span class="separator" />
      <button
        class="chip invalid"
        aria-pressed={filters.invalidOnly.value}
        onClick={() => (filters.invalidOnly.value = !filters.invalidOnly.value)}
      >
        Invalid only <span class="count">{counts.invalid}</span>
      </button>
      <button
        class="chip warning"
        aria-pressed={filters.warningsOnly.value}
        onClick={() => (filters.warningsOnly.value = !filters.warningsOnly.value)}
      >
        Warnings <span class="count">{counts.warnings}</span>
      </button>
      {(store.validation.value.plan || filters.unplannedOnly.value) && (
        <button
          class="chip unplanned"
          aria-pressed={filters.unplannedOnly.value}
          onClick={() => (filters.unplannedOnly.value = !filters.unplannedOnly.value)}
          title="Track events the tracking plan does not have"
        >
          Unplanned <span class="count">{counts.unplanned}</span>
        </button>
      )}
      <PrivacyChip />
      <span class="shown">
        {filters.active.value ? `${counts.shown} of ${counts.total} messages` : `${counts.total} messages`}
      </span>
    </div>
  );
}
