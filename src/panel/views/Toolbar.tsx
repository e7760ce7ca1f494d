/**
 * Clear, Preserve log, Strict mode, the Timeline/Summary/Coverage switch, Export NDJSON (raw or redacted), Import (NDJSON
 * or HAR), Draft tracking plan, the active plan, and what the last export or draft saved.
 */
import { useRef } from 'preact/hooks';
import { draftFromShown, exportShown, exportShownRedacted } from '../save-shown';
import { usePanel } from '../store/context';
import type { PanelView } from '../store/panel-store';
import { importFile } from '../store/import-file';
import { PlanStatus } from './PlanStatus';
import { ToolbarStatus } from './ToolbarStatus';

const VIEWS: readonly (readonly [PanelView, string])[] = [
  ['timeline', 'Timeline'],
  ['summary', 'Summary'],
  ['coverage', 'Coverage'],
];

export function Toolbar({ pageUrl }: { pageUrl: () => string }) {
  const store = usePanel();
  const fileInput = useRef<HTMLInputElement>(null);
  const filtered = store.filters.active.value;

  async function importChosen(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    input.value = ''; // choosing the same file again imports it again
    await importFile(store, file);
  }

  return (
    <div class="toolbar" role="toolbar">
      <button onClick={() => store.clear()} title="Clear the timeline of this tab">
        Clear
      </button>
      <label title="Keep messages across navigations (off: a navigation clears the view, like the Network panel)">
        <input
          type="checkbox"
          checked={store.preserveLog.value}
          onChange={(e) => (store.preserveLog.value = e.currentTarget.checked)}
        />{' '}
        Preserve log
      </label>
      <label title="Validate payloads exactly as sent: a null userId is an error, not read as absent">
        <input
          type="checkbox"
          checked={store.strict.value}
          onChange={(e) => (store.strict.value = e.currentTarget.checked)}
        />{' '}
        Strict mode
      </label>
      <span class="separator" />
      <div class="segmented" role="tablist">
        {VIEWS.map(([view, label]) => (
          <button
            key={view}
            role="tab"
            aria-selected={store.view.value === view}
            onClick={() => (store.view.value = view)}
          >
            {label}
          </button>
        ))}
      </div>
      <span class="separator" />
      <button
        onClick={() => exportShown(store, pageUrl(), new Date())}
        title={filtered ? 'Export the rows the filter shows' : 'Export every row'}
        disabled={store.counts.value.shown === 0}
      >
        Export NDJSON
      </button>
      <button
        class="export-redacted"
        onClick={() => exportShownRedacted(store, pageUrl(), new Date())}
        title={
          'Export with every value the privacy guard flags replaced by [redacted:kind:hash], as ' +
          'track-inspector redact writes it; the capture in the panel stays as it is'
        }
        disabled={store.counts.value.shown === 0}
      >
        Export NDJSON (redacted)
      </button>
      <button
        onClick={() => fileInput.current?.click()}
        title="Open an NDJSON export, a file of payloads, or a HAR file as its own session (or drop one on the panel)"
      >
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".ndjson,.jsonl,.json,.txt,.har,application/x-ndjson"
        hidden
        onChange={(event) => void importChosen(event)}
        aria-label="NDJSON or HAR file to import"
      />
      <button
        onClick={() => draftFromShown(store, pageUrl(), new Date())}
        title={
          'Download a tracking plan drafted from the messages shown (Segment Public API format): ' +
          'one rule per event, property types as observed'
        }
        disabled={store.counts.value.shown === 0}
      >
        Draft tracking plan
      </button>
      <span class="separator" />
      <PlanStatus />
      {store.dropped.value > 0 && (
        <span class="dropped">{store.dropped.value.toLocaleString('en')} older messages dropped (buffer full)</span>
      )}
      <ToolbarStatus />
    </div>
  );
}
