/**
 * What the panel saves: an NDJSON export (`track-inspector-<host>-<yyyymmdd-hhmmss>.ndjson`, in the
 * core's NDJSON format; `…-redacted.ndjson` for a redacted one) and a drafted tracking plan
 * (`tracking-plan-<host>-<yyyymmdd-hhmmss>.json`).
 */
import { toNdjsonChunks } from '../core/ndjson';
import type { MessageRecord } from '../core/record';

export function exportFileName(pageUrl: string, at: Date): string {
  return `track-inspector-${hostPart(pageUrl)}-${stamp(at)}.ndjson`;
}

/** A redacted export says so in its name: a file of it is told from a raw one before it is opened. */
export function redactedExportFileName(pageUrl: string, at: Date): string {
  return `track-inspector-${hostPart(pageUrl)}-${stamp(at)}-redacted.ndjson`;
}

export function draftPlanFileName(pageUrl: string, at: Date): string {
  return `tracking-plan-${hostPart(pageUrl)}-${stamp(at)}.json`;
}

function hostPart(pageUrl: string): string {
  try {
    return new URL(pageUrl).host.replace(/[^a-z0-9.-]+/gi, '_') || 'capture';
  } catch {
    return 'capture'; // imported or unknown page: the generic name
  }
}

function stamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  return `${date}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

export function downloadNdjson(records: readonly MessageRecord[], fileName: string): void {
  download(new Blob(toNdjsonChunks(records), { type: 'application/x-ndjson' }), fileName);
}

export function downloadJson(text: string, fileName: string): void {
  download(new Blob([text], { type: 'application/json' }), fileName);
}

/** Saves through a download link: works in DevTools panels and ordinary extension pages alike. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
