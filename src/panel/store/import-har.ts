/**
 * A HAR file opened in the panel: read as it streams from disk (a long session's HAR is hundreds
 * of megabytes), its tracking calls turned into records as live capture turns them, with the
 * user's extra hosts, Strict mode and plan. Progress is reported as the file is read.
 */
import type { HostPattern } from '../../core/endpoints';
import { createHarReader } from '../../core/har/har-reader';
import type { HarPage } from '../../core/har/har-entry';
import { harEntryReader } from '../../core/har/har-records';
import type { MessageRecord } from '../../core/record';
import { withFormParams } from '../../har-multipart';
import type { ValidationMode } from '../../validation-settings';
import { sessionOf, type ImportedSession } from './import-session';

/** Whether a file is a HAR: by its name, or by how it starts (one JSON object whose first key is "log"). */
export async function isHarFile(file: Blob & { readonly name: string }): Promise<boolean> {
  if (/\.har$/i.test(file.name)) return true;
  return /^\uFEFF?\s*\{\s*"log"\s*:/.test(await file.slice(0, 1024).text());
}

export async function importHar(
  file: Blob & { readonly name: string },
  settings: { readonly strict: boolean; readonly mode: ValidationMode; readonly hosts: readonly HostPattern[] },
  onProgress: (fraction: number) => void,
): Promise<ImportedSession> {
  const readEntry = harEntryReader({ strict: settings.strict, plan: settings.mode.plan, hosts: settings.hosts });
  const records: MessageRecord[] = [];
  let pending: { entry: unknown; index: number; pages: ReadonlyMap<string, HarPage> }[] = [];
  const reader = createHarReader((entry, index, pages) => pending.push({ entry, index, pages }));
  const handOver = async () => {
    const entries = pending;
    pending = [];
    for (const { entry, index, pages } of entries) {
      const item = readEntry(await withFormParams(entry), index, pages);
      if (item?.kind === 'records') records.push(...item.records);
    }
  };
  let read = 0;
  const chunks = file.stream().getReader();
  for (let next = await chunks.read(); !next.done; next = await chunks.read()) {
    reader.write(next.value);
    await handOver();
    read += next.value.byteLength;
    onProgress(file.size ? read / file.size : 1);
  }
  const problem = reader.end();
  await handOver();
  return sessionOf(file.name, records, problem ? [{ message: problem }] : [], settings.strict, settings.mode);
}
