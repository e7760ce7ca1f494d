/**
 * A payload field's path as the filter box reads it: `properties.seats`, `properties.items[0].sku`, and a key that
 * is not a plain word in brackets, `properties["plan name"]`. The JSON tree writes these (Copy path, Filter by this
 * value) and the filter reads them, so whatever the tree copies, the filter finds.
 */

/** One path segment: `.word` (or a leading word), `[0]`, or `["any key"]`. */
const SEGMENT = /\.?([A-Za-z_$\d][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
const WORD = /^[A-Za-z_$][\w$]*$/;
const DIGITS = /^\d+$/;

/** The keys of a path the filter box accepted (filter-query.ts's TOKEN): `a.b[0]["c d"]` is ['a', 'b', '0', 'c d']. */
export function parseFieldPath(path: string): string[] {
  const keys: string[] = [];
  SEGMENT.lastIndex = 0;
  for (let match = SEGMENT.exec(path); match; match = SEGMENT.exec(path)) {
    const [, word, index, quoted] = match;
    keys.push(word ?? index ?? (JSON.parse(quoted!) as string));
  }
  return keys;
}

/**
 * The path of the field at `keys` (from the payload's root; `inArray[i]` says whether keys[i] indexes an array):
 * array items as `[0]`, plain keys after a dot, any other key (spaces, dashes, a leading digit) as `["…"]`.
 */
export function fieldPath(keys: readonly string[], inArray: readonly boolean[]): string {
  return keys
    .map((key, i) => {
      if (inArray[i] && DIGITS.test(key)) return `[${key}]`;
      if (WORD.test(key)) return i === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}

/**
 * The filter term that keeps messages whose field holds this value: a string quoted (exactly that string), a
 * number, boolean or null bare (its JSON). Objects and arrays have no term: the filter compares single values.
 */
export function fieldTerm(path: string, value: unknown): string | null {
  if (typeof value === 'string') return `${path}:${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return `${path}:${String(value)}`;
  return null;
}

/** What Copy value writes: a string as itself (no quotes), anything else as its JSON, objects indented. */
export function copiedValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : String(value);
}
