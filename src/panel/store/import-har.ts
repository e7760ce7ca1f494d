/**
 * A HAR file opened in the panel: read as it streams from disk (a long session's HAR is hundreds
 * of megabytes), its tracking calls turned into records as live capture turns them, with the
 * user's extra hosts, Strict mode and plan. Progress is reported as the file is read.
 */
import type { HostPattern } from '../../core/endpoints';
import { createHarReader } from '../../core/har/har-reader';
import type { HarPage } from '../../core/har/har-entry';
import { createHarRecorder } from '../../core/har/har-records';
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
  const toRecords = createHarRecorder({ strict: settings.strict, plan: settings.mode.plan, hosts: settings.hosts });
  const records: MessageRecord[] = [];
  let pending: { entry: unknown; pages: ReadonlyMap<string, HarPage> }[] = [];
  const reader = createHarReader((entry, _index, pages) => pending.push({ entry, pages }));
  const handOver = async () => {
    const entries = pending;
    pending = [];
    for (const { entry, pages } of entries) records.push(...(toRecords(await withFormParams(entry), pages) ?? []));
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
