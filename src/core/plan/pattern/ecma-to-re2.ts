/**
 * A JSON Schema `pattern` (ECMA-262, `u` flag, as ajv and json-schema-library compile it) rewritten in
 * RE2's syntax with the same meaning for `test()`, or the construct RE2 cannot match (lookaround,
 * backreferences, inline modifiers, counts above its limit) named with where it is.
 *
 * The input must already compile as a JavaScript `u` pattern (linear-pattern.ts checks first): that
 * grammar is strict (no stray `{`, `]` or identity escapes), so one pass can copy the structure as it
 * is and rewrite only its atoms. What the rewrite changes, and why:
 * - every character class, escape class and `.` becomes an explicit set of code points
 *   (class-escapes.ts, code-point-set.ts): RE2's `\s`, `.`, `[[:alpha:]]` and `\p{…}` differ;
 * - every literal that is not a letter or digit becomes `\x{…}`, so no RE2-only syntax can form;
 * - groups become non-capturing: `test()` reads no capture, and RE2's names are narrower than ours.
 * `^`, `$`, `\b`, `\B`, alternation and the quantifiers (lazy or not) mean the same in both without
 * flags, and are copied.
 */
import { classEscapeSet, propertySet } from './class-escapes';
import { complement, re2Class, re2Literal, single, union, type CodePointSet } from './code-point-set';
import { refusal, type Refusal } from './refusal';

export type Translation =
  { readonly ok: true; readonly re2: string } | { readonly ok: false; readonly refusal: Refusal };

/** `.` without the `s` flag: anything but the four line terminators. */
const DOT = complement([
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
]);
/** RE2 refuses a count above this; the message says so before RE2 does. */
const RE2_MAX_REPEAT = 1000;

export function ecmaToRe2(source: string): Translation {
  let out = '';
  let at = 0;
  try {
    while (at < source.length) {
      const char = source[at] as string;
      if (char === '(') {
        out += '(?:';
        at = afterGroupOpening(source, at);
      } else if (char === '[') {
        const { set, end } = readClass(source, at);
        out += re2Class(set);
        at = end;
      } else if (char === '\\') {
        const { re2, end } = readAtomEscape(source, at);
        out += re2;
        at = end;
      } else if (char === '{') {
        const end = source.indexOf('}', at) + 1;
        checkCounts(source, at, end);
        out += source.slice(at, end);
        at = end;
      } else if (char === '.') {
        out += re2Class(DOT);
        at++;
      } else if ('^$|)*+?'.includes(char)) {
        out += char;
        at++;
      } else {
        const codePoint = source.codePointAt(at) as number;
        out += re2Literal(codePoint);
        at += codePoint > 0xffff ? 2 : 1;
      }
    }
  } catch (error) {
    if (error instanceof RefusedConstruct) return { ok: false, refusal: error.refusal };
    throw error;
  }
  return { ok: true, re2: out };
}

/** Thrown from deep in the scan, caught by ecmaToRe2 alone. */
class RefusedConstruct extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.construct);
  }
}

function refuse(kind: Refusal['kind'], source: string, at: number, end: number): never {
  throw new RefusedConstruct(refusal(kind, source, at, end));
}

/** Where the group's own pattern starts; `(` , `(?:` and `(?<name>` are kept as a plain group. */
function afterGroupOpening(source: string, at: number): number {
  if (source[at + 1] !== '?') return at + 1;
  const kind = source[at + 2];
  if (kind === ':') return at + 3;
  if (kind === '=' || kind === '!') refuse('lookahead', source, at, groupEnd(source, at));
  if (kind === '<' && (source[at + 3] === '=' || source[at + 3] === '!'))
    refuse('lookbehind', source, at, groupEnd(source, at));
  if (kind === '<') return source.indexOf('>', at) + 1;
  refuse('modifiers', source, at, source.indexOf(':', at) + 1);
}

