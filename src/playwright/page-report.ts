/**
 * A report from the page reporter (page-reporter.ts), read as untrusted input: the page's own
 * scripts can call the binding too. Anything malformed is dropped; a report only ever adds a call
 * the page says it sent, which is what the page's network request would have shown.
 */
import type { RequestBody } from '../core/body';
import { isPlainObject } from '../core/types';

export type PageReport =
  /** A document starts: its token, so the reports it beacons while going away can be placed. */
  | { readonly kind: 'hello'; readonly document: string; readonly page: string }
  | {
      readonly kind: 'call';
      /** Unique per report: one that came both by binding and by beacon counts once. */
      readonly id: string;
      readonly document: string;
      readonly url: string;
      readonly method: string;
      readonly body: RequestBody | null;
      /** The request the browser shows Playwright carries this body too (page-reporter.ts, shownToPlaywright). */
      readonly visible: boolean;
      /** When the page sent it (Date.now() in the page). */
      readonly at: number;
      /** The sending document's URL when it sent the call. */
      readonly page: string;
    };

export function readPageReport(json: unknown): PageReport | null {
  if (typeof json !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isPlainObject(value)) return null;
  const { kind, id, document, url, method, at, page, visible } = value;
  if (typeof document !== 'string' || typeof page !== 'string') return null;
  if (kind === 'hello') return { kind, document, page };
  if (kind !== 'call' || typeof id !== 'string' || typeof url !== 'string' || typeof method !== 'string') return null;
  if (typeof at !== 'number' || typeof visible !== 'boolean') return null;
  const body = readBody(value['body']);
  return body === undefined ? null : { kind, id, document, url, method, at, page, body, visible };
}

/** The body, null when the page could not read it, undefined when the report is malformed. */
function readBody(body: unknown): RequestBody | null | undefined {
  if (body === null) return null;
  if (!isPlainObject(body)) return undefined;
  if (body['kind'] === 'text' && typeof body['text'] === 'string') return { kind: 'text', text: body['text'] };
  if (body['kind'] !== 'form' || !isPlainObject(body['fields'])) return undefined;
  const fields: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(body['fields'])) {
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined;
    fields[name] = values;
  }
  return { kind: 'form', fields };
}
