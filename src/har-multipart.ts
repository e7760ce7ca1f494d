/**
 * A HAR writer may keep a multipart/form-data body (a `sendBeacon` of a FormData) only as its raw
 * text, without the parsed `params`. This parses it with the platform's own multipart parser
 * (`Response.formData()`, in Node 18+ and every browser) into the `params` the core reads, so such a
 * call reads as live capture reads it (webRequest hands the form over parsed). Shared by the CLI
 * and the panel; outside src/core because it uses that platform API, and it is asynchronous.
 */
export async function withFormParams(entry: unknown): Promise<unknown> {
  const request = (entry as { request?: { postData?: { mimeType?: unknown; text?: unknown; params?: unknown } } } | null)?.request;
  const postData = request?.postData;
  if (typeof postData?.mimeType !== 'string' || !/^multipart\/form-data/i.test(postData.mimeType)) return entry;
  if (typeof postData.text !== 'string' || postData.text === '' || (Array.isArray(postData.params) && postData.params.length > 0)) return entry;
  try {
    const form = await new Response(postData.text, { headers: { 'Content-Type': postData.mimeType } }).formData();
    const params = [...form].flatMap(([name, value]) => (typeof value === 'string' ? [{ name, value }] : []));
    return { ...(entry as object), request: { ...request, postData: { ...postData, params } } };
  } catch {
    return entry; // not the multipart it says it is: the core reports the text as it is
  }
}
