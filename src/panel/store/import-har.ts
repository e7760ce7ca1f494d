/**
 * A HAR file opened in the panel: read as it streams from disk (a long session's HAR is hundreds
 * of megabytes), its tracking calls turned into records as live capture turns them, with the
 * user's extra hosts, Strict mode, plan and privacy guard. Progress is reported as the file is read.
 */
import type { HostPattern } from '../../core/endpoints';
import { looksLikeHar } from '../../core/har/har-reader';
import { harEntryReader } from '../../core/har/har-records';
import type { MessageRecord } from '../../core/record';
import { readHarStream } from '../../shared/har-stream';
import type { ValidationMode } from '../../shared/settings/validation-mode';
import { sessionOf, type ImportedSession } from './import-session';

/** Whether a file is a HAR: by its name, or by how it starts (one JSON object whose first key is "log"). */
export async function isHarFile(file: Blob & { readonly name: string }): Promise<boolean> {
  return looksLikeHar(file.name, await file.slice(0, 1024).text());
}

export async function importHar(
  file: Blob & { readonly name: string },
  settings: { readonly strict: boolean; readonly mode: ValidationMode; readonly hosts: readonly HostPattern[] },
  onProgress: (fraction: number) => void,
): Promise<ImportedSession> {
  const { strict, mode, hosts } = settings;
  const readEntry = harEntryReader({ strict, checker: mode.checker, privacy: mode.privacy, hosts });
  const records: MessageRecord[] = [];
  let read = 0;
  const problem = await readHarStream(
    streamed(file),
    (entry, index, pages) => {
      const item = readEntry(entry, index, pages);
      if (item?.kind === 'records') records.push(...item.records);
    },
    (bytes) => onProgress(file.size ? (read += bytes) / file.size : 1),
  );
  return sessionOf(file.name, records, problem ? [{ message: problem }] : [], settings.strict, settings.mode);
}

/** A file's bytes as they are read from disk. */
async function* streamed(file: Blob): AsyncIterable<Uint8Array> {
  const chunks = file.stream().getReader();
  for (let next = await chunks.read(); !next.done; next = await chunks.read()) yield next.value;
}
