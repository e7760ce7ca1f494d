/** Copy as JSON and as cURL. */
import type { MessageRecord } from '../core/record';

export function asJson(record: MessageRecord): string {
  return JSON.stringify(record.payload, null, 2);
}

/** A cURL that re-sends this one message: a batch entry goes as a batch of one, with what it inherited. */
export function asCurl(record: MessageRecord): string {
  const body = record.batch ? { batch: [record.payload], ...record.batch.inherited } : record.payload;
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return [
    `curl ${quote(record.request.url)}`,
    `-X ${record.request.method}`,
    `-H 'Content-Type: application/json'`,
    `--data-raw ${quote(JSON.stringify(body))}`,
  ].join(' \\\n  ');
}

/**
 * Writes text to the clipboard. DevTools panels may refuse the async Clipboard API (no
 * clipboard-write permission in their frame); the selection-based copy works there.
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
