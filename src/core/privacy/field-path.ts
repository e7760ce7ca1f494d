/**
 * A field's path as people write it, in findings and in allow rules: `properties.items[0].email`,
 * `context.page.url`, `properties["billing address"]` for a key that is not a plain name. The two are
 * one syntax, so a finding's path can be pasted into an allow rule as it is shown.
 */

/** A key or an array index; an allow rule's path may also hold `*`, any one key or index. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** The JSON Pointer (RFC 6901) a Problem's `path` is: `/properties/items/0/email`. */
export function jsonPointer(path: readonly PathSegment[]): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * `properties.items[0].email` -> ['properties', 'items', '0', 'email']: indices as their digits, `*` and `[*]`
 * (or `[]`) as '*'. An error says what is wrong, where.
 */
export function parsePath(text: string): { readonly path: string[] } | { readonly error: string } {
  const path: string[] = [];
  let at = 0;
  while (at < text.length) {
    if (text[at] === '[') {
      const close = closingBracket(text, at);
      if (close < 0) return { error: `"[" at character ${at + 1} is never closed` };
      const inner = text.slice(at + 1, close);
      if (inner === '' || inner === '*' || /^\d+$/.test(inner)) path.push(inner === '' ? '*' : inner);
      else if (inner.startsWith('"')) {
        try {
          path.push(String(JSON.parse(inner)));
        } catch {
          return { error: `${inner} is not a quoted key (write ["a key"], with double quotes)` };
        }
      } else return { error: `[${inner}] must be an index ([0]), [*] or a quoted key (["a key"])` };
      at = close + 1;
      if (at < text.length && text[at] !== '.' && text[at] !== '[')
        return { error: `expected "." or "[" after "]" at character ${at + 1}` };
      if (text[at] === '.') at++;
      continue;
    }
    let end = at;
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
    const key = text.slice(at, end);
    if (key === '') return { error: `an empty field name at character ${at + 1} (two dots, or a dot at an end)` };
    path.push(key);
    at = text[end] === '.' ? end + 1 : end;
    if (text[end] === '.' && at === text.length) return { error: 'the path ends with a dot' };
  }
  if (path.length === 0) return { error: 'the path is empty' };
  return { path };
}

/** The "]" closing the "[" at `open`, skipping one inside a quoted key; -1 when there is none. */
function closingBracket(text: string, open: number): number {
  let quoted = false;
  for (let i = open + 1; i < text.length; i++) {
    if (quoted && text[i] === '\\') i++;
    else if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ']' && !quoted) return i;
  }
  return -1;
}
