/**
 * A file that is one JSON document rather than NDJSON: an array of messages, or one message written
 * over several lines (pretty-printed). Read line by line, each of its lines would be "not valid JSON".
 */

const BOM = '\uFEFF';

/**
 * Whether the start of a file says it is one JSON document: it opens an array, or its first line
 * opens an object that the line does not close.
 */
export function looksLikeJsonDocument(head: string): boolean {
  const text = head.startsWith(BOM) ? head.slice(1) : head;
  const start = text.trimStart();
  if (start.startsWith('[')) return true;
  if (!start.startsWith('{')) return false;
  const firstLine = start.split('\n', 1)[0] ?? '';
  try {
    JSON.parse(firstLine);
    return false; // a whole object on its line: NDJSON
  } catch {
    return true;
  }
}

/** The messages of a JSON document (each element of an array, or the one object); null when it is not one. */
export function jsonDocumentItems(text: string): readonly unknown[] | null {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text);
  } catch {
    return null;
  }
  if (Array.isArray(value)) return value as unknown[];
  return typeof value === 'object' && value !== null ? [value] : null;
}
