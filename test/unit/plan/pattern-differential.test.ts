// The linear-time matcher (core/plan/pattern/) against JavaScript's own RegExp with the `u` flag, on the
// patterns plans are written with and on strings a page sends: they must agree on every pair. Strings
// are short, so that JavaScript's backtracking finishes on the classic catastrophic patterns too.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePattern } from '../../../src/core/plan/pattern/linear-pattern';

/** Patterns as teams write them, the classic catastrophic email and URL ones included. */
const REALISTIC = [
  // emails
  '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  '^([a-zA-Z0-9_\\-\\.]+)@([a-zA-Z0-9_\\-\\.]+)\\.([a-zA-Z]{2,5})$',
  "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
  '^\\w+([\\.-]?\\w+)*@\\w+([\\.-]?\\w+)*(\\.\\w{2,3})+$',
  // URLs and paths
  '^https?:\\/\\/[^\\s/$.?#].[^\\s]*$',
  '^(https?:\\/\\/)?([\\da-z\\.-]+)\\.([a-z\\.]{2,6})([\\/\\w \\.-]*)*\\/?$',
  '^https://',
  '^/[a-z0-9/_-]*$',
  '^(?:https?|ftp):\\/\\/(?:www\\.)?[-a-zA-Z0-9@:%._+~#=]{1,256}\\.[a-zA-Z0-9()]{1,6}\\b(?:[-a-zA-Z0-9()@:%_+.~#?&/=]*)$',
  // dates and times
  '^\\d{4}-\\d{2}-\\d{2}$',
  '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
  '^(?<year>\\d{4})-(?<month>\\d{2})$',
  // identifiers, slugs, codes
  '^[a-z0-9]+(?:-[a-z0-9]+)*$',
  '^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
  '^[A-Z]{3}$',
  '^ord_[A-Za-z0-9]{4,12}$',
  '^\\+[1-9]\\d{1,14}$',
  '^#?([a-fA-F0-9]{6}|[a-fA-F0-9]{3})$',
  '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$',
  '^[a-z][a-z0-9_]*$',
  '^x_',
  '^\\$',
  // enums and free text
  '^(free|pro|team)$',
  'Lawyer Morty|Evil Morty',
  '^(?:Signed Up|Order Completed)$',
  "^[\\p{L}\\p{M}' -]+$",
  '^\\S+$',
  '^\\s*$',
  '^.{1,20}$',
  '.*',
  '^[^<>]*$',
  '\\bpro\\b',
  '^[\\w.\\-/]+$',
  '^\\u00e9t\\u00e9$',
];

/** Strings a page sends, with the characters where JavaScript and RE2 read their escapes differently. */
const STRINGS = [
  '',
  ' ',
  'a',
  'ann.lee@example.com',
  'ann lee@example.com',
  'a@b',
  'a@b.c',
  'first.last+tag@sub.example.co.uk',
  'aaaaaaaaaaaaaaaaaaaa!',
  'https://example.com/a/b?c=d#e',
  'http://x.io',
  'example.com/path to/page',
  'ftp://files.example.org/x.txt',
  '/pricing/team_plan-2',
  '2024-05-01',
  '2024-05-01T10:00:00Z',
  '2024-05-01T10:00:00.123+02:00',
  '2024-13-01T25:00:00Z',
  '2024-05',
  'my-first-post',
  'my--post',
  '123e4567-e89b-12d3-a456-426614174000',
  'EUR',
  'eur',
  'ord_AB12cd',
  '+14155552671',
  '#1a2B3c',
  'fff',
  '1.2.3',
  '1.0.0-alpha.1',
  '01.2.3',
  'plan_name',
  'x_seats',
  '$revenue',
  'free',
  'Pro',
  'team ',
  'Lawyer Morty',
  'Rick and Evil Morty',
  'Signed Up',
  "Zoë O'Brien-Ærø",
  'été',
  'naïve café',
  'a\u00a0b',
  'a\u000bb',
  '\u2003',
  '\ufeff',
  'line\nbreak',
  'cr\rhere',
  'ls\u2028ps\u2029',
  '😀 emoji',
  '\ud800',
  '٤٢',
  '<script>',
  'a.b/c-d_e',
  'the pro plan',
  'prod',
];

/** Deterministic, so a failure names a string that fails again. */
function randomStrings(seed: number, alphabet: readonly string[], count: number): string[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
  );
}

/** Every `pattern` and `patternProperties` name in a JSON document. */
function patternsIn(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) patternsIn(item, found);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'pattern' && typeof value === 'string') found.add(value);
      if (key === 'patternProperties' && typeof value === 'object' && value !== null)
        for (const name of Object.keys(value)) found.add(name);
      patternsIn(value, found);
    }
  }
  return found;
}

const fixtures = new URL('fixtures/', import.meta.url);
const fromTypewriter = readdirSync(fixtures)
  .filter((name) => name.endsWith('.plan.json'))
  .flatMap((name) => [...patternsIn(JSON.parse(readFileSync(new URL(name, fixtures), 'utf8')) as unknown, new Set())]);

const ALPHABET = [...'aZ09_-.@:/ #+$\u00e9\u00a0\u000b\n\r\u2028😀'];

describe('RE2 agrees with JavaScript RegExp (u flag)', () => {
  it('finds the Typewriter fixtures’ patterns', () => {
    expect(fromTypewriter).toContain('Lawyer Morty|Evil Morty');
  });

  it.each([...new Set([...REALISTIC, ...fromTypewriter])])('%s', (pattern) => {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) throw new Error(compiled.problem);
    const native = new RegExp(pattern, 'u');
    const strings = [...STRINGS, ...randomStrings(pattern.length, [...ALPHABET, ...new Set(pattern)], 300)];
    const disagreements = strings.filter((text) => compiled.test(text) !== native.test(text));
    expect(disagreements).toEqual([]);
  });
});
