/**
 * Export NDJSON, Export NDJSON (redacted) and Draft tracking plan: they save what the timeline shows, and say what they
 * saved.
 */
import { draftDoubts } from '../core/plan/infer/draft-doubts';
import { createPlanDraft } from '../core/plan/infer/draft-plan';
import { downloadJson, downloadNdjson, draftPlanFileName, exportFileName, redactedExportFileName } from './export-file';
import { recordsToExport } from './store/export-selection';
import type { PanelStore } from './store/panel-store';
import { redactedRecords } from './store/redacted-records';

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

/** `42 messages`, or with a filter on `3 of 42 messages (filtered)`. */
function exportedMessages(store: PanelStore, exported: number): string {
  const { total } = store.counts.value;
  return store.filters.active.value
    ? `${exported.toLocaleString('en')} of ${plural(total, 'message')} (filtered)`
    : plural(exported, 'message');
}

export function exportShown(store: PanelStore, pageUrl: string, at: Date): void {
  const records = recordsToExport(store.rows.value);
  const fileName = exportFileName(pageUrl, at);
  downloadNdjson(records, fileName);
  store.status.say(`Exported ${exportedMessages(store, records.length)} to ${fileName}`);
}

/** The shown messages with every value the privacy guard flags replaced by its token, as `track-inspector redact`. */
export function exportShownRedacted(store: PanelStore, pageUrl: string, at: Date): void {
  const redacted = redactedRecords(recordsToExport(store.rows.value), store.validation.value.privacy);
  const fileName = redactedExportFileName(pageUrl, at);
  downloadNdjson(redacted.records, fileName);
  const { values, messages } = redacted;
  const what = `${plural(values, 'value')} redacted in ${plural(messages, 'message')}`;
  store.status.say(`Exported ${exportedMessages(store, redacted.records.length)} to ${fileName}, ${what}`);
}

export function draftFromShown(store: PanelStore, pageUrl: string, at: Date): void {
  const draft = createPlanDraft();
  for (const record of recordsToExport(store.rows.value)) draft.add(record);
  const fileName = draftPlanFileName(pageUrl, at);
  downloadJson(draft.json(), fileName);
  const rules = draft.plan().rules.length;
  // Only track, identify and group messages make rules: pages alone make an empty plan, and the user should know.
  const why = rules === 0 ? ' (no track, identify or group messages shown)' : '';
  const doubts = draftDoubts(draft.plan());
  const check = doubts.length ? `. Check: ${doubts.join('; ')}` : '';
  store.status.say(`Drafted a plan with ${plural(rules, 'rule')}${why}: ${fileName}${check}`);
}