/** Just past the `)` that closes the group opened at `at`, skipping escapes and classes. */
function groupEnd(source: string, at: number): number {
  let depth = 0;
  for (let i = at; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') i = classEnd(source, i) - 1;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

function classEnd(source: string, at: number): number {
  for (let i = at + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

function checkCounts(source: string, at: number, end: number): void {
  const counts = source.slice(at + 1, end - 1).split(',');
  if (counts.some((count) => count !== '' && Number(count) > RE2_MAX_REPEAT)) refuse('count', source, at, end);
}

/** `\…` outside a class, from the backslash at `at`. */
function readAtomEscape(source: string, at: number): { re2: string; end: number } {
  const letter = source[at + 1] as string;
  if (letter === 'b' || letter === 'B') return { re2: `\\${letter}`, end: at + 2 };
  if (letter === 'k') refuse('backreference', source, at, source.indexOf('>', at) + 1);
  if (isDigit(letter) && letter !== '0') {
    let end = at + 1;
    while (isDigit(source[end])) end++;
    refuse('backreference', source, at, end);
  }
  const escape = readClassEscape(source, at);
  const re2 = escape.codePoint === undefined ? re2Class(escape.set) : re2Literal(escape.codePoint);
  return { re2, end: escape.end };
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** `[…]` from its `[` at `at`: the set it matches. */
function readClass(source: string, at: number): { set: CodePointSet; end: number } {
  const negated = source[at + 1] === '^';
  let i = negated ? at + 2 : at + 1;
  const sets: CodePointSet[] = [];
  while (i < source.length && source[i] !== ']') {
    const first = readClassAtom(source, i);
    i = first.end;
    // A `-` between two single characters is a range; before `]`, or after an escape class, it is itself.
    if (source[i] === '-' && source[i + 1] !== ']' && first.codePoint !== undefined) {
      const last = readClassAtom(source, i + 1);
      sets.push([[first.codePoint, last.codePoint ?? first.codePoint]]);
      i = last.end;
    } else sets.push(first.set);
  }
  const set = union(...sets);
  return { set: negated ? complement(set) : set, end: i + 1 };
}

function readClassAtom(source: string, at: number): { set: CodePointSet; codePoint?: number; end: number } {
  if (source[at] !== '\\') {
    const codePoint = source.codePointAt(at) as number;
    return { set: single(codePoint), codePoint, end: at + (codePoint > 0xffff ? 2 : 1) };
  }
  if (source[at + 1] === 'b') return { set: single(0x08), codePoint: 0x08, end: at + 2 }; // backspace, in a class
  if (source[at + 1] === '-') return { set: single(0x2d), codePoint: 0x2d, end: at + 2 };
  return readClassEscape(source, at);
}

/** An escape that means the same in and out of a class: a class escape or one character. */
function readClassEscape(source: string, at: number): { set: CodePointSet; codePoint?: number; end: number } {
  const letter = source[at + 1] as string;
  const escapeClass = classEscapeSet(letter);
  if (escapeClass) return { set: escapeClass, end: at + 2 };
  if (letter === 'p' || letter === 'P') {
    const end = source.indexOf('}', at) + 1;
    const set = propertySet(source.slice(at + 3, end - 1));
    return { set: letter === 'p' ? set : complement(set), end };
  }
  const { codePoint, end } = readCharacterEscape(source, at);
  return { set: single(codePoint), codePoint, end };
}

const CONTROL_ESCAPES: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, v: 0x0b, f: 0x0c, r: 0x0d, '0': 0 };

/** `\t`, `\cJ`, `\x41`, `\u0041`, `\u{1F600}`, `\uD83D\uDE00` (one code point), `\.`… */
function readCharacterEscape(source: string, at: number): { codePoint: number; end: number } {
  const letter = source[at + 1] as string;
  const control = CONTROL_ESCAPES[letter];
  if (control !== undefined) return { codePoint: control, end: at + 2 };
  if (letter === 'c') return { codePoint: (source.codePointAt(at + 2) as number) % 32, end: at + 3 };
  if (letter === 'x') return { codePoint: parseInt(source.slice(at + 2, at + 4), 16), end: at + 4 };
  if (letter === 'u' && source[at + 2] === '{') {
    const end = source.indexOf('}', at) + 1;
    return { codePoint: parseInt(source.slice(at + 3, end - 1), 16), end };
  }
  if (letter === 'u') {
    const unit = parseInt(source.slice(at + 2, at + 6), 16);
    const trail = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(source.slice(at + 6));
    if (unit >= 0xd800 && unit <= 0xdbff && trail) {
      const low = parseInt(trail[1] as string, 16);
      return { codePoint: 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00), end: at + 12 };
    }
    return { codePoint: unit, end: at + 6 };
  }
  // An identity escape: `u` allows it for syntax characters and `/` only, each one code unit.
  return { codePoint: letter.charCodeAt(0), end: at + 2 };
}
