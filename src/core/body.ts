/**
 * Request bodies as the capture layers hand them over, and their conversion to text.
 * Untrusted input: never throws, and says in plain words why a body cannot be read.
 */

export type RequestBody =
  /** Raw pieces, as webRequest's `requestBody.raw[].bytes` hands them over. */
  | { readonly kind: 'bytes'; readonly parts: readonly (ArrayBuffer | Uint8Array)[] }
  | { readonly kind: 'text'; readonly text: string }
  /** A parsed form, as webRequest's `requestBody.formData`. */
  | { readonly kind: 'form'; readonly fields: Readonly<Record<string, readonly string[]>> }
  /** No body could be obtained; `reason` says why (shown to the user). */
  | { readonly kind: 'missing'; readonly reason: string };

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export type BodyText =
  /**
   * `bytes`: the UTF-8 size; undefined for a body handed over as text and not measured, which is then under the 5 MB
   * limit and at least as many bytes as its length (decode measures it as far as the size limits need: sizeForLimits).
   */
  | { readonly ok: true; readonly text: string; readonly bytes: number | undefined }
  | { readonly ok: false; readonly reason: string; readonly bytes: number; readonly preview: string };

const decoder = new TextDecoder('utf-8', { fatal: false }); // invalid UTF-8 becomes U+FFFD, never a throw

export function bodyToText(body: RequestBody): BodyText {
  switch (body.kind) {
    case 'missing':
      return { ok: false, reason: body.reason, bytes: 0, preview: '' };
    case 'text':
      return checkText(body.text, body.text.length * 3 > MAX_BODY_BYTES ? utf8ByteLength(body.text) : undefined);
    case 'form':
      return formToText(body.fields);
    case 'bytes':
      return bytesToText(body.parts);
  }
}

/** The body's text, or null when it cannot be read as text (what a page report is compared by). */
export function textOrNull(body: RequestBody): string | null {
  const text = bodyToText(body);
  return text.ok ? text.text : null;
}

function bytesToText(parts: readonly (ArrayBuffer | Uint8Array)[]): BodyText {
  const bytes = concat(parts);
  if (bytes.length > MAX_BODY_BYTES) return tooLarge(bytes.length);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    return {
      ok: false,
      reason: 'body is gzip-compressed; it cannot be read as JSON',
      bytes: bytes.length,
      preview: '',
    };
  }
  if (looksBinary(bytes)) {
    return { ok: false, reason: 'body is binary data, not text', bytes: bytes.length, preview: '' };
  }
  return checkText(decoder.decode(bytes), bytes.length);
}

function checkText(text: string, bytes: number | undefined): BodyText {
  if (bytes !== undefined && bytes > MAX_BODY_BYTES) return tooLarge(bytes);
  if (!/\S/.test(text)) return { ok: false, reason: 'body is empty', bytes: bytes ?? sizeForLimits(text), preview: '' };
  return { ok: true, text, bytes };
}

function formToText(fields: Readonly<Record<string, readonly string[]>>): BodyText {
  const names = Object.keys(fields);
  for (const values of Object.values(fields)) {
    for (const value of values) {
      if (value.trimStart().startsWith('{')) return checkText(value, sizeForLimits(value));
    }
  }
  const listed = names.length ? names.join(', ') : 'none';
  return {
    ok: false,
    reason: `body is form data (fields: ${listed}) with no JSON payload in it`,
    bytes: 0,
    preview: '',
  };
}

function tooLarge(bytes: number): BodyText {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return { ok: false, reason: `body is ${mb} MB, over the 5 MB limit; not decoded`, bytes, preview: '' };
}

function concat(parts: readonly (ArrayBuffer | Uint8Array)[]): Uint8Array {
  const views = parts.map((p) => (p instanceof Uint8Array ? p : new Uint8Array(p)));
  if (views.length === 1) return views[0] as Uint8Array;
  const out = new Uint8Array(views.reduce((n, v) => n + v.length, 0));
  let offset = 0;
  for (const view of views) {
    out.set(view, offset);
    offset += view.length;
  }
  return out;
}

/** NUL bytes or many control characters in the first KB: text bodies have neither. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length / 10;
}

/** Smallest size any rule cares about (lint.ts LIMITS.messageBytes, the 32 KB message limit). */
const SMALLEST_LIMIT_BYTES = 32 * 1024;
/** lint.ts LIMITS.batchBytes, the 500 KB batch limit. */
const BATCH_LIMIT_BYTES = 500 * 1024;

/**
 * A text's UTF-8 size as far as the size limits can tell (its length in UTF-16 units is a lower bound, 3 times it an
 * upper bound): exact whenever a limit's warning could print it or only the exact size tells which side of a limit
 * it is on; else its length, on the same side of every limit. So a text under a third of the smallest limit is not
 * measured, nor a batch longer than the message limit and under a third of the batch limit: over the one and under
 * the other whatever its exact size, and the message limit then has its entries measured one by one. Measuring
 * every body exactly cost a quarter of the decode time, for no validation it could change.
 */
export function sizeForLimits(text: string, isBatch = false): number {
  const length = text.length;
  if (length * 3 <= SMALLEST_LIMIT_BYTES) return length;
  if (isBatch && length > SMALLEST_LIMIT_BYTES && length * 3 <= BATCH_LIMIT_BYTES) return length;
  return utf8ByteLength(text);
}

// eslint-disable-next-line no-control-regex -- every character above ASCII, NUL included in the range on purpose
const NON_ASCII = /[^\x00-\x7f]/;

export function utf8ByteLength(text: string): number {
  if (!NON_ASCII.test(text)) return text.length; // the common case, scanned natively
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
