/**
 * The UTF-8 size of a value as JSON, measured only when it could pass a limit. Serialising every
 * batch entry to learn that it is far below 32 KB cost more than validating it: a walk that adds up
 * an upper bound settles almost every entry without building a string.
 */
import { utf8ByteLength } from './body';

/** Past this depth the bound gives up and the exact measure decides (as JSON.stringify would). */
const MAX_BOUND_DEPTH = 200;
/** The longest number JSON.stringify writes: "-1.7976931348623157e+308". */
const MAX_NUMBER_CHARS = 24;
/** A UTF-16 unit becomes at most 6 bytes of JSON: "\u001f" (a surrogate pair is 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 6;

/** The UTF-8 size of `JSON.stringify(value)` when it is over `limit`; 0 when it is not. */
export function jsonBytesOver(value: unknown, limit: number): number {
  if (upperBound(value, limit, 0) <= limit) return 0;
  const bytes = utf8ByteLength(JSON.stringify(value) ?? '');
  return bytes > limit ? bytes : 0;
}

/** An upper bound of the JSON's UTF-8 size; anything over `budget` (or not plain JSON data) stops the walk early. */
function upperBound(value: unknown, budget: number, depth: number): number {
  switch (typeof value) {
    case 'string':
      return 2 + MAX_BYTES_PER_UNIT * value.length;
    case 'number':
      return MAX_NUMBER_CHARS;
    case 'boolean':
    case 'undefined':
      return 5;
    case 'object':
      return value === null ? 4 : containerBound(value, budget, depth);
    default:
      return Infinity; // bigint, functions, symbols: leave them to JSON.stringify
  }
}

function containerBound(value: object, budget: number, depth: number): number {
  if (depth > MAX_BOUND_DEPTH || typeof (value as { toJSON?: unknown }).toJSON === 'function') return Infinity;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      bytes += 1 + scalarOrNested(item, budget, depth);
      if (bytes > budget) return bytes;
    }
    return bytes;
  }
  const record = value as Record<string, unknown>;
  // for-in, not Object.keys: no array per object. Inherited enumerable keys would only raise the bound.
  for (const key in record) {
    // "key": value, — quotes, colon and comma around the key's own bound
    bytes += 4 + MAX_BYTES_PER_UNIT * key.length + scalarOrNested(record[key], budget, depth);
    if (bytes > budget) return bytes;
  }
  return bytes;
}

/** Strings and numbers, most of any payload, without a call; containers one level down. */
function scalarOrNested(value: unknown, budget: number, depth: number): number {
  if (typeof value === 'string') return 2 + MAX_BYTES_PER_UNIT * value.length;
  if (typeof value === 'number') return MAX_NUMBER_CHARS;
  return upperBound(value, budget, depth + 1);
}
