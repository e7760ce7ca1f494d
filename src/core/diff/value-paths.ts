/**
 * The paths of a message's fields with the JSON type of the value at each, as a capture diff compares them.
 *
 * Notation (docs/coverage.md): the field's name, then each object key after a dot, `[]` for the items of an array,
 * whichever item: `properties.items[].sku`. A key that is not a plain name (it has a space, a dot, a bracket, a quote,
 * or starts with a digit) is written as a JSON string in brackets: `properties["first name"]`, `traits["a.b"]`, so
 * that no two fields share a path. Every level is a path: `properties.items` (array), `properties.items[]` (object),
 * `properties.items[].sku` (string).
 *
 * Types are JSON's, with whole numbers apart: `string`, `integer`, `number`, `boolean`, `object`, `array`, `null`.
 */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** Below this many levels nothing is looked at: it bounds the work on hostile nesting, and the recursion with it. */
export const MAX_PATH_DEPTH = 32;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

export function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'object':
      return 'object';
    default:
      return undefined; // what JSON cannot carry (a value of a payload built in memory, not parsed)
  }
}

export function childPath(parent: string, key: string): string {
  return PLAIN_KEY.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** Calls `visit` for every path under `value` (itself at `path`), depth first; `visit` returns false to stop. */
export function visitPaths(
  value: unknown,
  path: string,
  visit: (path: string, type: JsonType) => boolean,
  depth = 0,
): boolean {
  const type = jsonTypeOf(value);
  if (type === undefined) return true;
  if (!visit(path, type)) return false;
  if (depth >= MAX_PATH_DEPTH) return true;
  if (type === 'array') {
    const items = `${path}[]`;
    for (const item of value as readonly unknown[]) if (!visitPaths(item, items, visit, depth + 1)) return false;
  } else if (type === 'object') {
    const object = value as Readonly<Record<string, unknown>>;
    for (const key in object) if (!visitPaths(object[key], childPath(path, key), visit, depth + 1)) return false;
  }
  return true;
}
