/** Export: `track-inspector-<host>-<yyyymmdd-hhmmss>.ndjson`, in the core's NDJSON format. */
import { toNdjsonChunks } from '../core/ndjson';
import type { MessageRecord } from '../core/record';

export function exportFileName(pageUrl: string, at: Date): string {
  let host = 'capture';
  try {
    host = new URL(pageUrl).host.replace(/[^a-z0-9.-]+/gi, '_') || host;
  } catch {
    /* imported or unknown page: keep the generic name */
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `track-inspector-${host}-${stamp}.ndjson`;
}

/** Saves through a download link: works in DevTools panels and ordinary extension pages alike. */
export function downloadNdjson(records: readonly MessageRecord[], fileName: string): void {
  const url = URL.createObjectURL(new Blob(toNdjsonChunks(records), { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
