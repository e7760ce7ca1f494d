/** webRequest's `requestBody` -> the core's RequestBody, or null when the browser exposed none. */
import type { WebRequest } from 'webextension-polyfill';
import type { RequestBody } from '../../core/body';

export function requestBodyOf(details: WebRequest.OnBeforeRequestDetailsType): RequestBody | null {
  const body = details.requestBody;
  // Chromium: a Blob body comes as `error: "Unknown error."` (see core/capture/body-join.ts).
  if (!body || body.error) return null;
  if (body.raw?.length) {
    const parts = body.raw.map((part) => part.bytes as ArrayBuffer | undefined);
    // A part backed by a file has no bytes to read.
    if (parts.some((part) => part === undefined)) return null;
    return { kind: 'bytes', parts: parts as ArrayBuffer[] };
  }
  if (body.formData) {
    // The polyfill types formData values as strings; both browsers hand over arrays of strings.
    const fields = body.formData as unknown as Record<string, string[]>;
    return { kind: 'form', fields };
  }
  return null;
}
