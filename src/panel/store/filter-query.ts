/**
 * The filter box's text: free words searched in names and payloads; `type:track name:"Order Completed"`, which
 * keep one event exactly (as the Network panel's `method:POST`); and a field of the payload, `properties.seats:3`,
 * `event:"Signed Up"`, `context.page.path:/pricing`. A click on a Summary line writes `type:` and `name:`, so the
 * box shows what the timeline is filtered by and Esc clears it.
 */
import { parseFieldPath } from './field-path';

export interface FieldTerm {
  /** The field's path in the payload: `properties.seats` is ['properties', 'seats'], `items[0]` is ['items', '0']. */
  readonly path: readonly string[];
  /** What the field must be: a quoted value is a string exactly; a bare one is also the field's JSON (3, true, null). */
  readonly value: string;
  readonly quoted: boolean;
}

export interface FilterQuery {
  /** The free words, lower-cased: searched in the name and the payload's text. */
  readonly words: string;
  readonly type?: string;
  /** The row's name exactly as shown (case and all: "Signed up" is not "Signed Up"). */
  readonly name?: string;
  readonly fields: readonly FieldTerm[];
}

/**
 * `key:value`: a key is `type`, `name` or a field path (`properties.seats`, `items[0].sku`, `properties["a b"]`); the value a JSON string
 * (with spaces or quotes) or a word. `https://…` is a word: a key is never followed by `//`.
 */
const TOKEN =
  /(^|\s)((?:[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])(?:\.[\w$]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*):(?!\/\/)("(?:[^"\\]|\\.)*"|\S+)/g;
const EVENT_KEYS = /^(type|name)$/i;

export function parseFilter(text: string): FilterQuery {
  let type: string | undefined;
  let name: string | undefined;
  const fields: FieldTerm[] = [];
  const words = text.replace(TOKEN, (_match, _space: string, key: string, value: string) => {
    if (key.toLowerCase() === 'type') type = unquote(value).toLowerCase();
    else if (key.toLowerCase() === 'name') name = unquote(value);
    else
      fields.push({
        path: parseFieldPath(key),
        value: unquote(value),
        quoted: value.startsWith('"'),
      });
    return '';
  });
  return {
    words: words.trim().toLowerCase(),
    ...(type !== undefined && { type }),
    ...(name !== undefined && { name }),
    fields,
  };
}

/** Whether the payload's field holds what the term asks: the string itself, or (a bare value) its JSON too. */
export function fieldMatches(payload: unknown, term: FieldTerm): boolean {
  let value: unknown = payload;
  for (const key of term.path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return value === term.value;
  return !term.quoted && value !== undefined && JSON.stringify(value) === term.value;
}

/**
 * The filter text that keeps only `type` messages named `name` (any name when null: a plan's identify rule meets every
 * identify), and the free words `text` had.
 */
export function eventFilter(text: string, type: string, name: string | null): string {
  // The free words and field terms stay; only an earlier type: and name: go.
  const words = text.replace(TOKEN, (match, _space: string, key: string) => (EVENT_KEYS.test(key) ? '' : match)).trim();
  return `${words ? `${words} ` : ''}type:${type}${name === null ? '' : ` name:${JSON.stringify(name)}`}`;
}

/** The filter text with `term` (`path:value`, from field-path.ts's fieldTerm) in place of an earlier term on its path. */
export function withFieldTerm(text: string, path: string, term: string): string {
  const rest = text.replace(TOKEN, (match, _space: string, key: string) => (key === path ? '' : match)).trim();
  return rest ? `${rest} ${term}` : term;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1).replace(/"$/, ''); // a quote typed and not closed, or a bad escape: the text as typed
  }
}
