/** Export NDJSON and Draft tracking plan: they save what the timeline shows, and say what they saved. */
import { draftDoubts } from '../core/plan/infer/draft-doubts';
import { createPlanDraft } from '../core/plan/infer/draft-plan';
import { downloadJson, downloadNdjson, draftPlanFileName, exportFileName } from './export-file';
import { recordsToExport } from './store/export-selection';
import type { PanelStore } from './store/panel-store';

const plural = (count: number, noun: string) => `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;

export function exportShown(store: PanelStore, pageUrl: string, at: Date): void {
  const records = recordsToExport(store.rows.value);
  const fileName = exportFileName(pageUrl, at);
  downloadNdjson(records, fileName);
  const { total } = store.counts.value;
  const what = store.filters.active.value
    ? `${records.length.toLocaleString('en')} of ${plural(total, 'message')} (filtered)`
    : plural(records.length, 'message');
  store.status.say(`Exported ${what} to ${fileName}`);
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
