/**
 * A HAR file read as its chunks arrive, entry by entry, for the CLI and the panel alike (core/har
 * does the parsing; this adds what needs the platform, and the waiting).
 *
 * A HAR writer may keep a multipart/form-data body (a `sendBeacon` of a FormData) only as its raw
 * text, without the parsed `params`. This parses it with the platform's own multipart parser
 * (`Response.formData()`, in Node 18+ and every browser) into the `params` the core reads, so such a
 * call reads as live capture reads it (webRequest hands the form over parsed). Outside src/core
 * because it uses that platform API, and it is asynchronous.
 */
import type { HarPage } from '../core/har/har-entry';
import { createHarReader } from '../core/har/har-reader';

/**
 * Hands each of `log.entries` to `onEntry` (its form parsed), waiting for it before the next; after
 * each chunk, `onChunk` with its size. Resolves with why the file could not be read, or null.
 */
export async function readHarStream(
  chunks: AsyncIterable<string | Uint8Array>,
  onEntry: (entry: unknown, index: number, pages: ReadonlyMap<string, HarPage>) => Promise<void> | void,
  onChunk: (bytes: number) => void = () => undefined,
): Promise<string | null> {
  let pending: { entry: unknown; index: number; pages: ReadonlyMap<string, HarPage> }[] = [];
  const reader = createHarReader((entry, index, pages) => pending.push({ entry, index, pages }));
  const handOver = async () => {
    const entries = pending;
    pending = [];
    for (const { entry, index, pages } of entries) await onEntry(await withFormParams(entry), index, pages);
  };
  for await (const chunk of chunks) {
    reader.write(chunk);
    await handOver();
    onChunk(typeof chunk === 'string' ? chunk.length : chunk.byteLength);
  }
  const problem = reader.end();
  await handOver();
  return problem;
}

async function withFormParams(entry: unknown): Promise<unknown> {
  const request = (
    entry as { request?: { postData?: { mimeType?: unknown; text?: unknown; params?: unknown } } } | null
  )?.request;
  const postData = request?.postData;
  if (typeof postData?.mimeType !== 'string' || !/^multipart\/form-data/i.test(postData.mimeType)) return entry;
  if (
    typeof postData.text !== 'string' ||
    postData.text === '' ||
    (Array.isArray(postData.params) && postData.params.length > 0)
  )
    return entry;
  try {
    const form = await new Response(postData.text, { headers: { 'Content-Type': postData.mimeType } }).formData();
    const params = [...form].flatMap(([name, value]) => (typeof value === 'string' ? [{ name, value }] : []));
    return { ...(entry as object), request: { ...request, postData: { ...postData, params } } };
  } catch {
    return entry; // not the multipart it says it is: the core reports the text as it is
  }
}
