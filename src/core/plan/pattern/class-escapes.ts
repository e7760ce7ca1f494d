/**
 * What JavaScript's class escapes mean in a `u` pattern, as sets of code points. RE2 reads `\s`
 * without U+000B, U+00A0, U+FEFF and the Unicode spaces, and `\p{…}` by its own tables and names
 * (`\p{Letter}`, `\p{Script=Greek}` and binary properties like `\p{Emoji}` are not RE2 syntax): the
 * translation writes each one out as the set JavaScript means.
 */
import { complement, MAX_CODE_POINT, type CodePointSet } from './code-point-set';

const DIGIT: CodePointSet = [[0x30, 0x39]];
const WORD: CodePointSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** ECMA-262 WhiteSpace and LineTerminator: the Unicode Space_Separator category, tab, VT, FF, BOM, CR, LF, LS, PS. */
const SPACE: CodePointSet = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** `\d \D \w \W \s \S` by their letter, or undefined for any other letter. */
export function classEscapeSet(letter: string): CodePointSet | undefined {
  const set = { d: DIGIT, w: WORD, s: SPACE }[letter.toLowerCase()];
  if (!set) return undefined;
  return letter === letter.toLowerCase() ? set : complement(set);
}

/** Properties asked for before: each costs a pass over every code point. */
const propertySets = new Map<string, CodePointSet>();

/**
 * `\p{body}` as this JavaScript engine reads it (its Unicode version, its names and aliases), asked
 * of the engine itself code point by code point: a class matches one code point, which takes no
 * backtracking. `body` is from a pattern the engine compiled, so the property exists.
 */
export function propertySet(body: string): CodePointSet {
  const known = propertySets.get(body);
  if (known) return known;
  const test = new RegExp(`^\\p{${body}}$`, 'u');
  const ranges: [number, number][] = [];
  for (let codePoint = 0; codePoint <= MAX_CODE_POINT; codePoint++) {
    if (!test.test(String.fromCodePoint(codePoint))) continue;
    const last = ranges.at(-1);
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  propertySets.set(body, ranges);
  return ranges;
}
